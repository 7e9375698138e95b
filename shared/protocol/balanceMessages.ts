import { z } from "zod";
import type { AiSettings } from "../ai/aiPlayers";
import { difficulties, type Difficulty } from "../ai/difficulty";
import type { SeriesResult } from "../rules/balanceSeries";
import { playerIdSchema } from "./joinOptions";
import { LIMITS } from "./limits";

/* The balance report's HTTP messages (server/http/balanceApi.ts), shared by the server and the editor's BalancePanel. */

const levelsSchema = z.array(z.enum(difficulties as [Difficulty, ...Difficulty[]])).max(difficulties.length).refine((levels) => new Set(levels).size === levels.length, "must not name a level twice");

/**
 * Which levels to measure each side's AI at. Like `npm run balance -- --all`, a level of one side is
 * played against the other side's AI at normal; the pairing normal against normal is played once.
 */
export type BalanceLevels = { maquis: Difficulty[]; occupier: Difficulty[] };

/** The AI pairings a report plays, one row each: the occupier's levels first, then the Maquis'. */
export function balancePairings(levels: BalanceLevels): AiSettings[] {
  const pairings: AiSettings[] = [
    ...difficulties.filter((level) => levels.occupier.includes(level)).map((occupier): AiSettings => ({ occupier, maquis: "normal" })),
    ...difficulties.filter((level) => levels.maquis.includes(level)).map((maquis): AiSettings => ({ occupier: "normal", maquis })),
  ];
  return pairings.filter((pairing, i) => pairings.findIndex((other) => other.occupier === pairing.occupier && other.maquis === pairing.maquis) === i);
}

/** `POST /api/balance`. The scenario is checked apart, with validateScenario, so its problems come back by path. */
export const balanceRequestSchema = z
  .object({
    /** The draft scenario file, as the editor holds it. */
    scenario: z.unknown(),
    /** Games per row (per AI pairing). */
    games: z.number().int().min(1).max(LIMITS.balanceGamesPerJob),
    levels: z.object({ maquis: levelsSchema, occupier: levelsSchema }).strict(),
    /** The browser's player id (client/net/playerId.ts): the report's owner, who alone may cancel it. */
    player: playerIdSchema,
  })
  .strict()
  .refine((request) => balancePairings(request.levels).length > 0, { path: ["levels"], message: "choose at least one level for one side" })
  .refine((request) => request.games * balancePairings(request.levels).length <= LIMITS.balanceGamesPerJob, {
    path: ["games"],
    message: `games times rows must be at most ${LIMITS.balanceGamesPerJob}: ask for fewer games or fewer levels`,
  });
export type BalanceRequest = z.infer<typeof balanceRequestSchema>;

/** What a finished report says: one row per AI pairing, and how many games it all rests on. */
export interface BalanceReport {
  scenario: string;
  /** Every game played, all rows together. */
  games: number;
  rows: SeriesResult[];
}

export type BalanceJobStatus = "queued" | "running" | "done" | "cancelled" | "failed";

/** `GET /api/balance/:jobId`. `result` once done; `message` says why a job failed or was cancelled. */
export interface BalanceJobView {
  status: BalanceJobStatus;
  played: number;
  total: number;
  result?: BalanceReport;
  message?: string;
}

/** A refusal from the balance API; `problems` for a scenario that does not validate. */
export interface BalanceProblemAnswer {
  error: string;
  message: string;
  problems?: { path: string; message: string }[];
}
