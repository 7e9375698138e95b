import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { campaignSchema, type Campaign } from "../shared/scenario/campaignSchema";
import { parseScenarioText } from "../shared/scenario/parseScenario";
import { summarizeScenario, type Scenario, type ScenarioSummary } from "../shared/scenario/scenarioSchema";

export interface CampaignEra {
  id: string;
  title: string;
  scenarios: ScenarioSummary[];
}

export interface ScenarioLibrary {
  get(id: string): Scenario | undefined;
  list(): ScenarioSummary[];
  /**
   * The scenarios grouped by era: the training scenarios first (era "training"), then the campaign's eras
   * in its order, then those the campaign does not name, under "other".
   */
  campaign(): CampaignEra[];
}

/** The era the training scenarios are listed in, ahead of the history. */
export const TRAINING_ERA = { id: "training", title: "Training" } as const;

function loadCampaign(file: string, warn: (line: string) => void): Campaign | null {
  if (!existsSync(file)) return null;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    warn(`campaign ${file}: (file): is not valid JSON (${(error as Error).message})`);
    return null;
  }
  const result = campaignSchema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) warn(`campaign ${file}: ${issue.path.join(".") || "(file)"}: ${issue.message}`);
  return null;
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
  // The campaign file sits beside the scenarios folder (assets/campaign.json for assets/scenarios/).
  const campaign = loadCampaign(join(dir, "..", "campaign.json"), warn);
  const eras: CampaignEra[] = [];
  const placed = new Set<string>();
  // Training comes first, for new players, and never counts as part of the history.
  const training = [...scenarios.values()].filter((scenario) => scenario.training);
  for (const scenario of training) placed.add(scenario.id);
  if (training.length > 0) eras.push({ ...TRAINING_ERA, scenarios: training.map(summarizeScenario) });
  for (const era of campaign?.eras ?? []) {
    const listed = era.scenarios.flatMap((id) => {
      const scenario = scenarios.get(id);
      if (!scenario) {
        warn(`campaign: ${era.id}: "${id}" is not among the valid scenarios; it is left out`);
        return [];
      }
      if (scenario.training) {
        warn(`campaign: ${era.id}: "${id}" is a training scenario; it is listed under ${TRAINING_ERA.title} instead`);
        return [];
      }
      placed.add(id);
      return [summarizeScenario(scenario)];
    });
    if (listed.length > 0) eras.push({ id: era.id, title: era.title, scenarios: listed });
  }
  const others = [...scenarios.values()].filter((scenario) => !placed.has(scenario.id)).map(summarizeScenario);
  if (others.length > 0) eras.push({ id: "other", title: "Other scenarios", scenarios: others });
  return {
    get: (id) => scenarios.get(id),
    list: () => [...scenarios.values()].map(summarizeScenario),
    campaign: () => eras,
  };
}
