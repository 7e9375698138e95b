import type { MatchState } from "../state/MatchState";
import { logEvent } from "./eventLog";
import { shipInRegionKind } from "./geometry";
import { classOf } from "./shipStats";
import { reputationLoss } from "./tuning";

/**
 * While the treaty holds, every occupier capital ship inside the zone costs reputation for every hour
 * it stays, and its crossing is public news.
 */
export function stepTreaty(state: MatchState): void {
  if (!state.treaty) return;
  let breaches = 0;
  for (const ship of state.ships.values()) {
    if (ship.side !== "occupier") continue;
    const inBreach = classOf(ship).size === "large" && shipInRegionKind(state, ship, "zone");
    if (inBreach && !ship.inBreach) logEvent(state, "all", "treaty", `The ${ship.name} has crossed into the zone in breach of the treaty.`);
    ship.inBreach = inBreach;
    if (inBreach) breaches += 1;
  }
  if (breaches > 0) state.reputation = Math.max(0, state.reputation - (breaches * reputationLoss.treatyBreachPerDay * state.hoursPerTick) / 24);
}
