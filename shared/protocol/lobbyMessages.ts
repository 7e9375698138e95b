import { z } from "zod";

/** Messages of a match's lobby phase, before the host starts it. */
export const LobbyMessageType = {
  takeSeat: "takeSeat",
  ready: "ready",
  start: "start",
} as const;

export const takeSeatSchema = z.object({ seat: z.string().min(1).max(48) }).strict();
export const readySchema = z.object({ ready: z.boolean() }).strict();
export const startSchema = z.object({}).strict();

/** What the match list shows about a match. */
export interface MatchListing {
  scenario: string;
  title: string;
  phase: string;
  host: string;
  freeSeats: string[];
}
