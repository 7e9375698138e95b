import Matter from "matter-js";
import { shipClasses } from "../scenario/shipClassSchema";
import type { MatchState, Ship } from "../state/MatchState";
import { HOURS_PER_TICK } from "./clock";

/**
 * matter-js measures velocity per "base delta" (1000/60 ms). Stepping the engine by exactly that
 * delta once per tick makes a body move by its velocity each tick, independent of wall-clock time.
 */
const ENGINE_STEP_MS = 1000 / 60;
const SHIP_BODY_RADIUS = 4;

/** The physics side of a match: one sensor body per ship, rebuilt from state (never synced, never saved). */
export interface MovementWorld {
  engine: Matter.Engine;
  bodies: Map<string, Matter.Body>;
}

export function createMovementWorld(state: MatchState): MovementWorld {
  const engine = Matter.Engine.create({ gravity: { x: 0, y: 0, scale: 0 }, enableSleeping: false });
  const world: MovementWorld = { engine, bodies: new Map() };
  state.ships.forEach((ship) => addShipBody(world, ship));
  return world;
}

export function addShipBody(world: MovementWorld, ship: Ship): void {
  // Sensors: ships pass through each other; contacts are reported as collision events, not bounces.
  const body = Matter.Bodies.circle(ship.x, ship.y, SHIP_BODY_RADIUS, { isSensor: true, frictionAir: 0, label: ship.id });
  Matter.Composite.add(world.engine.world, body);
  world.bodies.set(ship.id, body);
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

/** Steers every ship toward its destination for one tick, steps the engine, and writes positions back. */
export function stepMovement(state: MatchState, world: MovementWorld): void {
  state.ships.forEach((ship) => {
    const body = world.bodies.get(ship.id);
    if (!body) return;
    if (!ship.moving && ship.route.length > 0) nextRouteStop(state, ship);
    if (!ship.moving) {
      Matter.Body.setVelocity(body, { x: 0, y: 0 });
      return;
    }
    const stepLength = shipClasses.get(ship.shipClass)!.speed * HOURS_PER_TICK;
    const dx = ship.destX - body.position.x;
    const dy = ship.destY - body.position.y;
    const distance = Math.hypot(dx, dy);
    if (distance <= stepLength) {
      // Arrive exactly: the last partial step would otherwise overshoot and oscillate.
      Matter.Body.setPosition(body, { x: ship.destX, y: ship.destY });
      Matter.Body.setVelocity(body, { x: 0, y: 0 });
      ship.moving = false;
      return;
    }
    Matter.Body.setVelocity(body, { x: (dx / distance) * stepLength, y: (dy / distance) * stepLength });
    ship.heading = Math.atan2(dy, dx);
  });
  Matter.Engine.update(world.engine, ENGINE_STEP_MS);
  state.ships.forEach((ship) => {
    const body = world.bodies.get(ship.id);
    if (!body) return;
    ship.x = body.position.x;
    ship.y = body.position.y;
  });
}
