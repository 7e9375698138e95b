import { z } from "zod";
import shipClassData from "../../assets/data/ship-classes.json" with { type: "json" };
import { factions } from "./factionSchema";
import { idSchema } from "./idSchema";

export const shipSizeSchema = z.enum(["small", "medium", "large"]);

export const shipClassSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1).max(60),
    faction: idSchema.refine((id) => factions.has(id), "must name a faction from assets/data/factions.json"),
    size: shipSizeSchema,
    hull: z.number().int().min(1).max(1000),
    shields: z.number().int().min(0).max(1000),
    firepower: z.number().int().min(0).max(1000),
    /** Map units per game hour. */
    speed: z.number().positive().max(50),
    sensorRange: z.number().min(0).max(500),
    /** 0 (plain to see) to 100 (near invisible). */
    stealth: z.number().int().min(0).max(100),
    note: z.string().max(200),
  })
  .strict();
export type ShipClass = z.infer<typeof shipClassSchema>;

export const shipClassListSchema = z.array(shipClassSchema).min(1);

/** The bundled ship classes, validated once when first imported (a broken data file fails loudly here). */
export const shipClasses: ReadonlyMap<string, ShipClass> = new Map(
  shipClassListSchema.parse(shipClassData).map((shipClass) => [shipClass.id, shipClass]),
);
