/**
 * `npm run balance -- --scenario ID [--games N] [--difficulty D] [--maquis-difficulty D] [--seed S]`:
 * plays N seeded games headless and prints one JSON line: each side's win rate, the mean length in days
 * and in minutes at 1×, how the games ended and how often each objective was met.
 *
 * `npm run balance -- --all [--games N] [--seed S]`: every bundled scenario but the training ones against
 * each level of each side's AI (the other side's AI at normal), as a table on stdout and in docs/balance.md.
 * The rows run in parallel child processes, one per core unless `--jobs N` says otherwise.
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { repoRoot } from "../server/config";
import { difficulties, type Difficulty } from "../shared/ai/difficulty";
import { playSeries, type SeriesResult } from "../shared/rules/balanceSeries";
import { bundledScenarioIds, loadBundledScenario } from "./scenarioFiles";

function fail(message: string): never {
  console.error(`balance: ${message}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    scenario: { type: "string" },
    all: { type: "boolean", default: false },
    games: { type: "string", default: "50" },
    difficulty: { type: "string", default: "normal" },
    "maquis-difficulty": { type: "string", default: "normal" },
    seed: { type: "string", default: "1" },
    jobs: { type: "string", default: String(availableParallelism()) },
  },
});
const jobs = Number(values.jobs);
if (!Number.isInteger(jobs) || jobs < 1) fail(`--jobs must be a positive whole number (got "${values.jobs}")`);
const games = Number(values.games);
if (!Number.isInteger(games) || games < 1) fail(`--games must be a positive whole number (got "${values.games}")`);
const firstSeed = Number(values.seed);
if (!Number.isInteger(firstSeed)) fail(`--seed must be a whole number (got "${values.seed}")`);
const level = (value: string, flag: string): Difficulty => {
  if (!difficulties.includes(value as Difficulty)) fail(`${flag} must be one of ${difficulties.join(", ")} (got "${value}")`);
  return value as Difficulty;
};

/** One row of the table: which side's AI was set to which level, against the other side's AI at normal. */
function tableRow(result: SeriesResult, opposing: string): string {
  const objectives = Object.entries(result.objectivesMetPercent)
    .map(([id, met]) => `${id} ${met}%`)
    .join(", ");
  const { maquis, occupier, draw } = result.winRate;
  return `| ${result.scenario} | ${opposing} | ${maquis}% | ${occupier}% | ${draw}% | ${result.meanDays} | ${result.meanMinutesAt1x} | ${objectives} |`;
}

/** One series in a child process of this same script, so the rows of the table use every core. */
async function seriesInChild(id: string, ai: { occupier: Difficulty; maquis: Difficulty }): Promise<SeriesResult> {
  const args = [...process.execArgv, fileURLToPath(import.meta.url), "--scenario", id, "--games", String(games), "--seed", String(firstSeed)];
  args.push("--difficulty", ai.occupier, "--maquis-difficulty", ai.maquis);
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as SeriesResult;
}

/** Runs the tasks, at most `limit` at once, and keeps their results in order. */
async function inPool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

async function balanceTable(): Promise<string> {
  const lines = [
    "# Balance",
    "",
    `Every bundled scenario but the training ones, ${games} seeded games a row (seeds ${firstSeed}–${firstSeed + games - 1}), made by \`npm run balance -- --all --games ${games}\`.`,
    'A row sets one side\'s AI to a level; the other side\'s AI plays at normal. "Minutes" is the real time of a whole match at 1×.',
    "",
    "| scenario | AI set | Maquis wins | occupier wins | draws | mean days | minutes at 1× | objectives met |",
    "|---|---|---|---|---|---|---|---|",
  ];
  const rows: { id: string; label: string; ai: { occupier: Difficulty; maquis: Difficulty } }[] = [];
  // A training scenario is tamed to teach, not balanced to play: it has no place in the table.
  for (const id of bundledScenarioIds().filter((scenarioId) => !loadBundledScenario(scenarioId)?.training)) {
    for (const occupierLevel of difficulties) rows.push({ id, label: `occupier ${occupierLevel}`, ai: { occupier: occupierLevel, maquis: "normal" } });
    for (const maquisLevel of difficulties.filter((d) => d !== "normal")) rows.push({ id, label: `Maquis ${maquisLevel}`, ai: { occupier: "normal", maquis: maquisLevel } });
  }
  const results = await inPool(
    rows.map((row) => async () => {
      const result = await seriesInChild(row.id, row.ai);
      console.error(`balance: ${row.id}, ${row.label} done`);
      return result;
    }),
    jobs,
  );
  rows.forEach((row, i) => lines.push(tableRow(results[i]!, row.label)));
  return `${lines.join("\n")}\n`;
}

if (values.all) {
  const table = await balanceTable();
  writeFileSync(join(repoRoot, "docs", "balance.md"), table);
  console.log(table);
} else {
  const scenario = values.scenario ? (loadBundledScenario(values.scenario) ?? fail(`no bundled scenario has the id "${values.scenario}"`)) : fail("--scenario ID or --all is required");
  const ai = { occupier: level(values.difficulty!, "--difficulty"), maquis: level(values["maquis-difficulty"]!, "--maquis-difficulty") };
  console.log(JSON.stringify(playSeries(scenario, games, firstSeed, ai)));
}
