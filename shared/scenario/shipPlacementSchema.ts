import { z } from "zod";
import { idOf, idSchema } from "./idSchema";
import { shipClasses } from "./shipClassSchema";

export const MAX_MAP_SIZE = 5000;
export const coordinate = z.number().finite().min(0).max(MAX_MAP_SIZE);
export const pointSchema = z.object({ x: coordinate, y: coordinate }).strict();

/** Ids the rules give ships they create (convoys, reinforcements, refitted fighters); a placed ship may not take one. */
export const GENERATED_SHIP_ID = /^(convoy|reinforcement|fighter)-\d+$/;

/**
 * A ship class id. The parser checks it with the other cross-references (so one file lists all its problems);
 * the `.meta()` gives the exported JSON Schema the same list, since the classes are fixed by the game's data.
 */
export const shipClassIdSchema = idSchema.meta({ enum: [...shipClasses.keys()] });

export const shipPlacementSchema = z
  .object({
    // Checked in checkReferences with the duplicate ids; the JSON Schema says it on the field.
    id: idSchema.meta({ not: { pattern: GENERATED_SHIP_ID.source } }),
    name: z.string().min(1).max(40),
    class: shipClassIdSchema,
    seat: idOf("seat"),
    /** A system id to start at, or a point on the map. */
    at: z.union([idOf("system"), pointSchema]),
    /** A patrol route: system ids flown in a loop. */
    route: z.array(idOf("system")).min(2, "a route needs at least 2 systems").max(16).optional(),
    /** The share of its class's hull the ship starts with, for one already hurt when the scenario opens; whole if left out. */
    hull: z.number().gt(0).max(1).optional(),
  })
  .strict();
export type ShipPlacement = z.infer<typeof shipPlacementSchema>;
