import { z } from "zod";
import { idSchema } from "./idSchema";
import { coordinate, MAX_MAP_SIZE, pointSchema as point } from "./shipPlacementSchema";

const intel = z.number().int().min(0).max(100);

export const controllerSchema = z.enum(["cardassia", "federation", "bajor", "independent", "maquis", "terran-empire", "alliance"]);

export const systemSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1).max(40),
    x: coordinate,
    y: coordinate,
    population: z.number().int().min(0).max(20_000_000_000).describe("How many people live there; 0 for an empty world or a station. Only populated systems count as colonies."),
    sympathy: z
      .number()
      .int()
      .min(-2, "must be between -2 and 2")
      .max(2, "must be between -2 and 2")
      .describe("Where the colonists lean at the start: -2 loyal to the occupier, 0 neutral, 2 with the Maquis."),
    controller: controllerSchema.describe("Who holds the system at the start."),
    garrison: z.number().int().min(0).max(10).default(0).describe("Occupier troops posted there (0–10): they watch the system and must be worn down to take it."),
    /** A hollowed-out moon: a ship parked here is all but invisible to sensors, and a base here is hard to find. */
    hollowedMoon: z.boolean().optional().describe("A hollowed-out moon: ships parked there are all but invisible, and a base there is hard to find."),
    /** Starting intelligence (0–100) of each side on this system; derived from control and sympathy when left out. */
    intel: z
      .object({ occupier: intel, maquis: intel })
      .strict()
      .optional()
      .describe("What each side knows of the system at the start (0–100); worked out from who holds it when left out."),
  })
  .strict();

export const regionSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1).max(40),
    kind: z.enum(["plasma-storm", "nebula", "asteroid-field", "treaty-border", "zone"]),
    outline: z.array(point).min(3, "needs at least 3 points").max(64),
  })
  .strict();

/** A map written out in full. */
export const inlineMapSchema = z
  .object({
    width: z.number().positive().max(MAX_MAP_SIZE),
    height: z.number().positive().max(MAX_MAP_SIZE),
    systems: z.array(systemSchema).min(1).max(100),
    regions: z.array(regionSchema).max(50),
  })
  .strict();
export type InlineMap = z.infer<typeof inlineMapSchema>;

/** Changes a scenario may make to an atlas system: anything but its id and position. */
export const systemChangeSchema = systemSchema.omit({ id: true, x: true, y: true }).partial().strict();

/**
 * A map taken from a shared atlas: which of its systems and regions to use (all when left out),
 * per-system changes (sympathy, garrison, population…), and systems or regions of the scenario's own.
 */
export const atlasMapSchema = z
  .object({
    atlas: idSchema,
    systems: z.array(idSchema).min(1).optional(),
    regions: z.array(idSchema).optional(),
    changes: z.record(idSchema, systemChangeSchema).optional(),
    addSystems: z.array(systemSchema).max(50).optional(),
    addRegions: z.array(regionSchema).max(20).optional(),
  })
  .strict();
export type AtlasMap = z.infer<typeof atlasMapSchema>;
