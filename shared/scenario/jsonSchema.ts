import { z } from "zod";
import { CURRENT_FORMAT_VERSION, scenarioFileSchema } from "./scenarioSchema";

/**
 * The scenario file format as JSON Schema (draft 2020-12), for editors and outside tools. It says every
 * field rule and every rule of the parser that JSON Schema can say: those written as zod refinements or
 * checked with the cross-references carry their JSON Schema in `.meta()` next to the zod schema
 * (reserved seat and ship ids, seat and objective sides, ship classes, atlas contents, the reinforcements
 * pool a stance effect needs).
 *
 * What it cannot say, left to `npm run scenario -- check` (docs/modding.md, "What the schema cannot check"):
 * - ids unique within their list (uniqueItems compares whole items, not one field of each);
 * - ids that must name something elsewhere in the file: systems, seats, Maquis cells, objectives, ships,
 *   and the atlas systems a partial atlas map keeps (JSON Schema cannot compare one value with another);
 * - positions within the map's width and height, and sympathy/loyalty counts no more than the populated
 *   systems they range over (comparisons between values);
 * - the 1 MB file size and 32 levels of nesting (the schema sees values, not bytes), and older format
 *   versions, which the game migrates (the schema describes the current version).
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
