import { z } from "zod";
import { LIMITS } from "./limits";
import { PLAYER_ID_PATTERN } from "./protocolNames";

export const SPECTATOR_SEAT = "spectator";

/**
 * A browser's own random id (client/net/playerId.ts keeps it in localStorage). The server remembers it
 * per seat, so whoever held a seat can find the match again and continue it; it is never sent to others.
 */
export const playerIdSchema = z.string().regex(PLAYER_ID_PATTERN, "must be 16 to 64 letters, digits, - or _");

/** A match's id as rooms and the store know it: a room id or an invite code. */
export const matchIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1 to 64 letters, digits, - or _");

/** The name others see (in a match, in the lobby, in a shared draft). */
export const playerNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.nameCharacters)
  .regex(/^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*$/u, "must not contain control or formatting characters")
  .default("Player");

/** What a client passes when it joins or creates a match. */
export const joinOptionsSchema = z.object({
  /** Needed to create a match (and to find one for quick play); joining by code does without. */
  scenario: z.string().min(1).max(48).default(""),
  /** A seat id from the scenario, "spectator", or absent for the player's own seat (one it held before) or else the first free Maquis cell. */
  seat: z.string().min(1).max(48).optional(),
  /** For spectators: whose eyes to watch through while the match runs. */
  watch: z.enum(["maquis", "occupier"]).default("maquis"),
  /** Skill of the AI in the seats nobody takes; read when the match is created. */
  difficulty: z.enum(["easy", "normal", "hard"]).default("normal"),
  /** The name others see. */
  name: playerNameSchema,
  /** On create: wait in a lobby until the host starts, instead of starting at once. */
  lobby: z.boolean().default(false),
  /** On create: keep the match out of the public list; others join with its code. */
  private: z.boolean().default(false),
  /** Who is joining, across reloads and visits: the seat taken is remembered for this id. */
  player: playerIdSchema.optional(),
  /** On create: bring back a match that was set aside, in which `player` held a seat (the scenario then comes from the save). */
  continue: matchIdSchema.optional(),
  /**
   * On create: a new private match from a moment of a finished match's replay, the recorded match
   * re-run to that hour (game hours from its start); the scenario, seed and AI level come from its record.
   */
  from: z.object({ match: matchIdSchema, hour: z.number().finite().min(0) }).optional(),
});
export type JoinOptions = z.input<typeof joinOptionsSchema>;
