import { join } from "node:path";
import { repoRoot } from "../server/config";
import { loadScenarioLibrary } from "../server/scenarioLibrary";
import type { Scenario } from "../shared/scenario/scenarioSchema";

let cached: ReturnType<typeof loadScenarioLibrary> | undefined;
/** Loaded once per process; problems with the files are reported once, on stderr. */
const library = () => (cached ??= loadScenarioLibrary(join(repoRoot, "assets", "scenarios"), (line) => console.error(line)));

export function loadBundledScenario(id: string): Scenario | undefined {
  return library().get(id);
}

export function bundledScenarioIds(): string[] {
  return library().list().map((summary) => summary.id);
}
