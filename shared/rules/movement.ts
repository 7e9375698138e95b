import Matter from "matter-js";
import type { MatchState, Ship } from "../state/MatchState";
import { effectiveSensorRange, effectiveSpeed, SHIP_BODY_RADIUS } from "./shipStats";

/**
 * matter-js measures velocity per "base delta" (1000/60 ms). Stepping the engine by exactly that
 * delta once per tick makes a body move by its velocity each tick, independent of wall-clock time.
 */
const ENGINE_STEP_MS = 1000 / 60;
const HULL_CATEGORY = 0x0001;
const SENSOR_CATEGORY = 0x0002;
/** Resize a sensor only when its range changes by more than this fraction (Body.scale accumulates error). */
const SENSOR_RESIZE_TOLERANCE = 0.01;

interface ShipBodies {
  hull: Matter.Body;
  sensor: Matter.Body;
  sensorRadius: number;
}

/**
 * The physics side of a match: a hull circle and a sensor circle per ship, both sensors in matter's
 * sense (they overlap, never bounce). Hulls only meet sensors, so every collision event is a contact:
 * "ship X's sensors cover ship Y". Rebuilt from state; never synced or saved.
 */
export interface MovementWorld {
  engine: Matter.Engine;
  bodies: Map<string, ShipBodies>;
  /** observer ship id → ids of ships whose hulls are inside its sensor circle. */
  contacts: Map<string, Set<string>>;
  /** addShipBody and removeShipBody bound to this world: the rules that spawn and remove ships call these, so they need not import matter-js (the client runs those rules' checks too). */
  addShip(state: MatchState, ship: Ship): void;
  removeShip(shipId: string): void;
}

function shipIdOf(body: Matter.Body): string {
  return (body.plugin as { shipId: string }).shipId;
}

export function createMovementWorld(state: MatchState): MovementWorld {
  const engine = Matter.Engine.create({ gravity: { x: 0, y: 0, scale: 0 }, enableSleeping: false });
  const world: MovementWorld = {
    engine,
    bodies: new Map(),
    contacts: new Map(),
    addShip: (state, ship) => addShipBody(world, state, ship),
    removeShip: (shipId) => removeShipBody(world, shipId),
  };
  Matter.Events.on(engine, "collisionStart", (event) => {
    for (const pair of event.pairs) {
      const [sensor, hull] = pair.bodyA.collisionFilter.category === SENSOR_CATEGORY ? [pair.bodyA, pair.bodyB] : [pair.bodyB, pair.bodyA];
      const observer = shipIdOf(sensor);
      const target = shipIdOf(hull);
      if (observer !== target) world.contacts.get(observer)?.add(target);
    }
  });
  Matter.Events.on(engine, "collisionEnd", (event) => {
    for (const pair of event.pairs) {
      const [sensor, hull] = pair.bodyA.collisionFilter.category === SENSOR_CATEGORY ? [pair.bodyA, pair.bodyB] : [pair.bodyB, pair.bodyA];
      world.contacts.get(shipIdOf(sensor))?.delete(shipIdOf(hull));
    }
  });
  state.ships.forEach((ship) => addShipBody(world, state, ship));
  return world;
}

export function addShipBody(world: MovementWorld, state: MatchState, ship: Ship): void {
  const plugin = { shipId: ship.id };
  const hull = Matter.Bodies.circle(ship.x, ship.y, SHIP_BODY_RADIUS, {
    isSensor: true,
    frictionAir: 0,
    plugin,
    collisionFilter: { category: HULL_CATEGORY, mask: SENSOR_CATEGORY, group: 0 },
  });
  const sensorRadius = Math.max(1, effectiveSensorRange(state, ship));
  const sensor = Matter.Bodies.circle(ship.x, ship.y, sensorRadius, {
    isSensor: true,
    frictionAir: 0,
    plugin,
    collisionFilter: { category: SENSOR_CATEGORY, mask: HULL_CATEGORY, group: 0 },
  });
  Matter.Composite.add(world.engine.world, [hull, sensor]);
  world.bodies.set(ship.id, { hull, sensor, sensorRadius });
  world.contacts.set(ship.id, new Set());
}

export function removeShipBody(world: MovementWorld, shipId: string): void {
  const bodies = world.bodies.get(shipId);
  if (!bodies) return;
  Matter.Composite.remove(world.engine.world, [bodies.hull, bodies.sensor]);
  world.bodies.delete(shipId);
  world.contacts.delete(shipId);
  world.contacts.forEach((seen) => seen.delete(shipId));
}

/** Advances a standing patrol route to its next stop. */
function nextRouteStop(state: MatchState, ship: Ship): void {
  ship.routeIndex = (ship.routeIndex + 1) % ship.route.length;
  const stop = state.systems.get(ship.route[ship.routeIndex]!);
  if (!stop) return;
  ship.destX = stop.x;
  ship.destY = stop.y;
  ship.destSystem = stop.id;
  ship.moving = true;
}

function setVelocity(bodies: ShipBodies, velocity: Matter.Vector): void {
  Matter.Body.setVelocity(bodies.hull, velocity);
  Matter.Body.setVelocity(bodies.sensor, velocity);
}

function place(bodies: ShipBodies, position: Matter.Vector): void {
  Matter.Body.setPosition(bodies.hull, position);
  Matter.Body.setPosition(bodies.sensor, position);
}

/** Steers every ship toward its destination for one tick, steps the engine, and writes positions back. */
export function stepMovement(state: MatchState, world: MovementWorld): void {
  state.ships.forEach((ship) => {
    const bodies = world.bodies.get(ship.id);
    if (!bodies) return;
    const range = Math.max(1, effectiveSensorRange(state, ship));
    if (Math.abs(range - bodies.sensorRadius) > bodies.sensorRadius * SENSOR_RESIZE_TOLERANCE) {
      const factor = range / bodies.sensorRadius;
      Matter.Body.scale(bodies.sensor, factor, factor);
      bodies.sensorRadius = range;
    }
    if (!ship.moving && ship.route.length > 0 && ship.engagement === "") nextRouteStop(state, ship);
    if (!ship.moving || ship.engagement !== "") {
      setVelocity(bodies, { x: 0, y: 0 });
      return;
    }
    const stepLength = effectiveSpeed(state, ship) * state.hoursPerTick;
    const dx = ship.destX - bodies.hull.position.x;
    const dy = ship.destY - bodies.hull.position.y;
    const remaining = Math.hypot(dx, dy);
    if (remaining <= stepLength) {
      // Arrive exactly: the last partial step would otherwise overshoot and oscillate.
      place(bodies, { x: ship.destX, y: ship.destY });
      setVelocity(bodies, { x: 0, y: 0 });
      ship.moving = false;
      return;
    }
    setVelocity(bodies, { x: (dx / remaining) * stepLength, y: (dy / remaining) * stepLength });
    ship.heading = Math.atan2(dy, dx);
  });
  Matter.Engine.update(world.engine, ENGINE_STEP_MS);
  state.ships.forEach((ship) => {
    const bodies = world.bodies.get(ship.id);
    if (!bodies) return;
    ship.x = bodies.hull.position.x;
    ship.y = bodies.hull.position.y;
  });
}
