import { z } from "zod";
import { idOf, idSchema } from "./idSchema";

/**
 * The kinds of log line the rules write (shared/rules: every `logEvent` call), which a tutorial step may
 * wait for. test/unit/tutorialSchema.test.ts fails when the rules write a kind this list lacks.
 */
export const LOG_KINDS = [
  "agitate",
  "aid",
  "base",
  "briefing",
  "convoy",
  "crackdown",
  "dark",
  "departure",
  "doom",
  "end",
  "engagement",
  "evacuate",
  "exposed",
  "harm",
  "loss",
  "mark",
  "objective",
  "raid",
  "refit",
  "reinforce",
  "round",
  "sabotage",
  "sighting",
  "smuggle",
  "strike",
  "sweep",
  "transfer",
  "treaty",
] as const;
export type LogKind = (typeof LOG_KINDS)[number];

/** Holdings of the player's own cell a step may wait for. */
export const HOLDING_FIELDS = ["supplies", "weapons", "recruits", "exposure"] as const;

const amount = z.number().min(0).max(1000);

/**
 * What a tutorial step waits for. Every condition is read on the player's own client: the match as that
 * seat sees it (its own ships, cell and log lines, the public colonies and objectives) and two facts the
 * match screen knows (which ship is selected, whether the sensor picture is shown). "Your ships" are the
 * ships of the seat the player holds; a `ship` field narrows a condition to one of them.
 */
export const tutorialConditionSchema = z.discriminatedUnion("kind", [
  /** A ship of yours (or the named one) is selected on the map. */
  z.object({ kind: z.literal("selected"), ship: idOf("ship").optional() }).strict(),
  /** The occupier's sensor picture is shown on the map. */
  z.object({ kind: z.literal("sensorPicture") }).strict(),
  /** A ship of yours (or the named one) is at the system. */
  z.object({ kind: z.literal("shipAt"), system: idOf("system"), ship: idOf("ship").optional() }).strict(),
  /** A ship of yours (or the named one) is at your cell's base, wherever the match put it. */
  z.object({ kind: z.literal("atBase"), ship: idOf("ship").optional() }).strict(),
  /** A ship of yours (or the named one) is hidden (`underground: true`) or seen, and/or has the stance ("dark" while going dark). */
  z
    .object({ kind: z.literal("shipState"), ship: idOf("ship").optional(), underground: z.boolean().optional(), stance: z.enum(["dark", "ambush"]).optional() })
    .strict(),
  /** Your log holds a line of this kind (a line you may read: to your seat, your side or everyone). */
  z.object({ kind: z.literal("log"), logKind: z.enum(LOG_KINDS) }).strict(),
  /** Your cell's holding is in range. */
  z.object({ kind: z.literal("holding"), field: z.enum(HOLDING_FIELDS), atLeast: amount.optional(), atMost: amount.optional() }).strict(),
  /** The objective is done. */
  z.object({ kind: z.literal("objective"), id: idOf("objective") }).strict(),
  /** The match is over (won by that side, when `winner` is given). */
  z.object({ kind: z.literal("matchOver"), winner: z.enum(["maquis", "occupier", "draw"]).optional() }).strict(),
]);
export type TutorialCondition = z.infer<typeof tutorialConditionSchema>;

export const tutorialStepSchema = z
  .object({
    id: idSchema,
    /** What to do now, in a sentence or two. */
    text: z.string().min(1).max(300),
    /** How to do it, or why it matters. */
    hint: z.string().min(1).max(300).optional(),
    /** The step is done when all of these hold. */
    done: z.array(tutorialConditionSchema).min(1, "a step needs at least one condition").max(8),
  })
  .strict();
export type TutorialStep = z.infer<typeof tutorialStepSchema>;

/** A scenario's coaching: steps shown one at a time, each done when its conditions hold, in order. */
export const tutorialSchema = z
  .object({
    steps: z.array(tutorialStepSchema).min(1).max(30),
  })
  .strict();
export type Tutorial = z.infer<typeof tutorialSchema>;
