import * as encoding from "lib0/encoding";
import { writeUpdate } from "y-protocols/sync";
import * as Y from "yjs";
import { CHANGE_BATCH_MS, EDITOR_SEND_BUDGET_PER_SECOND, EditorMessageType, PRESENCE_INTERVAL_MS, splitIntoParts } from "../../../shared/protocol/editorMessages";

/** Sends one byte message; false when the connection is not open (the frame waits, or a resync after reconnecting covers it). */
export type SendBytes = (type: string, bytes: Uint8Array) => boolean;

interface Frame {
  type: string;
  /** Null for presence: encoded when it goes, so it is always the newest. */
  bytes: Uint8Array | null;
}

const SECOND_MS = 1000;

/**
 * What an editor sends to the draft's room, kept under the room's limits: local changes sent at once
 * after a pause and merged while they come faster than one per CHANGE_BATCH_MS, presence at most every PRESENCE_INTERVAL_MS, messages too large for one
 * WebSocket message cut into parts, and never more than EDITOR_SEND_BUDGET_PER_SECOND messages in any second.
 */
export class DraftOutbox {
  /** Closed with its session: nothing more is queued. */
  private disposed = false;
  private changes: Uint8Array[] = [];
  private frames: Frame[] = [];
  /** When each of the last messages went, for the per-second budget. */
  private sentAt: number[] = [];
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private presenceTimer: ReturnType<typeof setTimeout> | undefined;
  private pacingTimer: ReturnType<typeof setTimeout> | undefined;
  private presenceDue = false;
  private lastFlush = -Infinity;
  private wasIdle = true;

  constructor(
    private readonly send: SendBytes,
    /** This editor's presence as an awareness update, encoded when it is sent. */
    private readonly presence: () => Uint8Array,
    /** Told when everything local has gone (true) or something waits to (false). */
    private readonly onIdle: (idle: boolean) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A local change to the document: sent at once after a pause, merged with the next ones while they come fast. */
  change(update: Uint8Array): void {
    if (this.disposed) return;
    this.changes.push(update);
    if (this.changeTimer !== undefined) return;
    const wait = this.lastFlush + CHANGE_BATCH_MS - this.now();
    if (wait <= 0) this.flushChanges();
    else {
      this.changeTimer = setTimeout(() => this.flushChanges(), wait);
      this.noteIdle();
    }
  }

  /** A whole sync message (a state vector, or the answer to the room's): sent at once, in parts when large. */
  sync(message: Uint8Array): void {
    if (this.disposed) return;
    const parts = splitIntoParts(message);
    parts.forEach((part, i) => this.frames.push({ type: i < parts.length - 1 ? EditorMessageType.syncPart : EditorMessageType.sync, bytes: part }));
    this.pump();
  }

  /** This editor's presence changed (its pointer moved, say). */
  presenceChanged(): void {
    if (this.presenceTimer !== undefined) {
      this.presenceDue = true;
      return;
    }
    if (!this.frames.some((frame) => frame.bytes === null)) this.frames.push({ type: EditorMessageType.presence, bytes: null });
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = undefined;
      if (!this.presenceDue) return;
      this.presenceDue = false;
      this.presenceChanged();
    }, PRESENCE_INTERVAL_MS);
    this.pump();
  }

  /** Sends what waits, as far as the connection and the budget allow. */
  pump(): void {
    clearTimeout(this.pacingTimer);
    this.pacingTimer = undefined;
    while (this.frames.length > 0) {
      const now = this.now();
      this.sentAt = this.sentAt.filter((time) => now - time < SECOND_MS);
      if (this.sentAt.length >= EDITOR_SEND_BUDGET_PER_SECOND) {
        this.pacingTimer = setTimeout(() => this.pump(), this.sentAt[0]! + SECOND_MS - now + 1);
        break;
      }
      const frame = this.frames[0]!;
      if (!this.send(frame.type, frame.bytes ?? this.presence())) break;
      this.frames.shift();
      this.sentAt.push(now);
    }
    this.noteIdle();
  }

  /** Forgets what waits: after reconnecting, the resync (both sides' state vectors) brings the copies level instead. */
  reset(): void {
    clearTimeout(this.changeTimer);
    this.changeTimer = undefined;
    this.changes = [];
    this.frames = [];
    this.noteIdle();
  }

  dispose(): void {
    this.disposed = true;
    this.reset();
    clearTimeout(this.presenceTimer);
    clearTimeout(this.pacingTimer);
  }

  get idle(): boolean {
    return this.changes.length === 0 && this.frames.every((frame) => frame.bytes === null);
  }

  private flushChanges(): void {
    this.changeTimer = undefined;
    if (this.changes.length === 0) return;
    this.lastFlush = this.now();
    const merged = Y.mergeUpdates(this.changes);
    this.changes = [];
    const encoder = encoding.createEncoder();
    writeUpdate(encoder, merged);
    this.sync(encoding.toUint8Array(encoder));
  }

  private noteIdle(): void {
    const idle = this.idle;
    if (idle === this.wasIdle) return;
    this.wasIdle = idle;
    this.onIdle(idle);
  }
}
