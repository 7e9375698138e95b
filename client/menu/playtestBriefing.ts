import type { ScenarioSummary } from "../../shared/scenario/scenarioSchema";

const KEY = "maquis.playtest.summary";

/**
 * A playtest's briefing, handed from the editor to the page that plays it: the draft is no scenario
 * the campaign lists, so the match would find no briefing for it. Kept per tab, for this one page load.
 */
export function rememberPlaytestBriefing(summary: ScenarioSummary): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(summary));
  } catch {
    // Without it the match plays on, with no briefing screen.
  }
}

export function playtestBriefing(scenarioId: string): ScenarioSummary | null {
  try {
    const summary = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as ScenarioSummary | null;
    return summary?.id === scenarioId ? summary : null;
  } catch {
    return null;
  }
}
