import Matter from "matter-js";
import type { MatchState, Ship } from "../state/MatchState";
import { effectiveSensorRange, effectiveSpeed, SHIP_BODY_RADIUS } from "./shipStats";
import { CONTACT_CHECK_STEPS } from "./tuning";

/** Resize a sensor only when its range changes by more than this fraction (Body.scale accumulates error). */
const SENSOR_RESIZE_TOLERANCE = 0.01;

/**
 * Collision categories by side. A sensor's mask holds only the other side's hulls, so matter-js never
 * tests a sensor against its own side's hulls, against another sensor, or a hull against a hull: the
 * only pairs that reach its narrow phase are the ones a contact can come of.
 */
const categories = {
  maquis: { hull: 0x01, sensor: 0x02 },
  occupier: { hull: 0x04, sensor: 0x08 },
  /** A ship of no side (its seat is not in the match) senses nothing and is sensed by no one. */
  none: { hull: 0x10, sensor: 0x20 },
} as const;
const SENSOR_CATEGORIES = categories.maquis.sensor | categories.occupier.sensor | categories.none.sensor;

function filtersOf(side: string): { hull: Matter.ICollisionFilter; sensor: Matter.ICollisionFilter } {
  const own = side === "maquis" ? categories.maquis : side === "occupier" ? categories.occupier : categories.none;
  const other = side === "maquis" ? categories.occupier : side === "occupier" ? categories.maquis : null;
  return {
    hull: { category: own.hull, mask: other ? other.sensor : 0, group: 0 },
    sensor: { category: own.sensor, mask: other ? other.hull : 0, group: 0 },
  };
}

interface ShipBodies {
  hull: Matter.Body;
  sensor: Matter.Body;
  sensorRadius: number;
  /** Where the bodies were last put: a ship that has not moved since needs no new contact test. */
  syncedX: number;
  syncedY: number;
}

/**
 * The contact side of a match: a hull circle and a sensor circle per ship, both sensors in matter's
 * sense (they overlap, never bounce), in a matter-js Detector. Every collision it reports is a contact:
 * "ship X's sensors cover ship Y of the other side". Ships move by the rules' own arithmetic (straight
 * lines at their speed, stepMovement); the bodies are brought to the ships and the detector run every
 * CONTACT_CHECK_STEPS steps while a rule needs the contacts (contactsNeeded), and when the world is
 * built. Rebuilt from state; never synced or saved.
 */
export interface MovementWorld {
  detector: Matter.Detector;
  bodies: Map<string, ShipBodies>;
  /** observer ship id → ids of the other side's ships whose hulls were inside its sensor circle at the last check (checkContacts). */
  contacts: Map<string, Set<string>>;
  /** addShipBody and removeShipBody bound to this world: the rules that spawn and remove ships call these, so they need not import matter-js (the client runs those rules' checks too). */
  addShip(state: MatchState, ship: Ship): void;
  removeShip(shipId: string): void;
}

function shipIdOf(body: Matter.Body): string {
  return (body.plugin as { shipId: string }).shipId;
}

/** Whether this step refreshes the contacts: a function of the tick alone, so a resumed match checks on the same steps. */
export function isContactCheckStep(state: MatchState): boolean {
  return state.tick % CONTACT_CHECK_STEPS === 0;
}

/** The rules read contacts only to spring ambushes (stepAmbushes): with nobody lying in wait, they need no refresh. */
export function contactsNeeded(state: MatchState): boolean {
  for (const ship of state.ships.values()) if (ship.stance === "ambush") return true;
  return false;
}

export function createMovementWorld(state: MatchState): MovementWorld {
  const world: MovementWorld = {
    detector: Matter.Detector.create(),
    bodies: new Map(),
    contacts: new Map(),
    addShip: (state, ship) => addShipBody(world, state, ship),
    removeShip: (shipId) => removeShipBody(world, shipId),
  };
  state.ships.forEach((ship) => addShipBody(world, state, ship));
  checkContacts(state, world);
  return world;
}

export function addShipBody(world: MovementWorld, state: MatchState, ship: Ship): void {
  const plugin = { shipId: ship.id };
  const filters = filtersOf(ship.side);
  const hull = Matter.Bodies.circle(ship.x, ship.y, SHIP_BODY_RADIUS, { isSensor: true, frictionAir: 0, plugin, collisionFilter: filters.hull });
  const sensorRadius = Math.max(1, effectiveSensorRange(state, ship));
  const sensor = Matter.Bodies.circle(ship.x, ship.y, sensorRadius, { isSensor: true, frictionAir: 0, plugin, collisionFilter: filters.sensor });
  world.detector.bodies.push(hull, sensor);
  // NaN: never synced, so the next check tests the new ship against everything around it.
  world.bodies.set(ship.id, { hull, sensor, sensorRadius, syncedX: NaN, syncedY: NaN });
  world.contacts.set(ship.id, new Set());
}

export function removeShipBody(world: MovementWorld, shipId: string): void {
  const bodies = world.bodies.get(shipId);
  if (!bodies) return;
  world.detector.bodies = world.detector.bodies.filter((body) => body !== bodies.hull && body !== bodies.sensor);
  world.bodies.delete(shipId);
  world.contacts.delete(shipId);
  world.contacts.forEach((seen) => seen.delete(shipId));
}

/**
 * Brings the bodies to where the ships are and refreshes the contacts. Only pairs with a ship that
 * moved (or whose sensor changed size) since the last check can have changed: the others' bodies are
 * marked asleep, which matter's detector skips in pairs, and their contacts stand.
 */
export function checkContacts(state: MatchState, world: MovementWorld): void {
  const changed: string[] = [];
  world.bodies.forEach((bodies, id) => {
    const ship = state.ships.get(id);
    if (!ship) return;
    let moved = false;
    const range = Math.max(1, effectiveSensorRange(state, ship));
    if (Math.abs(range - bodies.sensorRadius) > bodies.sensorRadius * SENSOR_RESIZE_TOLERANCE) {
      const factor = range / bodies.sensorRadius;
      Matter.Body.scale(bodies.sensor, factor, factor);
      bodies.sensorRadius = range;
      moved = true;
    }
    if (ship.x !== bodies.syncedX || ship.y !== bodies.syncedY) {
      const position = { x: ship.x, y: ship.y };
      Matter.Body.setPosition(bodies.hull, position);
      Matter.Body.setPosition(bodies.sensor, position);
      bodies.syncedX = ship.x;
      bodies.syncedY = ship.y;
      moved = true;
    }
    bodies.hull.isSleeping = !moved;
    bodies.sensor.isSleeping = !moved;
    if (moved) changed.push(id);
  });
  if (changed.length === 0) return;
  for (const id of changed) {
    world.contacts.get(id)?.clear();
    world.contacts.forEach((seen) => seen.delete(id));
  }
  for (const collision of Matter.Detector.collisions(world.detector)) {
    const [sensor, hull] = (collision.bodyA.collisionFilter.category! & SENSOR_CATEGORIES) !== 0 ? [collision.bodyA, collision.bodyB] : [collision.bodyB, collision.bodyA];
    world.contacts.get(shipIdOf(sensor))?.add(shipIdOf(hull));
  }
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

/** Moves every ship one step toward its destination, at its speed, and on a check step refreshes the sensor contacts if a rule will read them. */
export function stepMovement(state: MatchState, world: MovementWorld): void {
  state.ships.forEach((ship) => {
    if (!ship.moving && ship.route.length > 0 && ship.engagement === "") nextRouteStop(state, ship);
    // Ships in a fight hold still, keeping their course for when it is over.
    if (!ship.moving || ship.engagement !== "") return;
    const stepLength = effectiveSpeed(state, ship) * state.hoursPerTick;
    const dx = ship.destX - ship.x;
    const dy = ship.destY - ship.y;
    const remaining = Math.hypot(dx, dy);
    if (remaining <= stepLength) {
      // Arrive exactly: the last partial step would otherwise overshoot and oscillate.
      ship.x = ship.destX;
      ship.y = ship.destY;
      ship.moving = false;
      return;
    }
    ship.x += (dx / remaining) * stepLength;
    ship.y += (dy / remaining) * stepLength;
    ship.heading = Math.atan2(dy, dx);
  });
  if (isContactCheckStep(state) && contactsNeeded(state)) checkContacts(state, world);
}
