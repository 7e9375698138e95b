import type { MatchState, Ship } from "../state/MatchState";
import { logEvent } from "./eventLog";
import { distance, systemAt } from "./geometry";
import { inSensorRange } from "./shipStats";
import { GARRISON_SENSOR_RANGE, INTEL_WATCH_LEVEL, INTEL_WATCH_RANGE } from "./tuning";

/** Whether the occupier's eyes (ship sensors, garrisons, well-informed systems) cover a point where a ship is. */
export function observedByOccupier(state: MatchState, target: Ship): boolean {
  for (const ship of state.ships.values())
    if (ship.side === "occupier" && inSensorRange(state, ship, target)) return true;
  for (const system of state.systems.values()) {
    const reach = system.garrison > 0 ? GARRISON_SENSOR_RANGE : system.intelOccupier >= INTEL_WATCH_LEVEL ? INTEL_WATCH_RANGE : 0;
    if (reach > 0 && distance(system, target) <= reach) return true;
  }
  return false;
}

function whereIs(state: MatchState, ship: Ship): string {
  const system = systemAt(state, ship.x, ship.y);
  return system ? `at ${system.name}` : `near (${Math.round(ship.x)}, ${Math.round(ship.y)})`;
}

/** An underground ship that acts where the occupier can see it becomes active (visible) until it goes dark again. */
export function revealIfObserved(state: MatchState, ship: Ship): void {
  if (ship.side !== "maquis" || !ship.underground || !observedByOccupier(state, ship)) return;
  reveal(state, ship, "was seen acting");
}

export function reveal(state: MatchState, ship: Ship, how: string): void {
  if (!ship.underground) return;
  ship.underground = false;
  ship.stance = ship.stance === "dark" ? "" : ship.stance;
  ship.darkHours = 0;
  logEvent(state, "occupier", "sighting", `A Maquis ship, ${ship.name}, ${how} ${whereIs(state, ship)}.`);
  logEvent(state, ship.seat, "exposed", `${ship.name} ${how} ${whereIs(state, ship)}: the occupier can see it now.`);
}
