import { LogEntry, type MatchState } from "../state/MatchState";
import { MAX_LOG_ENTRIES } from "./tuning";

export type Audience = "all" | "maquis" | "occupier" | (string & {});

/** Adds a line to the match log; the room shows each line only to its audience. */
export function logEvent(state: MatchState, audience: Audience, kind: string, text: string, at?: { x: number; y: number }): void {
  state.log.push(new LogEntry({ tick: state.tick, hours: state.hours, audience, kind, text, ...(at ? { x: at.x, y: at.y } : {}) }));
  if (state.log.length > MAX_LOG_ENTRIES) state.log.shift();
}
