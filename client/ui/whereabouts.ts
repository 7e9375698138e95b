import { distance, systemAt } from "../../shared/rules/geometry";
import { effectiveSpeed } from "../../shared/rules/shipStats";
import type { MatchState, Ship } from "../../shared/state/MatchState";

/** Beyond this many map units from every system, a ship is "in open space" rather than "near" one. */
const NEAR_SYSTEM_RANGE = 60;

/**
 * Where a ship is, in words: "at Solosos III", "to Bryma, 14 h", "near Bryma". The destination and the
 * hours show only where this viewer's state knows them (its own side's ships).
 */
export function whereabouts(state: MatchState, ship: Ship): string {
  if (ship.engagement !== "") return `fighting ${placeOf(state, ship)}`;
  if (!ship.moving) {
    const at = systemAt(state, ship.x, ship.y);
    return at ? `at ${at.name}` : `holding ${placeOf(state, ship)}`;
  }
  const destination = ship.destSystem ? state.systems.get(ship.destSystem) : undefined;
  // The other side's destination is not in this view: its fields decode as undefined.
  const known = destination !== undefined || (typeof ship.destX === "number" && typeof ship.destY === "number" && (ship.destX !== 0 || ship.destY !== 0));
  if (!known) return `under way ${placeOf(state, ship)}`;
  const target = destination ?? { x: ship.destX, y: ship.destY };
  const speed = effectiveSpeed(state, ship);
  const hours = speed > 0 && Number.isFinite(speed) ? Math.max(1, Math.ceil(distance(ship, target) / speed)) : undefined;
  const where = destination ? `to ${destination.name}` : "to open space";
  return hours === undefined ? where : `${where}, ${hours} h`;
}

/** "at X" within a system's reach, "near X" within sight of one, else "in open space". */
export function placeOf(state: MatchState, point: { x: number; y: number }): string {
  const at = systemAt(state, point.x, point.y);
  if (at) return `at ${at.name}`;
  let nearest: { name: string; d: number } | undefined;
  state.systems.forEach((system) => {
    const d = distance(system, point);
    if (d <= NEAR_SYSTEM_RANGE && (!nearest || d < nearest.d)) nearest = { name: system.name, d };
  });
  return nearest ? `near ${nearest.name}` : "in open space";
}

/** Every system a ship could be sent to, nearest first, with the hours it would take at its speed now. */
export function destinationsFor(state: MatchState, ship: Ship): { id: string; name: string; hours: number }[] {
  const speed = effectiveSpeed(state, ship);
  return [...state.systems.values()]
    .map((system) => ({ system, d: distance(system, ship) }))
    .filter(({ d }) => d > 1)
    .sort((a, b) => a.d - b.d)
    .map(({ system, d }) => ({ id: system.id, name: system.name, hours: speed > 0 ? Math.max(1, Math.ceil(d / speed)) : 0 }));
}
