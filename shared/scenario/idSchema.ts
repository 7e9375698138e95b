import { z } from "zod";

/** Ids in scenario and data files: stable, readable, safe in URLs and room options. */
export const idSchema = z
  .string()
  .min(1, "must not be empty")
  .max(48, "must be at most 48 characters")
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must use only lower-case letters, digits and dashes, starting with a letter or digit");
