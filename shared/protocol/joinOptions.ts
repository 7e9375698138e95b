import { z } from "zod";
import { LIMITS } from "./limits";

export const SPECTATOR_SEAT = "spectator";

/** What a client passes when it joins or creates a match. */
export const joinOptionsSchema = z.object({
  /** Needed to create a match (and to find one for quick play); joining by code does without. */
  scenario: z.string().min(1).max(48).default(""),
  /** A seat id from the scenario, "spectator", or absent for the first free Maquis cell. */
  seat: z.string().min(1).max(48).optional(),
  /** For spectators: whose eyes to watch through while the match runs. */
  watch: z.enum(["maquis", "occupier"]).default("maquis"),
  /** Skill of the AI in the seats nobody takes; read when the match is created. */
  difficulty: z.enum(["easy", "normal", "hard"]).default("normal"),
  /** The name others see. */
  name: z
    .string()
    .trim()
    .min(1)
    .max(LIMITS.nameCharacters)
    .regex(/^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*$/u, "must not contain control or formatting characters")
    .default("Player"),
  /** On create: wait in a lobby until the host starts, instead of starting at once. */
  lobby: z.boolean().default(false),
  /** On create: keep the match out of the public list; others join with its code. */
  private: z.boolean().default(false),
});
export type JoinOptions = z.input<typeof joinOptionsSchema>;
