import { HOURS_PER_TICK } from "../../shared/rules/clock";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../../server/config";
import { parseScenarioText } from "../../shared/scenario/parseScenario";
import type { Scenario } from "../../shared/scenario/scenarioSchema";

export function scenarioFileText(id: string): string {
  return readFileSync(join(repoRoot, "assets", "scenarios", `${id}.json`), "utf8");
}

/** A bundled scenario, parsed; throws with the problems if it does not validate. */
export function bundledScenario(id: string): Scenario {
  const result = parseScenarioText(scenarioFileText(id));
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return result.scenario;
}

/**
 * Dorvan at the campaign default step of a quarter hour. The bundled file is paced for half an hour
 * of real time; the rules tests count their steps in quarter hours, so they pin the step here.
 */
export function quarterHourDorvan(): Scenario {
  const scenario = bundledScenario("dorvan-2370");
  return { ...scenario, rules: { ...scenario.rules, hoursPerTick: HOURS_PER_TICK } };
}
