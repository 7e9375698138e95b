import { classOf, effectiveFirepower } from "../rules/shipStats";
import type { MatchState, Ship } from "../state/MatchState";
import type { AiSkill } from "./difficulty";

/** Whether a ship in a fight should try to break off: its hull is low, or its foe far outguns it. */
export function shouldBreakOff(state: MatchState, ship: Ship, skill: AiSkill): boolean {
  if (ship.engagement === "") return false;
  if (ship.hull < classOf(ship).hull * skill.breakOffHull) return true;
  const engagement = state.engagements.get(ship.engagement);
  const foeId = engagement && (engagement.attacker === ship.id ? engagement.defender : engagement.attacker);
  const foe = foeId ? state.ships.get(foeId) : undefined;
  return !!foe && skill.breakOffOutgunned > 0 && effectiveFirepower(foe) > effectiveFirepower(ship) * skill.breakOffOutgunned;
}
