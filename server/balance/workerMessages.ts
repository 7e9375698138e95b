import type { AiSettings } from "../../shared/ai/aiPlayers";
import type { BalanceReport } from "../../shared/protocol/balanceMessages";
import type { Scenario } from "../../shared/scenario/scenarioSchema";

/** What a balance worker is given (as its workerData): a validated scenario and the games to play. */
export interface BalanceWorkerInput {
  scenario: Scenario;
  /** One row of the report each. */
  pairings: AiSettings[];
  gamesPerRow: number;
  firstSeed: number;
}

/** What a balance worker posts: its progress after every game, then the report. */
export type BalanceWorkerMessage = { kind: "progress"; played: number } | { kind: "done"; report: BalanceReport };
