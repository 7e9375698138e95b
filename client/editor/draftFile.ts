import { atlasMapSchema } from "../../shared/scenario/mapSchema";
import { migrateScenario } from "../../shared/scenario/migrations";
import { MAX_SCENARIO_BYTES, nestsTooDeep, type ScenarioProblem } from "../../shared/scenario/parseScenario";
import { resolveMap } from "../../shared/scenario/resolveMap";

export type OpenedFile = { ok: true; file: Record<string, unknown>; notes: string[] } | { ok: false; problem: ScenarioProblem };

const refuse = (message: string): OpenedFile => ({ ok: false, problem: { path: "(file)", message } });

/**
 * A scenario file made ready for the editor: an older format version upgraded, and a map taken from an
 * atlas written out in full, so every system and region can be moved on the canvas. A file that is
 * readable but breaks the format's rules still opens, so its problems can be fixed in the editor; only
 * what cannot be edited at all (too big, not JSON, not an object, nested absurdly deep) is refused.
 */
export function editableFile(text: string): OpenedFile {
  if (text.length > MAX_SCENARIO_BYTES) return refuse(`is larger than ${MAX_SCENARIO_BYTES} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return refuse(`is not valid JSON (${(error as Error).message})`);
  }
  return editableValue(value);
}

export function editableValue(value: unknown): OpenedFile {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return refuse("must be a JSON object (a scenario file)");
  if (nestsTooDeep(value)) return refuse("is nested too deeply to be a scenario");
  const notes: string[] = [];
  const migrated = migrateScenario(value);
  if (!migrated.ok) return refuse(migrated.message);
  const file = { ...(migrated.value as Record<string, unknown>) };
  if (migrated.from !== (file.formatVersion as number)) notes.push(`The file was written in format version ${migrated.from}; it was upgraded.`);
  const map = atlasMapSchema.safeParse(file.map);
  if (map.success) {
    const resolved = resolveMap(map.data);
    if (resolved.ok) {
      file.map = resolved.map;
      notes.push(`Its map came from the "${map.data.atlas}" atlas; the editor writes it out in full so you can change it.`);
    }
  }
  return { ok: true, file, notes };
}
