/**
 * `npm run balance -- --scenario ID [--games N] [--difficulty D] [--maquis-difficulty D] [--seed S]`:
 * plays N seeded games headless and prints one JSON line: each side's win rate, the mean length in days
 * and in minutes at 1×, how the games ended and how often each objective was met.
 *
 * `npm run balance -- --all [--games N] [--seed S]`: every bundled scenario against each level of each
 * side's AI (the other side's AI at normal), as a table on stdout and in docs/balance.md.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "../server/config";
import { difficulties, type Difficulty } from "../shared/ai/difficulty";
import { playSeries, type SeriesResult } from "./balanceSeries";
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
  },
});
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

function balanceTable(): string {
  const lines = [
    "# Balance",
    "",
    `Every bundled scenario, ${games} seeded games a row (seeds ${firstSeed}–${firstSeed + games - 1}), made by \`npm run balance -- --all --games ${games}\`.`,
    'A row sets one side\'s AI to a level; the other side\'s AI plays at normal. "Minutes" is the real time of a whole match at 1×.',
    "",
    "| scenario | AI set | Maquis wins | occupier wins | draws | mean days | minutes at 1× | objectives met |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const id of bundledScenarioIds()) {
    const scenario = loadBundledScenario(id)!;
    const normal = playSeries(scenario, games, firstSeed, { occupier: "normal", maquis: "normal" });
    for (const occupierLevel of difficulties) {
      const result = occupierLevel === "normal" ? normal : playSeries(scenario, games, firstSeed, { occupier: occupierLevel, maquis: "normal" });
      lines.push(tableRow(result, `occupier ${occupierLevel}`));
    }
    for (const maquisLevel of difficulties.filter((d) => d !== "normal"))
      lines.push(tableRow(playSeries(scenario, games, firstSeed, { occupier: "normal", maquis: maquisLevel }), `Maquis ${maquisLevel}`));
    console.error(`balance: ${id} done`);
  }
  return `${lines.join("\n")}\n`;
}

if (values.all) {
  const table = balanceTable();
  writeFileSync(join(repoRoot, "docs", "balance.md"), table);
  console.log(table);
} else {
  const scenario = values.scenario ? (loadBundledScenario(values.scenario) ?? fail(`no bundled scenario has the id "${values.scenario}"`)) : fail("--scenario ID or --all is required");
  const ai = { occupier: level(values.difficulty!, "--difficulty"), maquis: level(values["maquis-difficulty"]!, "--maquis-difficulty") };
  console.log(JSON.stringify(playSeries(scenario, games, firstSeed, ai)));
}
