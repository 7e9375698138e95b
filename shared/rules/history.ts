import { DaySample, type MatchState } from "../state/MatchState";
import { dayOf } from "./clock";

/** Adds today's figures to the match history (once a day, and once more when the match ends). */
export function recordDay(state: MatchState): void {
  const cells = [...state.cells.values()].filter((cell) => !cell.eliminated);
  let maquisColonies = 0;
  let loyalColonies = 0;
  for (const system of state.systems.values()) {
    if (system.population === 0) continue;
    if (system.sympathy >= 1) maquisColonies += 1;
    if (system.sympathy <= -1) loyalColonies += 1;
  }
  state.history.push(
    new DaySample({
      day: dayOf(state.hours),
      hours: state.hours,
      standing: state.maquisStanding,
      maquisColonies,
      loyalColonies,
      exposure: cells.length > 0 ? cells.reduce((sum, cell) => sum + cell.exposure, 0) / cells.length : 0,
      supplies: cells.reduce((sum, cell) => sum + cell.supplies, 0),
      requisition: state.occupier.requisition,
      reputation: state.reputation,
      lostMaquis: state.lostMaquis,
      lostOccupier: state.lostOccupier,
      convoysLost: state.convoysLost,
    }),
  );
}
