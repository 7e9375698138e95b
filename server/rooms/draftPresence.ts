import * as decoding from "lib0/decoding";
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import type * as Y from "yjs";
import { editorPresenceSchema } from "../../shared/protocol/editorMessages";
import { LIMITS } from "../../shared/protocol/limits";

/** Presence entries one connection may speak for: its document's id (Yjs may give a document a new id once, on a clash). */
const IDS_PER_EDITOR = 2;

/** Where a presence change goes: to every editor but the one it came from (none when the room itself made it). */
export type PresenceRelay = (update: Uint8Array, except: string | undefined) => void;

/**
 * Who is in a draft and what they point at (y-protocols awareness): each editor's presence checked
 * before it is kept, relayed to the others, and removed when its editor leaves. An editor speaks only
 * for its own entries, never for someone else's.
 */
export class DraftPresence {
  private readonly awareness: Awareness;
  /** sessionId → the presence entries it speaks for. */
  private readonly idsOf = new Map<string, Set<number>>();

  constructor(
    doc: Y.Doc,
    relay: PresenceRelay,
    /** Whether a session is connected now: an entry of one that dropped may pass to a new connection of the same document. */
    private readonly isConnected: (sessionId: string) => boolean,
  ) {
    this.awareness = new Awareness(doc);
    // The room itself has no presence.
    this.awareness.setLocalState(null);
    this.awareness.on("update", ({ added, updated, removed }: Record<"added" | "updated" | "removed", number[]>, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      // The origin is the sending session, or the awareness' own timeout, or null when the room removes an editor's entries.
      relay(encodeAwarenessUpdate(this.awareness, changed), typeof origin === "string" && this.idsOf.has(origin) ? origin : undefined);
    });
  }

  /** Checks one editor's presence update and keeps it; returns what is wrong with it, or null once it is applied. */
  receive(sessionId: string, update: Uint8Array): string | null {
    if (update.length > LIMITS.presenceBytes) return `presence: ${update.length} bytes is over the limit of ${LIMITS.presenceBytes}`;
    let ids: number[];
    try {
      // A copy: the transport's buffer goes on past the update, and a length read from it must not reach beyond.
      ids = this.readIds(update.slice());
    } catch (error) {
      return `presence: ${(error as Error).message}`;
    }
    const own = this.idsOf.get(sessionId) ?? new Set<number>();
    for (const id of ids) {
      const owner = this.ownerOf(id);
      if (owner !== undefined && owner !== sessionId && this.isConnected(owner)) return "presence: that entry belongs to another editor";
      if (!own.has(id) && own.size >= IDS_PER_EDITOR) return `presence: one editor speaks for at most ${IDS_PER_EDITOR} entries`;
      if (owner !== undefined && owner !== sessionId) this.idsOf.get(owner)?.delete(id);
      own.add(id);
    }
    this.idsOf.set(sessionId, own);
    applyAwarenessUpdate(this.awareness, update, sessionId);
    return null;
  }

  /** Every editor's presence, for one who has just joined; null when nobody has any. */
  everyone(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()];
    return ids.length > 0 ? encodeAwarenessUpdate(this.awareness, ids) : null;
  }

  /** The editor has left: its entries go, and the others are told. */
  remove(sessionId: string): void {
    const ids = this.idsOf.get(sessionId);
    this.idsOf.delete(sessionId);
    if (ids && ids.size > 0) removeAwarenessStates(this.awareness, [...ids], null);
  }

  destroy(): void {
    this.awareness.destroy();
  }

  private ownerOf(id: number): string | undefined {
    for (const [sessionId, ids] of this.idsOf) if (ids.has(id)) return sessionId;
    return undefined;
  }

  /** The entries an awareness update speaks for, each state checked against the presence schema (null: the editor has gone). */
  private readIds(update: Uint8Array): number[] {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > IDS_PER_EDITOR) throw new Error(`${count} entries in one update; at most ${IDS_PER_EDITOR}`);
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      ids.push(decoding.readVarUint(decoder));
      decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      if (state === null) continue;
      const parsed = editorPresenceSchema.safeParse(state);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`${issue.path.join(".") || "(state)"}: ${issue.message}`);
      }
    }
    if (decoding.hasContent(decoder)) throw new Error("bytes left over after the update");
    return ids;
  }
}
