import { runAiSeats, type AiSettings } from "../ai/aiPlayers";
import type { Match } from "./match";
import { step } from "./step";

/**
 * One tick of a match, the same in the room, the replay and the headless simulator, so that a replay
 * or a resume reaches exactly the live match: a person's orders for the tick are already applied (the
 * room applies them as they arrive, a replay applies the logged ones first), then the AI plays the
 * seats no person holds, then the rules step the world.
 */
export function playTick(match: Match, aiSeats: Iterable<string>, ai: AiSettings): void {
  if (match.state.phase !== "playing") return;
  runAiSeats(match, aiSeats, ai);
  step(match.state, match.ctx);
}
