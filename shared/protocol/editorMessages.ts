import { z } from "zod";
import type { ScenarioProblem } from "../scenario/parseScenario";
import { playerIdSchema, playerNameSchema } from "./joinOptions";
import { LIMITS } from "./limits";

/*
 * The `editor` room: one scenario draft (a Yjs document, see shared/scenario/draftDocument.ts) that
 * several modders edit at once. Document and presence travel as byte messages in the y-protocols
 * encodings; the room keeps the document and relays what each editor changes to the others.
 */

export const EditorMessageType = {
  /** Bytes, both ways: a y-protocols sync message (step 1, step 2 or update), or the last part of one. */
  sync: "sync",
  /** Bytes, client → server: a part of a sync message too large for one WebSocket message; the next `sync` completes it. */
  syncPart: "syncPart",
  /** Bytes, both ways: a y-protocols awareness update (each editor's presence). */
  presence: "presence",
  /** JSON, server → client: how the stored draft fares against the scenario format (DraftProblems). */
  problems: "problems",
} as const;

/** Bytes per syncPart: a WebSocket message holds LIMITS.messageBytes, less the message's type and framing. */
export const SYNC_PART_BYTES = LIMITS.messageBytes - 128;
/** Local changes go at most this often (merged meanwhile), so typing stays far below the message rate. */
export const CHANGE_BATCH_MS = 50;
/** An editor's presence (cursor moves above all) is sent at most this often. */
export const PRESENCE_INTERVAL_MS = 100;
/** Messages a client sends in any second: below LIMITS.editorMessagesPerSecond, leaving room for sync replies. */
export const EDITOR_SEND_BUDGET_PER_SECOND = 40;
/** The most problems a DraftProblems message lists (its count is the whole number). */
export const LISTED_PROBLEMS = 20;

/** A draft's id: the room's id, and the capability its invite link carries (18 random bytes, base64url). */
export const draftIdSchema = z.string().regex(/^[A-Za-z0-9_-]{24}$/, "must be 24 letters, digits, - or _");

/** What a client passes to create or join an `editor` room. Without `draft`, create opens a new, empty draft. */
export const editorJoinOptionsSchema = z
  .object({
    name: playerNameSchema,
    player: playerIdSchema.optional(),
    /** On create: open this draft again from the store (everyone had left it). */
    draft: draftIdSchema.optional(),
  })
  .strict();
export type EditorJoinOptions = z.input<typeof editorJoinOptionsSchema>;

/** What each editor shows the others: who they are, where their pointer is, what they have selected and which field they edit. */
export const editorPresenceSchema = z
  .object({
    name: playerNameSchema,
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour such as #3a7bd5"),
    /** Map coordinates of the pointer, or null when it is off the map. */
    cursor: z.object({ x: z.number().finite(), y: z.number().finite() }).strict().nullable(),
    /** Ids of the selected things (systems, forces, triggers…). */
    selection: z.array(z.string().min(1).max(64)).max(LIMITS.selectionIds),
    /** The form field being edited, as a path such as "map.systems.3.name". */
    field: z.string().max(LIMITS.presenceFieldCharacters).optional(),
  })
  .strict();
export type EditorPresence = z.infer<typeof editorPresenceSchema>;

/** Sent on joining and whenever the count changes: the draft as stored, checked by the shared scenario parser. */
export interface DraftProblems {
  count: number;
  /** The first LISTED_PROBLEMS of them. */
  problems: ScenarioProblem[];
}

/** A sync message cut into pieces that each fit a WebSocket message: all but the last go as syncPart, the last as sync. */
export function splitIntoParts(message: Uint8Array, partBytes = SYNC_PART_BYTES): Uint8Array[] {
  const parts: Uint8Array[] = [];
  for (let start = 0; start < message.length; start += partBytes) parts.push(message.subarray(start, start + partBytes));
  return parts.length > 0 ? parts : [message];
}
