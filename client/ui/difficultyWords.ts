import type { DifficultyLabel } from "../../shared/scenario/difficultySchema";
import type { ScenarioSummary } from "../../shared/scenario/scenarioSchema";

/* How hard a scenario is, in words for the menu and the briefing (the labels come from the scenario file, see difficultySchema). */

type Rated = Pick<ScenarioSummary, "difficulty" | "training">;

const TRAINING = "Training: a guided lesson, not a contest";
const labelWords: Record<DifficultyLabel, string> = { gentle: "gentle", fair: "fair", hard: "hard" };

/** "fair for either side", "gentle as the Maquis, hard as the occupier"; null when the author has not measured it. */
function sidesPhrase(scenario: Rated): string | null {
  const difficulty = scenario.difficulty;
  if (!difficulty) return null;
  if (difficulty.maquis === difficulty.occupier) return `${labelWords[difficulty.maquis]} for either side`;
  return `${labelWords[difficulty.maquis]} as the Maquis, ${labelWords[difficulty.occupier]} as the occupier`;
}

const capitalized = (text: string) => text[0]!.toUpperCase() + text.slice(1);

/** The menu entry's line: "Hard as the Maquis, fair as the occupier", "Training: …", or that it is not measured. */
export function difficultyLine(scenario: Rated): string {
  if (scenario.training) return TRAINING;
  const phrase = sidesPhrase(scenario);
  return phrase ? capitalized(phrase) : "Difficulty not measured yet";
}

/** The briefing's sentence, saying what the label was measured against. */
export function difficultySentence(scenario: Rated): string {
  if (scenario.training) return `${TRAINING}.`;
  const phrase = sidesPhrase(scenario);
  return phrase
    ? `Against the AI at normal: ${phrase} (measured with the AI playing in your seat).`
    : "How hard this scenario is has not been measured yet.";
}
