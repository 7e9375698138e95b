import { join } from "node:path";
import { repoRoot } from "../server/config";
import { loadScenarioLibrary } from "../server/scenarioLibrary";
import type { Scenario } from "../shared/scenario/scenarioSchema";

const library = () => loadScenarioLibrary(join(repoRoot, "assets", "scenarios"), (line) => console.error(line));

export function loadBundledScenario(id: string): Scenario | undefined {
  return library().get(id);
}

export function bundledScenarioIds(): string[] {
  return library().list().map((summary) => summary.id);
}
