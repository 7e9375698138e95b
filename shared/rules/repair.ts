import type { MatchState, Ship, StarSystem } from "../state/MatchState";
import { shipSystemAt } from "./geometry";
import { classOf } from "./shipStats";
import { cellOf, isOccupierSystem } from "./sides";
import { repairPerHour } from "./tuning";

export type RepairPlace = keyof typeof repairPerHour;

/** Where a ship at rest can mend, and so how fast: its base, a depot, a friendly colony, or nowhere but its own shields. */
export function repairPlace(state: MatchState, ship: Ship): RepairPlace {
  const system = shipSystemAt(state, ship);
  if (!system) return "underway";
  if (ship.side === "maquis") return maquisRepairPlace(cellOf(state, ship.seat)?.baseSystem, system);
  if (ship.convoy) return "underway";
  if (isOccupierSystem(state, system)) return "depot";
  return system.population > 0 && system.sympathy <= -1 ? "friendlyColony" : "underway";
}

/** Where a cell's ship mends at a system: the cell's base, or a sympathetic colony. */
export function maquisRepairPlace(baseSystem: string | undefined, system: StarSystem): RepairPlace {
  if (baseSystem === system.id) return "base";
  return system.population > 0 && system.sympathy >= 1 ? "friendlyColony" : "underway";
}

/** Ships out of a fight and at rest mend their hull and shields, up to their class's full strength. */
export function stepRepairs(state: MatchState): void {
  for (const ship of state.ships.values()) {
    if (ship.engagement !== "" || ship.moving) continue;
    const shipClass = classOf(ship);
    if (ship.hull >= shipClass.hull && ship.shields >= shipClass.shields) continue;
    const rate = repairPerHour[repairPlace(state, ship)];
    // Never past full strength, and never down to it: a scenario may field a ship above its class.
    if (ship.hull < shipClass.hull) ship.hull = Math.min(shipClass.hull, ship.hull + rate.hull * shipClass.hull * state.hoursPerTick);
    if (ship.shields < shipClass.shields) ship.shields = Math.min(shipClass.shields, ship.shields + rate.shields * shipClass.shields * state.hoursPerTick);
  }
}
