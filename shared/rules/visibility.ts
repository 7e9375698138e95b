import type { MatchState, Ship } from "../state/MatchState";
import { distance } from "./geometry";
import { inSensorRange, sensorReach } from "./shipStats";
import type { Side } from "./sides";
import { GARRISON_SENSOR_RANGE, INTEL_WATCH_LEVEL, INTEL_WATCH_RANGE } from "./tuning";

/**
 * Whether a side's eyes cover the point where a ship is, hidden or not: its ships' sensors or its
 * fixed watchers. The one answer to "what can this side see", used by visibility and detection alike.
 */
export function sideObserves(state: MatchState, side: Side, target: Ship): boolean {
  for (const ship of state.ships.values()) if (ship.side === side && inSensorRange(state, ship, target)) return true;
  return watchedFromSystems(state, side, target);
}

/** One of a side's fixed eyes: a garrison's sensor post or a well-informed colony, and how far it sees. */
interface FixedEye {
  x: number;
  y: number;
  reach: number;
}

/** A side's fixed eyes (garrisons for the occupier, well-informed colonies for either), read from the systems once per question. */
function fixedEyes(state: MatchState, side: Side): FixedEye[] {
  const eyes: FixedEye[] = [];
  for (const system of state.systems.values()) {
    const intel = side === "occupier" ? system.intelOccupier : system.intelMaquis;
    let reach = intel >= INTEL_WATCH_LEVEL ? INTEL_WATCH_RANGE : 0;
    if (side === "occupier" && system.garrison > 0) reach = Math.max(reach, GARRISON_SENSOR_RANGE);
    if (reach > 0) eyes.push({ x: system.x, y: system.y, reach });
  }
  return eyes;
}

function watchedBy(eyes: readonly FixedEye[], ship: Ship): boolean {
  const { x, y } = ship;
  for (const eye of eyes) if (Math.hypot(eye.x - x, eye.y - y) <= eye.reach) return true;
  return false;
}

function watchedFromSystems(state: MatchState, side: Side, ship: Ship): boolean {
  return watchedBy(fixedEyes(state, side), ship);
}

/**
 * The ships a side can see: all of its own, and those of the other side that its sensors or its
 * watchers cover — never an underground Maquis ship for the occupier. Sensors here are the exact
 * circles the rules use (`inSensorRange`): matter-js's contacts, drawn with inscribed polygons and
 * refreshed every few steps, never cover more. Every ship a side's ship may target is then one the
 * side sees, and so one its players' clients hold.
 */
export function visibleShipIds(state: MatchState, side: Side): Set<string> {
  const visible = new Set<string>();
  const observers: { ship: Ship; reach: number }[] = [];
  for (const ship of state.ships.values()) {
    if (ship.side === side) {
      visible.add(ship.id);
      observers.push({ ship, reach: sensorReach(state, ship) });
    }
  }
  let eyes: FixedEye[] | undefined;
  for (const target of state.ships.values()) {
    if (target.side === side) continue;
    if (side === "occupier" && target.underground) continue;
    if (target.engagement !== "" && engagedWithSide(state, target, side)) {
      visible.add(target.id);
      continue;
    }
    const sensed = observers.some(({ ship, reach }) => distance(ship, target) <= reach);
    if (sensed || watchedBy((eyes ??= fixedEyes(state, side)), target)) visible.add(target.id);
  }
  return visible;
}

function engagedWithSide(state: MatchState, ship: Ship, side: Side): boolean {
  const engagement = state.engagements.get(ship.engagement);
  if (!engagement) return false;
  const other = state.ships.get(engagement.attacker === ship.id ? engagement.defender : engagement.attacker);
  return other?.side === side;
}
