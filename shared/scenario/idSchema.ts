import { z } from "zod";

/** Ids in scenario and data files: stable, readable, safe in URLs and room options. */
export const idSchema = z
  .string()
  .min(1, "must not be empty")
  .max(48, "must be at most 48 characters")
  // An empty id is "must not be empty" alone, not that and a pattern besides.
  .regex(/^(?:[a-z0-9][a-z0-9-]*)?$/, "must use only lower-case letters, digits and dashes, starting with a letter or digit");

/**
 * What an id names elsewhere in the file. The parser checks the reference (scenarioSchema.ts,
 * checkReferences); the mark travels into the exported JSON Schema as "x-refers-to", so the editor offers
 * a list of the scenario's own systems, seats, objectives or ships for the field instead of free text.
 */
export type IdKind = "system" | "seat" | "maquis-seat" | "objective" | "ship";
export const REFERS_TO = "x-refers-to";
export const idOf = (kind: IdKind) => idSchema.meta({ [REFERS_TO]: kind });
