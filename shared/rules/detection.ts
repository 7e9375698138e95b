import type { MatchState, Ship } from "../state/MatchState";
import { logEvent } from "./eventLog";
import { systemAt } from "./geometry";
import { sideObserves } from "./visibility";

/** Whether the occupier's eyes (ship sensors, garrisons, well-informed systems) cover the point where a ship is. */
export function observedByOccupier(state: MatchState, target: Ship): boolean {
  return sideObserves(state, "occupier", target);
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
