import { z } from "zod";
import { idSchema } from "./idSchema";

export const MAX_MAP_SIZE = 5000;
export const coordinate = z.number().finite().min(0).max(MAX_MAP_SIZE);
export const pointSchema = z.object({ x: coordinate, y: coordinate }).strict();

export const shipPlacementSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1).max(40),
    class: idSchema,
    seat: idSchema,
    /** A system id to start at, or a point on the map. */
    at: z.union([idSchema, pointSchema]),
    /** A patrol route: system ids flown in a loop. */
    route: z.array(idSchema).min(2, "a route needs at least 2 systems").max(16).optional(),
  })
  .strict();
export type ShipPlacement = z.infer<typeof shipPlacementSchema>;
