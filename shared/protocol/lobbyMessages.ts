import { z } from "zod";

export { LobbyMessageType } from "./protocolNames";

export const takeSeatSchema = z.object({ seat: z.string().min(1).max(48) }).strict();
export const readySchema = z.object({ ready: z.boolean() }).strict();
export const startSchema = z.object({}).strict();

/** A seat as the lists show it. */
export interface ListedSeat {
  id: string;
  /** The scenario's name for it ("Dorvan Valley cell"). */
  name: string;
  side: string;
}

/** What the match list shows about a match (its room metadata). */
export interface MatchListing {
  scenario: string;
  title: string;
  phase: string;
  host: string;
  /** The day of the match, counted like its clock: 1 on the first day. */
  day: number;
  /** The seats nobody holds (the AI plays them while the match runs): free to take. */
  freeSeats: ListedSeat[];
}

/** GET /api/matches/:id — a running match as an invite link needs to know it before joining. */
export interface MatchLookup {
  id: string;
  scenario: string;
  title: string;
  phase: string;
  day: number;
  freeSeats: ListedSeat[];
}

/** GET /api/continue?player=… — one unfinished match in which that player held a seat. */
export interface ContinueEntry {
  /** The match's id: its room id (or invite code) while it runs, and its id in the store. */
  matchId: string;
  scenario: string;
  title: string;
  day: number;
  /** The seat the player held, to be put back in. */
  seat: string;
  seatName: string;
  side: string;
  /** "lobby" (not started yet) or "playing". */
  phase: string;
  /** Whether it is running on the server now (join it) or was set aside (the server brings it back). */
  running: boolean;
  /** A private match (one's own against the AI, or joined by code only). */
  private: boolean;
  /** When it was last saved (ISO 8601). */
  savedAt: string;
}
