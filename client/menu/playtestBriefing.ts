import type { ScenarioSummary } from "../../shared/scenario/scenarioSchema";

export const PLAYTEST_BRIEFING_KEY = "maquis.playtest.summary";

/**
 * A playtest's briefing, handed from the editor (client/editor/playtest.ts writes it under this key) to
 * the page that plays it: the draft is no scenario the campaign lists, so the match would find no
 * briefing for it. Kept per tab, for this one page load.
 */
export function playtestBriefing(scenarioId: string): ScenarioSummary | null {
  try {
    const summary = JSON.parse(sessionStorage.getItem(PLAYTEST_BRIEFING_KEY) ?? "null") as ScenarioSummary | null;
    return summary?.id === scenarioId ? summary : null;
  } catch {
    return null;
  }
}
