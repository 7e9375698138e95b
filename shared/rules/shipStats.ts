import { shipClasses, type ShipClass } from "../scenario/shipClassSchema";
import type { MatchState, Ship } from "../state/MatchState";
import { distance, shipInRegionKind, shipRegionKinds } from "./geometry";
import { CRIPPLED_PERFORMANCE, NEBULA_SENSOR_FACTOR, NEBULA_SPEED, STORM_SENSOR_FACTOR, stormSpeed } from "./tuning";

export function classOf(ship: Ship): ShipClass {
  const shipClass = shipClasses.get(ship.shipClass);
  if (!shipClass) throw new Error(`ship ${ship.id} has unknown class "${ship.shipClass}"`);
  return shipClass;
}

/** Damage slows a ship and weakens its fire: full at an intact hull, CRIPPLED_PERFORMANCE at a wrecked one. */
export function damageFactor(ship: Ship): number {
  return damageFactorOf(ship, classOf(ship));
}

function damageFactorOf(ship: Ship, shipClass: ShipClass): number {
  const intact = Math.max(0, Math.min(1, ship.hull / shipClass.hull));
  return CRIPPLED_PERFORMANCE + (1 - CRIPPLED_PERFORMANCE) * intact;
}

/** Firepower after damage. */
export function effectiveFirepower(ship: Ship): number {
  return classOf(ship).firepower * damageFactor(ship);
}

/** Map units per hour, after damage, storms and nebulae. */
export function effectiveSpeed(state: MatchState, ship: Ship): number {
  const shipClass = classOf(ship);
  let speed = shipClass.speed * damageFactorOf(ship, shipClass);
  const kinds = shipRegionKinds(state, ship);
  if (kinds.includes("plasma-storm")) speed *= stormSpeed[shipClass.size];
  if (kinds.includes("nebula")) speed *= NEBULA_SPEED;
  return speed;
}

/** Sensor radius in map units; plasma storms all but blind a ship, nebulae halve its reach. */
export function effectiveSensorRange(state: MatchState, ship: Ship): number {
  let range = classOf(ship).sensorRange;
  const kinds = shipRegionKinds(state, ship);
  if (kinds.includes("plasma-storm")) range *= STORM_SENSOR_FACTOR;
  if (kinds.includes("nebula")) range *= NEBULA_SENSOR_FACTOR;
  return range;
}

/** The geometry the matter-js sensors use: a sensor circle touching the target's hull circle. */
export const SHIP_BODY_RADIUS = 4;

/** How far from a ship's centre another ship's centre can be and still be in its sensor range. */
export function sensorReach(state: MatchState, observer: Ship): number {
  return effectiveSensorRange(state, observer) + SHIP_BODY_RADIUS;
}

export function inSensorRange(state: MatchState, observer: Ship, target: Ship): boolean {
  return distance(observer, target) <= sensorReach(state, observer);
}

export function inCover(state: MatchState, ship: Ship): boolean {
  return shipInRegionKind(state, ship, "plasma-storm") || shipInRegionKind(state, ship, "nebula");
}

export function isWarship(ship: Ship): boolean {
  return classOf(ship).firepower >= 20 && ship.side === "occupier" && !ship.convoy;
}
