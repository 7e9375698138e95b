import { z } from "zod";
import { LIMITS } from "./limits";

import { REPLAY_SPEEDS, SPEEDS } from "./protocolNames";

export { MatchMessageType, REPLAY_SPEEDS, SPEEDS } from "./protocolNames";

/** How many chat lines a match keeps (and sends a reloading client): the newest. */
export const CHAT_HISTORY_LINES = 100;

/** "side": your own side only; "all": everyone in the match. Spectators always talk among spectators. */
export const chatSchema = z.object({ to: z.enum(["side", "all"]), text: z.string().trim().min(1).max(LIMITS.chatCharacters) }).strict();
export const voteSpeedSchema = z.object({ speed: z.literal([...SPEEDS]) }).strict();
export const replaySpeedSchema = z.object({ speed: z.literal([...REPLAY_SPEEDS]) }).strict();
/** To the hour of the match (game hours since its start); past the end of the recording means its end. */
export const seekSchema = z.object({ hour: z.number().finite().min(0) }).strict();

/** A chat line as the server delivers it. */
export interface ChatLine {
  from: string;
  side: string;
  to: "side" | "all" | "spectators";
  text: string;
}

export interface ChatHistoryMessage {
  lines: ChatLine[];
}

/** What a replay's viewer is told on joining: the match's recorded length, for the timeline. */
export interface ReplayInfo {
  /** Game hours the recorded match ran (its last tick). */
  endHours: number;
  /** The scenario's planned length in hours. */
  lengthHours: number;
}

/**
 * Who reads a chat line, the same live and from the history: a line to all reaches everyone (the
 * spectators too); a side line only the players of the sender's side; a spectator's line only spectators.
 */
export function hearsChat(line: Pick<ChatLine, "side" | "to">, listenerSide: string): boolean {
  if (line.to === "spectators") return listenerSide === "spectator";
  if (line.to === "all") return true;
  return listenerSide !== "spectator" && listenerSide === line.side;
}

/**
 * The speed the votes decide: the most-voted speed among the seats that voted; on a tie, the host's
 * vote wins if it is among the tied, otherwise the slower speed (the cautious choice).
 */
export function decideSpeed(votes: number[], hostVote: number | undefined): number {
  // Nobody voting (or nobody left) means normal speed: a match is never left paused with no one to unpause it.
  if (votes.length === 0) return 1;
  const counts = new Map<number, number>();
  for (const vote of votes) counts.set(vote, (counts.get(vote) ?? 0) + 1);
  const most = Math.max(...counts.values());
  const tied = [...counts.entries()].filter(([, count]) => count === most).map(([speed]) => speed);
  if (tied.length === 1) return tied[0]!;
  if (hostVote !== undefined && tied.includes(hostVote)) return hostVote;
  return Math.min(...tied);
}

/**
 * The match's speed after a change in the votes (`cast` is the vote just cast, if one was). Any seated
 * player's pause takes effect at once, whatever the others voted. Running again is by vote: a paused
 * match runs once more seats vote for a speed than for the pause (a tie stays paused, so nobody's
 * pause is overruled by a casting vote), or once nobody votes at all. How fast it runs is decideSpeed
 * over the votes for a speed; a pause vote left standing does not slow a match that runs.
 */
export function speedAfterVote(current: number, votes: number[], hostVote: number | undefined, cast?: number): number {
  if (cast === 0) return 0;
  const running = votes.filter((vote) => vote > 0);
  const pausing = votes.length - running.length;
  if (current === 0 && votes.length > 0 && running.length <= pausing) return 0;
  return decideSpeed(running, hostVote !== undefined && hostVote > 0 ? hostVote : undefined);
}
