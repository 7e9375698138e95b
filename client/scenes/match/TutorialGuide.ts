import type { ScenarioSummary } from "../../../shared/scenario/scenarioSchema";
import type { MatchState } from "../../../shared/state/MatchState";
import { browserStorage, TutorialMemory } from "../../tutorial/tutorialMemory";
import type { TutorialFacts } from "../../tutorial/tutorialProgress";
import { TutorialSession } from "../../tutorial/tutorialSession";
import { uiRoot } from "../../ui/overlay";
import { TutorialCoach } from "../../ui/TutorialCoach";

/**
 * The training scenario's coach over the match: made when the Maquis player's match of a scenario with
 * a tutorial is under way, refreshed with the HUD, gone when skipped, closed or the match ends.
 */
export class TutorialGuide {
  private active: { session: TutorialSession; coach: TutorialCoach } | null = null;
  /** Turned off for this match (skipped, closed, or over): never made again. */
  private off = false;
  /** Whether this client first saw the match in its lobby: a fresh match starts at step 1, a rejoined one resumes. */
  private joinedInLobby = false;

  firstState(state: MatchState): void {
    this.joinedInLobby = state.phase === "lobby";
  }

  refresh(state: MatchState, scenario: ScenarioSummary | undefined, viewer: { side: string; replay: boolean }, facts: TutorialFacts): void {
    const steps = scenario?.tutorial?.steps;
    if (!this.active) {
      if (this.off || !steps || viewer.side !== "maquis" || viewer.replay || state.phase !== "playing") return;
      const coach = new TutorialCoach();
      const session = new TutorialSession(state.scenarioId, steps, new TutorialMemory(browserStorage()), coach, !this.joinedInLobby);
      coach.addEventListener("skipStep", () => session.skipStep());
      coach.addEventListener("skipTutorial", () => {
        session.skipTutorial();
        this.remove();
      });
      coach.addEventListener("close", () => this.remove());
      uiRoot().append(coach);
      this.active = { session, coach };
    }
    this.active.session.refresh(state, facts);
    // The result screen takes over; a win has already counted as the tutorial done.
    if (state.phase === "ended") this.remove();
  }

  remove(): void {
    this.active?.coach.remove();
    this.active = null;
    this.off = true;
  }
}
