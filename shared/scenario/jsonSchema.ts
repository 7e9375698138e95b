import { z } from "zod";
import { CURRENT_FORMAT_VERSION, scenarioFileSchema } from "./scenarioSchema";

/**
 * The scenario file format as JSON Schema (draft 2020-12), for editors and outside tools. It describes
 * the fields; the cross-references (ids that must exist, counts that must be reachable) are checked by
 * `npm run scenario -- check`.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioFileSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return {
    $id: `https://maquis.invalid/scenario.v${CURRENT_FORMAT_VERSION}.schema.json`,
    title: `Maquis scenario file, format version ${CURRENT_FORMAT_VERSION}`,
    description: "A scenario for Maquis. See docs/modding.md for each field, the check command and how older versions are migrated.",
    ...schema,
  };
}
