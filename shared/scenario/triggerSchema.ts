import { z } from "zod";
import { CONVOY_CARGO } from "../rules/tuning";
import { idOf, idSchema } from "./idSchema";
import { GENERATED_SHIP_ID, shipClassIdSchema, shipPlacementSchema } from "./shipPlacementSchema";

const sympathyLevel = z.number().int().min(-2, "must be between -2 and 2").max(2, "must be between -2 and 2");
const side = z.enum(["maquis", "occupier"]);

/** What a trigger waits for; a trigger fires once, when all its conditions hold. */
export const conditionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("day"), atLeast: z.number().int().min(1).max(1000) }).strict().describe("Holds from this day of the match on."),
  z.object({ kind: z.literal("sympathy"), system: idOf("system"), atLeast: sympathyLevel.optional(), atMost: sympathyLevel.optional() }).strict().describe("Holds while the system's sympathy is within the bounds given."),
  z.object({ kind: z.literal("control"), side, count: z.number().int().min(1).max(100) }).strict().describe("Holds while the side controls at least `count` systems."),
  z.object({ kind: z.literal("unitLost"), ship: idOf("ship").optional(), side: side.optional(), count: z.number().int().min(1).max(200).default(1) }).strict().describe("Holds once the named ship, or `count` ships of the side, have been lost."),
  /** Holds once the named objective is done (objectives only fail when the match ends, after the last trigger). */
  z.object({ kind: z.literal("objective"), id: idOf("objective") }).strict().describe("Holds once the named objective is done."),
  z.object({ kind: z.literal("exposure"), cell: idOf("maquis-seat"), atLeast: z.number().min(0).max(100) }).strict().describe("Holds while the cell's exposure (how hunted it is, 0–100) is at least this."),
  z.object({ kind: z.literal("reputation"), atLeast: z.number().min(0).max(100).optional(), atMost: z.number().min(0).max(100).optional() }).strict().describe("Holds while the occupier's reputation is within the bounds given."),
  /** Holds while the named ship, or any ship of the side (any ship at all when neither is given), is at the system. */
  z.object({ kind: z.literal("shipAt"), system: idOf("system"), ship: idOf("ship").optional(), side: side.optional() }).strict().describe("Holds while the named ship, or any ship of the side (any ship at all when neither is given), is at the system."),
]);
export type Condition = z.infer<typeof conditionSchema>;

/** What a trigger does. Data only: a scenario can never run code on the server. */
export const effectSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("spawn"), ship: shipPlacementSchema }).strict().describe("A new ship appears."),
  z.object({ kind: z.literal("remove"), ship: idOf("ship") }).strict().describe("The named ship leaves the match."),
  /**
   * The occupier sends a convoy: a ship of its seat that starts at the route's first system, flies the
   * route once and delivers its cargo at the last (unless the Maquis raid it on the way).
   */
  z
    .object({
      kind: z.literal("convoy"),
      id: idSchema.meta({ not: { pattern: GENERATED_SHIP_ID.source } }),
      name: z.string().min(1).max(40),
      class: shipClassIdSchema.default("freighter"),
      route: z.array(idOf("system")).min(2, "a convoy's route needs at least 2 systems").max(16),
      cargo: z.number().int().min(0).max(1000).default(CONVOY_CARGO),
    })
    .strict()
    .describe("The occupier sends a convoy along the route; it delivers its cargo at the last system unless raided on the way."),
  z.object({ kind: z.literal("sympathy"), system: idOf("system"), by: z.number().int().min(-4).max(4) }).strict().describe("The system's sympathy moves by this much (towards the Maquis when positive)."),
  z
    .object({
      kind: z.literal("grant"),
      seat: idOf("seat"),
      supplies: z.number().min(-100).max(100).optional(),
      weapons: z.number().min(-100).max(100).optional(),
      recruits: z.number().min(-100).max(100).optional(),
      requisition: z.number().min(-100).max(100).optional(),
      reputation: z.number().min(-100).max(100).optional(),
    })
    .strict()
    .describe("The seat gains (or loses) these resources."),
  z.object({ kind: z.literal("stance"), treaty: z.boolean().optional(), reinforcements: z.number().int().min(0).max(20).optional() }).strict().describe("The occupier's orders change: the treaty comes into force or lapses, and reinforcements are added to its pool."),
  z.object({ kind: z.literal("message"), to: z.enum(["all", "maquis", "occupier"]), text: z.string().min(1).max(600) }).strict().describe("A message in the players' log."),
  /** A spy or an informer gives a cell away: every ship of the seat is revealed. */
  z.object({ kind: z.literal("reveal"), seat: idOf("seat") }).strict().describe("Every ship of the seat is revealed."),
  /** Cloaking devices or a storm front: every ship of the seat slips underground at once. */
  z.object({ kind: z.literal("hide"), seat: idOf("seat") }).strict().describe("Every ship of the seat slips out of sight."),
  /** The cell's heat rises or falls by this much (0–100). */
  z.object({ kind: z.literal("exposure"), cell: idOf("maquis-seat"), by: z.number().min(-100).max(100) }).strict().describe("The cell's exposure rises (or falls) by this much."),
  /** A catastrophe coming for a world: after `inHours`, whoever is still there is lost (`fate` says how); until then the Maquis may evacuate it. */
  z.object({ kind: z.literal("doom"), system: idOf("system"), inHours: z.number().min(0).max(10_000), fate: z.string().min(1).max(200) }).strict().describe("A catastrophe comes for the system in `inHours`: whoever is still there is lost; until then the Maquis may evacuate it."),
  z.object({ kind: z.literal("end"), winner: z.enum(["maquis", "occupier", "draw"]), reason: z.string().min(1).max(200) }).strict().describe("The match ends at once with this winner."),
]);
export type Effect = z.infer<typeof effectSchema>;

export const triggerSchema = z
  .object({
    id: idSchema,
    when: z.array(conditionSchema).min(1, "a trigger needs at least one condition").max(8),
    then: z.array(effectSchema).min(1, "a trigger needs at least one effect").max(12),
  })
  .strict();
export type Trigger = z.infer<typeof triggerSchema>;
