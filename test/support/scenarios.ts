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
