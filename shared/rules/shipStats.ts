import { shipClasses, type ShipClass } from "../scenario/shipClassSchema";
import type { MatchState, Ship } from "../state/MatchState";
import { distance, inRegionKind } from "./geometry";
import { NEBULA_SENSOR_FACTOR, NEBULA_SPEED, STORM_SENSOR_FACTOR, stormSpeed } from "./tuning";

export function classOf(ship: Ship): ShipClass {
  const shipClass = shipClasses.get(ship.shipClass);
  if (!shipClass) throw new Error(`ship ${ship.id} has unknown class "${ship.shipClass}"`);
  return shipClass;
}

/** Map units per hour, after storms and nebulae. */
export function effectiveSpeed(state: MatchState, ship: Ship): number {
  const shipClass = classOf(ship);
  let speed = shipClass.speed;
  if (inRegionKind(state, ship.x, ship.y, "plasma-storm")) speed *= stormSpeed[shipClass.size];
  if (inRegionKind(state, ship.x, ship.y, "nebula")) speed *= NEBULA_SPEED;
  return speed;
}

/** Sensor radius in map units; plasma storms all but blind a ship, nebulae halve its reach. */
export function effectiveSensorRange(state: MatchState, ship: Ship): number {
  let range = classOf(ship).sensorRange;
  if (inRegionKind(state, ship.x, ship.y, "plasma-storm")) range *= STORM_SENSOR_FACTOR;
  if (inRegionKind(state, ship.x, ship.y, "nebula")) range *= NEBULA_SENSOR_FACTOR;
  return range;
}

/** The geometry the matter-js sensors use: a sensor circle touching the target's hull circle. */
export const SHIP_BODY_RADIUS = 4;

export function inSensorRange(state: MatchState, observer: Ship, target: Ship): boolean {
  return distance(observer, target) <= effectiveSensorRange(state, observer) + SHIP_BODY_RADIUS;
}

export function inCover(state: MatchState, ship: Ship): boolean {
  return inRegionKind(state, ship.x, ship.y, "plasma-storm") || inRegionKind(state, ship.x, ship.y, "nebula");
}

export function isWarship(ship: Ship): boolean {
  return classOf(ship).firepower >= 20 && ship.side === "occupier" && !ship.convoy;
}
