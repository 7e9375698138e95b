import type { MatchState } from "../state/MatchState";
import { HOURS_PER_TICK } from "./clock";
import { stepMovement, type MovementWorld } from "./movement";

/** One simulation step of the whole match. */
export function step(state: MatchState, world: MovementWorld): void {
  state.tick += 1;
  state.hours += HOURS_PER_TICK;
  stepMovement(state, world);
}
