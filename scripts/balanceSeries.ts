import type { AiSettings } from "../shared/ai/aiPlayers";
import { TICK_RATE } from "../shared/rules/clock";
import { simulate } from "../shared/rules/simulate";
import type { Scenario } from "../shared/scenario/scenarioSchema";

/** What N seeded headless games of one scenario at one pair of AI levels came to. */
export interface SeriesResult {
  scenario: string;
  games: number;
  ai: AiSettings;
  winRate: { maquis: number; occupier: number; draw: number };
  meanDays: number;
  /** Real time a whole match takes at 1× (the server runs TICK_RATE ticks a second). */
  meanMinutesAt1x: number;
  endReasons: Record<string, number>;
  objectivesMetPercent: Record<string, number>;
}

const percent = (n: number, of: number) => Math.round((n / of) * 1000) / 10;
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export function playSeries(scenario: Scenario, games: number, firstSeed: number, ai: AiSettings): SeriesResult {
  const wins: Record<string, number> = { maquis: 0, occupier: 0, draw: 0, unfinished: 0 };
  const objectivesMet = new Map<string, number>();
  const reasons = new Map<string, number>();
  let totalDays = 0;
  let totalTicks = 0;
  for (let i = 0; i < games; i++) {
    const { state } = simulate(scenario, firstSeed + i, ai).match;
    wins[state.winner || "unfinished"]! += 1;
    totalDays += state.hours / 24;
    totalTicks += state.tick;
    reasons.set(state.endReason, (reasons.get(state.endReason) ?? 0) + 1);
    for (const objective of state.objectives)
      if (objective.status === "done") objectivesMet.set(objective.id, (objectivesMet.get(objective.id) ?? 0) + 1);
  }
  return {
    scenario: scenario.id,
    games,
    ai,
    winRate: { maquis: percent(wins.maquis!, games), occupier: percent(wins.occupier!, games), draw: percent(wins.draw!, games) },
    meanDays: oneDecimal(totalDays / games),
    meanMinutesAt1x: oneDecimal(totalTicks / games / TICK_RATE / 60),
    endReasons: Object.fromEntries(reasons),
    objectivesMetPercent: Object.fromEntries(scenario.objectives.map((o) => [o.id, percent(objectivesMet.get(o.id) ?? 0, games)])),
  };
}
