/**
 * `npm run balance -- --scenario ID [--games N] [--difficulty D] [--seed S]`: plays N seeded games
 * headless and reports each side's win rate, the mean length and how often each objective was met.
 */
import { parseArgs } from "node:util";
import { difficulties, type Difficulty } from "../shared/ai/difficulty";
import { simulate } from "../shared/rules/simulate";
import { loadBundledScenario } from "./scenarioFiles";

function fail(message: string): never {
  console.error(`balance: ${message}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: { scenario: { type: "string" }, games: { type: "string", default: "50" }, difficulty: { type: "string", default: "normal" }, seed: { type: "string", default: "1" } },
});
const scenario = values.scenario ? (loadBundledScenario(values.scenario) ?? fail(`no bundled scenario has the id "${values.scenario}"`)) : fail("--scenario ID is required");
const games = Number(values.games);
if (!Number.isInteger(games) || games < 1) fail(`--games must be a positive whole number (got "${values.games}")`);
const difficulty = values.difficulty as Difficulty;
if (!difficulties.includes(difficulty)) fail(`--difficulty must be one of ${difficulties.join(", ")}`);
const firstSeed = Number(values.seed);

const wins: Record<string, number> = { maquis: 0, occupier: 0, draw: 0, unfinished: 0 };
const objectivesMet = new Map<string, number>();
const reasons = new Map<string, number>();
let totalDays = 0;
for (let i = 0; i < games; i++) {
  const { match } = simulate(scenario, firstSeed + i, { occupier: difficulty, maquis: "normal" });
  const { state } = match;
  wins[state.winner || "unfinished"]! += 1;
  totalDays += state.hours / 24;
  reasons.set(state.endReason, (reasons.get(state.endReason) ?? 0) + 1);
  for (const objective of state.objectives)
    if (objective.status === "done") objectivesMet.set(objective.id, (objectivesMet.get(objective.id) ?? 0) + 1);
}
const rate = (n: number) => Math.round((n / games) * 1000) / 10;
console.log(
  JSON.stringify({
    scenario: scenario.id,
    games,
    difficulty,
    winRate: { maquis: rate(wins.maquis!), occupier: rate(wins.occupier!), draw: rate(wins.draw!) },
    meanDays: Math.round((totalDays / games) * 10) / 10,
    endReasons: Object.fromEntries(reasons),
    objectivesMetPercent: Object.fromEntries(scenario.objectives.map((o) => [o.id, rate(objectivesMet.get(o.id) ?? 0)])),
  }),
);
