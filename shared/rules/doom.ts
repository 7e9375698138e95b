import type { MatchState } from "../state/MatchState";
import { logEvent } from "./eventLog";

/** When a doomed world's hour comes, everyone still on it is lost; what the Maquis carried off is what was saved. */
export function stepDooms(state: MatchState): void {
  for (const system of state.systems.values()) {
    if (system.doomedAt < 0 || state.hours < system.doomedAt || system.population === 0) continue;
    const lost = system.population;
    system.population = 0;
    state.colonistsLost += lost;
    logEvent(state, "all", "doom", `The ${lost.toLocaleString("en")} colonists still on ${system.name} ${system.doomFate || "were lost"}.`, system);
  }
}
