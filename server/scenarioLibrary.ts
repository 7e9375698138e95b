import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseScenarioText } from "../shared/scenario/parseScenario";
import { summarizeScenario, type Scenario, type ScenarioSummary } from "../shared/scenario/scenarioSchema";

export interface ScenarioLibrary {
  get(id: string): Scenario | undefined;
  list(): ScenarioSummary[];
}

/**
 * Loads every scenario file in a folder. A broken file is reported (file, field, problem) and left
 * out, so one bad mod never keeps the server from starting.
 */
export function loadScenarioLibrary(dir: string, warn: (line: string) => void = console.warn): ScenarioLibrary {
  const scenarios = new Map<string, Scenario>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".json")).sort()) {
    const result = parseScenarioText(readFileSync(join(dir, file), "utf8"));
    if (!result.ok) {
      for (const problem of result.problems) warn(`scenario ${file}: ${problem.path}: ${problem.message}`);
      continue;
    }
    if (scenarios.has(result.scenario.id)) {
      warn(`scenario ${file}: id: "${result.scenario.id}" is already used by another file; this one is skipped`);
      continue;
    }
    scenarios.set(result.scenario.id, result.scenario);
  }
  return {
    get: (id) => scenarios.get(id),
    list: () => [...scenarios.values()].map(summarizeScenario),
  };
}
