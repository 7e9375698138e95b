import type { ScenarioSummary } from "../../shared/scenario/scenarioSchema";
import type { TutorialStep } from "../../shared/scenario/tutorialSchema";
import type { MatchState } from "../../shared/state/MatchState";
import type { TutorialMemory } from "./tutorialMemory";
import { tutorialProgress, type TutorialFacts } from "./tutorialProgress";

/** What the session drives: the coach card (TutorialCoach has exactly these). */
export interface CoachView {
  steps: readonly TutorialStep[];
  index: number;
}

/**
 * One tutorial being played in one match: where the player is, what the card shows, what the browser
 * keeps. The match screen makes one when it joins a scenario that has a tutorial, calls `refresh` on
 * every HUD refresh with its state and facts, and passes on the card's skip buttons.
 */
export class TutorialSession {
  /** The current step; `steps.length` once every step is done. */
  private reached: number;
  private skipped = false;

  /**
   * `resume`: whether this is a match already under way (a reload, a rejoin), whose progress the browser
   * kept; a fresh match starts from the first step, as its world starts from scratch.
   */
  constructor(
    readonly scenarioId: string,
    readonly steps: readonly TutorialStep[],
    private readonly memory: TutorialMemory,
    private readonly coach: CoachView | null,
    resume: boolean,
  ) {
    if (!resume) memory.forget(scenarioId);
    this.reached = memory.reached(scenarioId, steps.length);
    if (coach) {
      coach.steps = steps;
      coach.index = this.reached;
    }
  }

  get index(): number {
    return this.reached;
  }

  /** Whether every step is done (or skipped). */
  get finished(): boolean {
    return this.reached >= this.steps.length;
  }

  /** Whether the player turned the tutorial off: the card should go. */
  get dismissed(): boolean {
    return this.skipped;
  }

  /**
   * Brings the card up to date with the match as this client sees it. A match won by the player's side
   * counts as the tutorial done, whatever step the card was on.
   */
  refresh(state: MatchState, facts: TutorialFacts): number {
    if (this.skipped) return this.reached;
    this.moveTo(tutorialProgress(this.steps, state, facts, this.reached));
    const side = state.seats.get(facts.seat)?.side;
    if (state.phase === "ended" && side !== undefined && state.winner === side) this.memory.markDone();
    return this.reached;
  }

  /** "Skip this step": the next step, as if this one were done. */
  skipStep(): number {
    if (!this.skipped) this.moveTo(Math.min(this.reached + 1, this.steps.length));
    return this.reached;
  }

  /** "Skip the tutorial": no more card, and the menu stops offering training first. */
  skipTutorial(): void {
    this.skipped = true;
    this.memory.markDone();
  }

  private moveTo(index: number): void {
    if (index === this.reached) return;
    this.reached = index;
    this.memory.remember(this.scenarioId, index, this.steps.length);
    if (this.finished) this.memory.markDone();
    if (this.coach) this.coach.index = index;
  }
}

/** The eras as the menu gets them (the server's /api/campaign answer). */
interface EraLike {
  id: string;
  scenarios: ScenarioSummary[];
}

/**
 * The training scenario the menu should offer a new player first, or null once the player has finished
 * or skipped a tutorial (or there is none). The server lists training scenarios first, in an era of
 * their own; any scenario marked as training counts.
 */
export function trainingToOffer(eras: readonly EraLike[], memory: TutorialMemory): ScenarioSummary | null {
  if (memory.done) return null;
  for (const era of eras) for (const scenario of era.scenarios) if (scenario.training && scenario.tutorial) return scenario;
  return null;
}
