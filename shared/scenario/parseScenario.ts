import type { z } from "zod";
import { scenarioSchema, type Scenario } from "./scenarioSchema";

/** Larger files are refused before parsing: no legitimate scenario comes near it. */
export const MAX_SCENARIO_BYTES = 1_000_000;

export interface ScenarioProblem {
  /** Dotted path to the field, e.g. "map.systems.3.sympathy"; "(file)" for the file as a whole. */
  path: string;
  message: string;
}

export type ScenarioParseResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

function describeIssue(issue: z.core.$ZodIssue): ScenarioProblem {
  const path = issue.path.length > 0 ? issue.path.map(String).join(".") : "(file)";
  return { path, message: issue.message };
}

/** Validates an already-decoded value against the scenario format. */
export function validateScenario(value: unknown): ScenarioParseResult {
  const result = scenarioSchema.safeParse(value);
  if (result.success) return { ok: true, scenario: result.data };
  return { ok: false, problems: result.error.issues.map(describeIssue) };
}

/** Parses scenario file text; never throws, whatever the bytes. */
export function parseScenarioText(text: string): ScenarioParseResult {
  if (text.length > MAX_SCENARIO_BYTES)
    return { ok: false, problems: [{ path: "(file)", message: `is larger than ${MAX_SCENARIO_BYTES} bytes` }] };
  if (text.trim() === "") return { ok: false, problems: [{ path: "(file)", message: "is empty" }] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: "(file)", message: `is not valid JSON (${(error as Error).message})` }] };
  }
  return validateScenario(value);
}
