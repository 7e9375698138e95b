import { z } from "zod";
import factionData from "../../assets/data/factions.json" with { type: "json" };
import { idSchema } from "./idSchema";

export const factionSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1).max(60),
    universes: z.array(z.enum(["primary", "mirror", "reborn"])).min(1),
    summary: z.string().min(1).max(300),
  })
  .strict();
export type Faction = z.infer<typeof factionSchema>;

export const factionListSchema = z.array(factionSchema).min(1);

/** The bundled factions, validated once when first imported. */
export const factions: ReadonlyMap<string, Faction> = new Map(factionListSchema.parse(factionData).map((faction) => [faction.id, faction]));
