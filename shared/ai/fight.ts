import type { Order } from "../protocol/orders";
import { classOf, effectiveFirepower } from "../rules/shipStats";
import { DISABLED_HULL_SHARE } from "../rules/tuning";
import type { MatchState, Ship } from "../state/MatchState";
import type { AiSkill } from "./difficulty";

/**
 * Orders for the seat's ships that are in a fight: break off where losing. Fights are resolved in
 * rounds of a few steps, far quicker than an AI's turn in an hour-scale scenario, so this runs every
 * step while a fight is on.
 */
export function breakOffOrders(state: MatchState, seat: string, skill: AiSkill): Order[] {
  const orders: Order[] = [];
  for (const ship of state.ships.values()) {
    if (ship.seat !== seat || !shouldBreakOff(state, ship, skill)) continue;
    // One try a round: a ship that already tried waits for the next exchange of fire.
    if (state.engagements.get(ship.engagement)?.triedBreakOff.includes(ship.id)) continue;
    orders.push({ kind: "breakOff", ship: ship.id });
  }
  return orders;
}

/** Whether a ship in a fight should try to break off: its hull is low, or its foe far outguns it. */
export function shouldBreakOff(state: MatchState, ship: Ship, skill: AiSkill): boolean {
  if (ship.engagement === "") return false;
  const engagement = state.engagements.get(ship.engagement);
  const foeId = engagement && (engagement.attacker === ship.id ? engagement.defender : engagement.attacker);
  const foe = foeId ? state.ships.get(foeId) : undefined;
  if (ship.hull < classOf(ship).hull * skill.breakOffHull && !(skill.weighsTheFight && foe && outlasts(ship, foe))) return true;
  return !!foe && skill.breakOffOutgunned > 0 && effectiveFirepower(foe) > effectiveFirepower(ship) * skill.breakOffOutgunned;
}

/** Whether the ship would take more rounds of the foe's fire to be wrecked than the foe would take of its own. */
function outlasts(ship: Ship, foe: Ship): boolean {
  const toWreck = (target: Ship) => target.shields + target.hull - classOf(target).hull * DISABLED_HULL_SHARE;
  return toWreck(ship) / Math.max(1e-6, effectiveFirepower(foe)) > toWreck(foe) / Math.max(1e-6, effectiveFirepower(ship));
}
