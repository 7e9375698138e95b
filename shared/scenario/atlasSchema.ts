import { z } from "zod";
import { idSchema } from "./idSchema";
import { inlineMapSchema } from "./mapSchema";

/** A shared map of one era: systems and regions that scenarios pick from and adjust. */
export const atlasSchema = inlineMapSchema
  .extend({
    id: idSchema,
    title: z.string().min(1).max(80),
    universe: z.enum(["primary", "mirror", "reborn"]),
    /** Where the placements come from (CANON.md §1 and the fan chart it cites), for the modding guide. */
    notes: z.string().max(2000),
  })
  .strict();
export type Atlas = z.infer<typeof atlasSchema>;
