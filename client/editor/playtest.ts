import type { ScenarioSummary } from "../../shared/scenario/scenarioSchema";
import { PLAYTEST_BRIEFING_KEY } from "../menu/playtestBriefing";
import { refusalText } from "./serverErrors";

/** Hands the draft's briefing to the page that plays it (see client/menu/playtestBriefing.ts); without it the match plays on, with no briefing screen. */
function rememberPlaytestBriefing(summary: ScenarioSummary): void {
  try {
    sessionStorage.setItem(PLAYTEST_BRIEFING_KEY, JSON.stringify(summary));
  } catch {
    // A browser that keeps nothing: no briefing screen.
  }
}

/**
 * Plays the draft: the server checks it and holds it as a private scenario, then the page opens its
 * match in the chosen seat with the AI in the others. The draft is saved in the browser (or shared), and
 * leaving the match goes to `back`: the editor, with the draft as it was. Returns what went wrong, if anything.
 */
export async function startPlaytest(draft: Record<string, unknown>, seat: string, back: string): Promise<string | null> {
  let response: Response;
  try {
    response = await fetch("/api/playtest", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenario: draft }) });
  } catch {
    return "The playtest could not start: the server did not answer.";
  }
  if (!response.ok) return `The playtest could not start: ${await refusalText(response)}.`;
  const { scenarioId, summary } = (await response.json()) as { scenarioId: string; summary: ScenarioSummary };
  rememberPlaytestBriefing(summary);
  location.assign(`/?${new URLSearchParams({ playtest: scenarioId, seat, back })}`);
  return null;
}
