import { CURRENT_FORMAT_VERSION } from "./scenarioSchema";

type Json = Record<string, unknown>;

/**
 * One step per format version: migrations[n] turns a version-n file into version n+1. A file is never
 * rejected for its age; it is upgraded step by step, in memory, when it is loaded.
 */
const migrations: Record<number, (file: Json) => Json> = {
  /** Version 1 → 2: "ships" became "forces", rules.treaty became rules.treatyInForce. */
  1: (file) => {
    const { ships, rules, ...rest } = file;
    const upgraded: Json = { ...rest, formatVersion: 2, forces: ships };
    if (rules && typeof rules === "object") {
      const { treaty, ...otherRules } = rules as Json;
      upgraded.rules = { ...otherRules, ...(treaty === undefined ? {} : { treatyInForce: treaty }) };
    }
    return upgraded;
  },
};

export type MigrationResult = { ok: true; value: unknown; from: number } | { ok: false; message: string };

/** Upgrades a decoded scenario file to the current format version. */
export function migrateScenario(value: unknown): MigrationResult {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: true, value, from: CURRENT_FORMAT_VERSION };
  const version = (value as Json).formatVersion;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1)
    return { ok: false, message: `formatVersion must be a whole number from 1 to ${CURRENT_FORMAT_VERSION}` };
  if (version > CURRENT_FORMAT_VERSION)
    return { ok: false, message: `formatVersion ${version} is newer than this game understands (${CURRENT_FORMAT_VERSION}); update the game` };
  let file = value as Json;
  for (let from = version; from < CURRENT_FORMAT_VERSION; from++) file = migrations[from]!(file);
  return { ok: true, value: file, from: version };
}
