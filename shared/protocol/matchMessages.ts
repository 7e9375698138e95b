import { z } from "zod";
import { LIMITS } from "./limits";

/** Messages between players during a match: chat and the speed vote. */
export const MatchMessageType = {
  chat: "chat",
  voteSpeed: "voteSpeed",
} as const;

export const SPEEDS = [0, 1, 2, 4] as const;

/** "side": your own side only; "all": everyone in the match. Spectators always talk among spectators. */
export const chatSchema = z.object({ to: z.enum(["side", "all"]), text: z.string().trim().min(1).max(LIMITS.chatCharacters) }).strict();
export const voteSpeedSchema = z.object({ speed: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(4)]) }).strict();

/** A chat line as the server delivers it. */
export interface ChatLine {
  from: string;
  side: string;
  to: "side" | "all" | "spectators";
  text: string;
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
