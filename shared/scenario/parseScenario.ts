import type { z } from "zod";
import { migrateScenario } from "./migrations";
import { plainMessage } from "./plainMessages";
import { resolveMap } from "./resolveMap";
import { scenarioFileSchema, scenarioSchema, type Scenario } from "./scenarioSchema";

/** Larger files are refused before parsing: no legitimate scenario comes near it. */
export const MAX_SCENARIO_BYTES = 1_000_000;
/** Deeper nesting than any scenario needs is refused before validation walks it. */
export const MAX_DEPTH = 32;

export interface ScenarioProblem {
  /** Dotted path to the field, e.g. "map.systems.3.sympathy"; "(file)" for the file as a whole. */
  path: string;
  message: string;
}

/**
 * `incomplete`: the check stopped at the fields themselves, before the cross-references (names that
 * point nowhere, ids used twice), so more problems may show once these are fixed.
 */
export type ScenarioParseResult = { ok: true; scenario: Scenario; migratedFrom: number } | { ok: false; problems: ScenarioProblem[]; incomplete?: true };

const pathText = (path: readonly PropertyKey[]) => (path.length > 0 ? path.map(String).join(".") : "(file)");

/**
 * The problems an issue stands for. A value that fits none of a union's forms (a map written out or
 * taken from an atlas, a length in days or in hours) is described by the form it comes closest to
 * (the fewest problems), field by field, rather than as one "matches none" at the union.
 */
function describeIssue(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[] = []): ScenarioProblem[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const closest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
    if (closest.length > 0) return closest.flatMap((inner) => describeIssue(inner, path));
  }
  return [{ path: pathText(path), message: issue.message }];
}

const describeIssues = (issues: z.core.$ZodIssue[]) => issues.flatMap((issue) => describeIssue(issue));

/**
 * How deep a JSON value nests, Infinity once past `limit`. Only arrays and plain objects are walked
 * (anything else is a leaf), and the walk stops at the first branch too deep, so a value that shares
 * or loops back on itself costs no more than a tree would.
 */
function depthOf(value: unknown, limit: number): number {
  if (typeof value !== "object" || value === null) return 0;
  if (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return 0;
  if (limit <= 0) return Infinity;
  let deepest = 0;
  for (const child of Object.values(value)) {
    const depth = depthOf(child, limit - 1);
    if (depth === Infinity) return Infinity;
    deepest = Math.max(deepest, depth);
  }
  return deepest + 1;
}

/** Whether a decoded value nests deeper than any scenario may (checked before anything walks it). */
export function nestsTooDeep(value: unknown): boolean {
  return depthOf(value, MAX_DEPTH) > MAX_DEPTH;
}

const fail = (path: string, message: string): ScenarioParseResult => ({ ok: false, problems: [{ path, message }] });

/** Validates an already-decoded scenario file: migrates it, resolves its atlas map, checks every field and cross-reference. */
export function validateScenario(value: unknown): ScenarioParseResult {
  if (nestsTooDeep(value)) return fail("(file)", `is nested deeper than ${MAX_DEPTH} levels`);
  const migrated = migrateScenario(value);
  if (!migrated.ok) return fail("formatVersion", migrated.message);
  const file = scenarioFileSchema.safeParse(migrated.value, { error: plainMessage });
  if (!file.success) return { ok: false, problems: describeIssues(file.error.issues), incomplete: true };
  const map = resolveMap(file.data.map);
  if (!map.ok) return { ok: false, problems: map.problems.map((problem) => ({ path: pathText(problem.path), message: problem.message })), incomplete: true };
  const scenario = scenarioSchema.safeParse({ ...file.data, map: map.map }, { error: plainMessage });
  if (!scenario.success) return { ok: false, problems: describeIssues(scenario.error.issues) };
  return { ok: true, scenario: scenario.data, migratedFrom: migrated.from };
}

/** Parses scenario file text; never throws, whatever the bytes. */
export function parseScenarioText(text: string): ScenarioParseResult {
  if (text.length > MAX_SCENARIO_BYTES) return fail("(file)", `is larger than ${MAX_SCENARIO_BYTES} bytes`);
  if (text.trim() === "") return fail("(file)", "is empty");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail("(file)", `is not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return fail("(file)", "must be a JSON object");
  return validateScenario(value);
}
