import type { AiSettings } from "../../shared/ai/aiPlayers";
import { balancePairings, type BalanceJobView, type BalanceLevels, type BalanceReport } from "../../shared/protocol/balanceMessages";
import { LIMITS } from "../../shared/protocol/limits";

/* The balance panel's sentences: plain data in, words out, so they can be tested without a page. */

/** One row of the report: which level each side's AI played at. */
export function pairingLabel(ai: AiSettings): string {
  return `occupier ${ai.occupier}, Maquis ${ai.maquis}`;
}

/** Every game a report with these choices plays: games per row times the rows. */
export function gamesInAll(gamesPerRow: number, levels: BalanceLevels): number {
  return gamesPerRow * balancePairings(levels).length;
}

/** Why these choices cannot be sent, or null when they can. */
export function choiceProblem(gamesPerRow: number, levels: BalanceLevels): string | null {
  if (balancePairings(levels).length === 0) return "Choose at least one level for one side.";
  const total = gamesInAll(gamesPerRow, levels);
  if (total > LIMITS.balanceGamesPerJob) return `That is ${total} games in all; a report may play at most ${LIMITS.balanceGamesPerJob}. Choose fewer games or fewer levels.`;
  return null;
}

/** The line under the progress bar. */
export function progressLine(view: Pick<BalanceJobView, "status" | "played" | "total">): string {
  if (view.status === "queued") return `Waiting for the server to be free (0/${view.total} games played)`;
  return `${view.played}/${view.total} games played`;
}

/** How a report ended when it has no result: the server's reason, as a sentence. */
export function endedLine(view: Pick<BalanceJobView, "status" | "played" | "total" | "message">): string {
  if (view.status === "cancelled") return `Cancelled after ${view.played} of ${view.total} games.`;
  return `The report failed: ${view.message ?? "the server gave no reason"}.`;
}

export function basedOnLine(report: BalanceReport): string {
  const perRow = report.rows[0]?.games ?? 0;
  const rows = report.rows.length;
  return `Based on ${report.games} game${report.games === 1 ? "" : "s"}${rows > 1 ? ` (${perRow} for each of ${rows} rows)` : ""}, with the AI in every seat.`;
}
