/**
 * `npm run sim -- --scenario ID --seed N [--ticks T] [--difficulty D]`: plays a match headless with
 * the AI in every seat (D sets the occupier AI's level; the Maquis AI plays at normal). The last
 * line is one JSON object: scenario, seed, ticks, winner, score, hash, ticksPerSecond.
 */
import { parseArgs } from "node:util";
import { difficulties, type Difficulty } from "../shared/ai/difficulty";
import { simulate } from "../shared/rules/simulate";
import { stateHash } from "../shared/rules/stateHash";
import { loadBundledScenario } from "./scenarioFiles";

function fail(message: string): never {
  console.error(`sim: ${message}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: { scenario: { type: "string" }, seed: { type: "string", default: "1" }, ticks: { type: "string" }, difficulty: { type: "string", default: "normal" } },
});
if (!values.scenario) fail("--scenario ID is required");
const seed = Number(values.seed);
if (!Number.isInteger(seed)) fail(`--seed must be a whole number (got "${values.seed}")`);
const maxTicks = values.ticks === undefined ? Infinity : Number(values.ticks);
if (!(maxTicks > 0)) fail(`--ticks must be a positive number (got "${values.ticks}")`);
if (!difficulties.includes(values.difficulty as Difficulty)) fail(`--difficulty must be one of ${difficulties.join(", ")}`);
const scenario = loadBundledScenario(values.scenario) ?? fail(`no bundled scenario has the id "${values.scenario}"`);

const started = performance.now();
const { match, ticks } = simulate(scenario, seed, { occupier: values.difficulty as Difficulty, maquis: "normal" }, maxTicks);
const seconds = (performance.now() - started) / 1000;
const { state } = match;
console.log(
  JSON.stringify({
    scenario: scenario.id,
    seed,
    ticks,
    winner: state.winner || null,
    endReason: state.endReason || null,
    score: { maquis: state.scoreMaquis, occupier: state.scoreOccupier },
    hash: stateHash(state),
    ticksPerSecond: Math.round(ticks / seconds),
  }),
);
