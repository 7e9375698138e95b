import type { StorageLike } from "./displaySettings";

/** How a player's match of a scenario ended, for them. */
export type Outcome = "won" | "draw" | "lost";

export interface ScenarioResult {
  outcome: Outcome;
  /** The side they played. */
  side: "maquis" | "occupier";
  /** The AI's level they played against, "" when not known (a match rejoined after a reload). */
  level: string;
}

export const RESULTS_KEY = "maquis.results";
const rank: Record<Outcome, number> = { lost: 0, draw: 1, won: 2 };

/** This browser's best result on each scenario it has played to the end; damaged entries are dropped. */
export function readResults(storage: StorageLike | null): Record<string, ScenarioResult> {
  let stored: unknown;
  try {
    stored = JSON.parse(storage?.getItem(RESULTS_KEY) ?? "{}");
  } catch {
    return {};
  }
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return {};
  const results: Record<string, ScenarioResult> = {};
  for (const [scenario, value] of Object.entries(stored as Record<string, unknown>)) {
    const entry = value as Partial<ScenarioResult> | null;
    if (!entry || typeof entry.outcome !== "string" || !(entry.outcome in rank)) continue;
    if (entry.side !== "maquis" && entry.side !== "occupier") continue;
    results[scenario] = { outcome: entry.outcome, side: entry.side, level: typeof entry.level === "string" ? entry.level : "" };
  }
  return results;
}

/** Remembers how a match ended; a better result replaces a worse one, never the other way. */
export function recordResult(storage: StorageLike | null, scenario: string, result: ScenarioResult): void {
  const results = readResults(storage);
  const before = results[scenario];
  if (before && rank[before.outcome] > rank[result.outcome]) return;
  results[scenario] = result;
  try {
    storage?.setItem(RESULTS_KEY, JSON.stringify(results));
  } catch {
    // Without storage the campaign simply does not remember.
  }
}

/** The scenario to suggest next: the first in the campaign's order not yet won. */
export function nextScenario(order: readonly string[], results: Record<string, ScenarioResult>): string | undefined {
  return order.find((scenario) => results[scenario]?.outcome !== "won");
}

const outcomeWords: Record<Outcome, string> = { won: "Won", draw: "Drawn", lost: "Lost" };

/** "Won as the Maquis, normal AI" */
export function describeResult(result: ScenarioResult): string {
  return `${outcomeWords[result.outcome]} as the ${result.side === "maquis" ? "Maquis" : "occupier"}${result.level ? `, ${result.level} AI` : ""}`;
}
