import { z } from "zod";

export const SPECTATOR_SEAT = "spectator";

/** What a client passes when it joins or creates a match. */
export const joinOptionsSchema = z.object({
  scenario: z.string().min(1).max(48),
  /** A seat id from the scenario, "spectator", or absent for the first free Maquis cell. */
  seat: z.string().min(1).max(48).optional(),
});
export type JoinOptions = z.infer<typeof joinOptionsSchema>;
