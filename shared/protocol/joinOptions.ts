import { z } from "zod";

export const SPECTATOR_SEAT = "spectator";

/** What a client passes when it joins or creates a match. */
export const joinOptionsSchema = z.object({
  scenario: z.string().min(1).max(48),
  /** A seat id from the scenario, "spectator", or absent for the first free Maquis cell. */
  seat: z.string().min(1).max(48).optional(),
  /** For spectators: whose eyes to watch through while the match runs. */
  watch: z.enum(["maquis", "occupier"]).default("maquis"),
  /** Skill of the AI in the seats nobody takes; read when the match is created. */
  difficulty: z.enum(["easy", "normal", "hard"]).default("normal"),
});
export type JoinOptions = z.input<typeof joinOptionsSchema>;
