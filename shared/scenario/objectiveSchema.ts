import { z } from "zod";
import { idOf, idSchema } from "./idSchema";

const sympathyLevel = z.number().int().min(-2, "must be between -2 and 2").max(2, "must be between -2 and 2");

/**
 * A side's goal. "Held" goals (sympathy, loyalty, survive, reputation, supplies) are judged when the
 * match ends; "reached" goals (destroy, evacuate, findBases, eliminateCells) are done the moment they are met.
 */
export const objectiveGoalSchema = z.discriminatedUnion("kind", [
  z
    .object({ kind: z.literal("sympathy"), atLeast: sympathyLevel, count: z.number().int().min(1).max(100), systems: z.array(idOf("system")).optional() })
    .strict()
    .describe("When the match ends, at least `count` colonies (of `systems`, if given) have sympathy of `atLeast` or more."),
  z
    .object({ kind: z.literal("loyalty"), atMost: sympathyLevel, count: z.number().int().min(1).max(100), systems: z.array(idOf("system")).optional() })
    .strict()
    .describe("When the match ends, at least `count` colonies (of `systems`, if given) have sympathy of `atMost` or less."),
  z.object({ kind: z.literal("survive") }).strict().describe("The side still has a cell (or a ship) when the match ends."),
  z.object({ kind: z.literal("reputation"), atLeast: z.number().min(0).max(100) }).strict().describe("The occupier's reputation is at least this much when the match ends."),
  z.object({ kind: z.literal("supplies"), atLeast: z.number().min(0).max(10000) }).strict().describe("The side holds at least this many supplies when the match ends."),
  /** Ships of a side destroyed or captured; convoys seized or destroyed count too only with `convoys: true`. */
  z
    .object({ kind: z.literal("destroy"), side: z.enum(["maquis", "occupier"]), count: z.number().int().min(1).max(200), convoys: z.boolean().default(false) })
    .strict()
    .describe("Done once this many ships of the side are destroyed or captured (convoys too, with `convoys`)."),
  z.object({ kind: z.literal("evacuate"), count: z.number().int().min(1) }).strict().describe("Done once this many people have been taken off doomed worlds."),
  z.object({ kind: z.literal("findBases"), count: z.number().int().min(1).max(4) }).strict().describe("Done once the occupier has found this many hidden Maquis bases."),
  z.object({ kind: z.literal("eliminateCells") }).strict().describe("Done once every Maquis cell is broken."),
  /** Done once the garrison at a system is down to this many (a depot destroyed, a post wrecked). */
  z.object({ kind: z.literal("garrison"), system: idOf("system"), atMost: z.number().int().min(0).max(10) }).strict().describe("Done once the garrison at the system is down to `atMost`."),
  /** Done once the named ship reaches the system (a run through the storms, an escape). */
  z.object({ kind: z.literal("reach"), ship: idOf("ship"), system: idOf("system") }).strict().describe("Done once the ship reaches the system."),
]);
export type ObjectiveGoal = z.infer<typeof objectiveGoalSchema>;

export const objectiveSchema = z
  .object({
    id: idSchema,
    side: z.enum(["maquis", "occupier"]),
    text: z.string().min(1).max(200),
    points: z.number().int().min(1).max(100),
    goal: objectiveGoalSchema,
  })
  .strict();
export type ObjectiveDefinition = z.infer<typeof objectiveSchema>;
