import type { Client, Room } from "@colyseus/sdk";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import { messageYjsSyncStep2, readSyncMessage, writeSyncStep1 } from "y-protocols/sync";
import * as Y from "yjs";
import { EditorMessageType, type DraftProblems, type EditorJoinOptions, type EditorPresence } from "../../../shared/protocol/editorMessages";
import { ErrorCode } from "../../../shared/protocol/errorCodes";
import { LIMITS } from "../../../shared/protocol/limits";
import { MessageType, type ErrorMessage } from "../../../shared/protocol/messages";
import { writeDraft } from "../../../shared/scenario/draftDocument";
import { nestsTooDeep } from "../../../shared/scenario/parseScenario";
import { gameClient } from "../../net/connection";
import { LatestMessage } from "../../net/latestMessage";
import { DraftOutbox } from "./draftOutbox";

/**
 * - synced: every local change has gone to the room;
 * - sending: local changes are on their way;
 * - reconnecting: the connection dropped; local edits are kept and go once it is back;
 * - outOfStep: the room refused one of this editor's changes (too large): undo it and open the draft again;
 * - closed: the session ended (close(), or the draft could not be reached again).
 */
export type DraftStatus = "synced" | "sending" | "reconnecting" | "outOfStep" | "closed";

export interface DraftSessionRequest {
  /** An existing draft (the `draft` of its invite link). Without it a new draft is made. */
  draftId?: string;
  /** A new draft's contents: a scenario file (a template, a bundled scenario, a file loaded). */
  initialFile?: Record<string, unknown>;
  /** The name the other editors see. */
  name: string;
  /** This browser's player id (client/net/playerId.ts). */
  player?: string;
  /** The document to bind; a new one otherwise. */
  doc?: Y.Doc;
  /** The game server; the page's own by default (tests and tools pass theirs). */
  client?: Client;
}

export interface DraftSession {
  doc: Y.Doc;
  /** Set `cursor`, `selection` and `field` with awareness.setLocalStateField; others' states are in awareness.getStates(). */
  awareness: Awareness;
  draftId: string;
  /** The page address that opens this draft: whoever has it may edit it. */
  inviteLink: string;
  /** An origin for edits made without an editor model (tools, tests): every edit not from the room is sent, whatever its origin; the editor's model uses its own, which its undo manager tracks. */
  localOrigin: object;
  /** How the draft as stored fares against the scenario format: now if known, then at each change. */
  problems(listener: (problems: DraftProblems) => void): void;
  onStatus(listener: (status: DraftStatus) => void): void;
  /** Something the room refused, said in a sentence (shown as text). */
  onRefusal(listener: (error: ErrorMessage) => void): void;
  close(): Promise<void>;
}

/** Colours for editors' cursors, picked by document id so two editors rarely share one. */
const EDITOR_COLORS = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324"];
/** Waits between attempts to reach the draft again after its connection was lost for good. */
const REOPEN_DELAYS_MS = [500, 1000, 2000, 4000, 8000];
/** The room's refusals of a change: the change is in this copy and cannot be taken out, so the copy is out of step. */
const REFUSED_CHANGES: ReadonlySet<string> = new Set([ErrorCode.DraftFull, ErrorCode.ChangeTooLarge, ErrorCode.DraftOutOfStep]);
/** A new draft's file, checked before anything is sent: a JSON object, not too deep, small enough to send as one change. */
function startFrom(doc: Y.Doc, file: Record<string, unknown>): void {
  if (typeof file !== "object" || file === null || Array.isArray(file)) throw new Error("a new draft starts from a scenario file: a JSON object");
  if (nestsTooDeep(file)) throw new Error("the file nests deeper than any scenario file does");
  writeDraft(doc, file);
  const bytes = Y.encodeStateAsUpdate(doc).length;
  if (bytes > LIMITS.draftChangeBytes) throw new Error(`the file makes a draft of ${Math.ceil(bytes / 1024)} KiB, over the ${LIMITS.draftChangeBytes / 1024} KiB one change may bring`);
}

async function connect(client: Client, draftId: string | undefined, options: EditorJoinOptions): Promise<Room> {
  if (draftId === undefined) return client.create("editor", options);
  try {
    return await client.joinById(draftId, options);
  } catch {
    // Nobody has it open: the room is made again from the store.
    try {
      return await client.create("editor", { ...options, draft: draftId });
    } catch (error) {
      // Someone else opened it a moment ago.
      if (/is open/.test((error as Error).message)) return client.joinById(draftId, options);
      throw error;
    }
  }
}

/** Connects to a draft (a new one, or one by its id) and keeps `doc` and `awareness` in step with it until closed. */
export async function openDraftSession(request: DraftSessionRequest): Promise<DraftSession> {
  if (request.draftId !== undefined && request.initialFile !== undefined) throw new Error("open either an existing draft or a new one from a file, not both");
  const doc = request.doc ?? new Y.Doc();
  if (request.initialFile !== undefined) startFrom(doc, request.initialFile);
  const client = request.client ?? gameClient();
  const options: EditorJoinOptions = { name: request.name, ...(request.player !== undefined ? { player: request.player } : {}) };
  const link = new DraftLink(doc, client, options, request.name);
  await link.open(await connect(client, request.draftId, options));
  return link.session();
}

/** One editor's tie to the draft's room, across drops and reconnections. */
class DraftLink {
  readonly awareness: Awareness;
  readonly localOrigin = { editor: "local" };
  /** The origin of what arrives from the room: neither sent back nor tracked by an undo manager. */
  private readonly remoteOrigin = { editor: "remote" };
  private readonly outbox: DraftOutbox;
  private readonly latestProblems = new LatestMessage<DraftProblems>();
  private readonly statusListeners: ((status: DraftStatus) => void)[] = [];
  private readonly refusalListeners: ((error: ErrorMessage) => void)[] = [];
  private room!: Room;
  private status: DraftStatus = "sending";
  private connected = false;
  private closing = false;
  private firstSync: (() => void) | undefined;

  constructor(
    readonly doc: Y.Doc,
    private readonly client: Client,
    private readonly options: EditorJoinOptions,
    name: string,
  ) {
    this.awareness = new Awareness(doc);
    this.awareness.setLocalState({ name, color: EDITOR_COLORS[doc.clientID % EDITOR_COLORS.length]!, cursor: null, selection: [] } satisfies EditorPresence);
    this.outbox = new DraftOutbox(
      // Never into the SDK's own queue for a closed socket: after reconnecting, the resync brings everything instead.
      (type, bytes) => this.connected && this.room.connection.isOpen && (this.room.sendBytes(type, bytes), true),
      () => encodeAwarenessUpdate(this.awareness, [doc.clientID]),
      (idle) => this.settle(idle),
    );
    doc.on("update", this.sendChange);
    this.awareness.on("update", (_changes: unknown, origin: unknown) => {
      if (origin === "local") this.outbox.presenceChanged();
    });
  }

  private readonly sendChange = (update: Uint8Array, origin: unknown) => {
    // Out of step, every change would be refused: the editor is asked to open the draft again instead.
    if (origin !== this.remoteOrigin && this.status !== "outOfStep" && this.status !== "closed") this.outbox.change(update);
  };

  /** Binds a connection and resolves once the room's copy has reached this one. */
  open(room: Room): Promise<void> {
    const synced = new Promise<void>((resolve) => (this.firstSync = resolve));
    this.bind(room);
    return synced;
  }

  private bind(room: Room): void {
    this.room = room;
    this.connected = true;
    room.onMessage(EditorMessageType.sync, (bytes: Uint8Array) => this.receiveSync(bytes));
    room.onMessage(EditorMessageType.presence, (bytes: Uint8Array) => applyAwarenessUpdate(this.awareness, bytes, this.remoteOrigin));
    room.onMessage(EditorMessageType.problems, (problems: DraftProblems) => this.latestProblems.receive(problems));
    room.onMessage(MessageType.error, (error: ErrorMessage) => {
      if (REFUSED_CHANGES.has(error.code)) {
        this.setStatus("outOfStep");
        this.outbox.reset();
      }
      for (const listener of this.refusalListeners) listener(error);
    });
    room.onDrop(() => {
      this.connected = false;
      this.setStatus("reconnecting");
    });
    room.onReconnect(() => this.resync());
    room.onLeave(() => {
      this.connected = false;
      if (room === this.room && !this.closing) void this.reopen();
    });
    this.resync();
  }

  /** Both copies brought level: this side sends its state vector and presence, the room answers with what it lacks and sends its own. */
  private resync(): void {
    this.connected = true;
    this.outbox.reset();
    if (this.status === "reconnecting") this.setStatus(this.outbox.idle ? "synced" : "sending");
    const encoder = encoding.createEncoder();
    writeSyncStep1(encoder, this.doc);
    this.outbox.sync(encoding.toUint8Array(encoder));
    this.outbox.presenceChanged();
  }

  private receiveSync(bytes: Uint8Array): void {
    const encoder = encoding.createEncoder();
    const kind = readSyncMessage(decoding.createDecoder(bytes), encoder, this.doc, this.remoteOrigin);
    // The answer to the room's state vector: whatever this copy holds that the room's lacks (a new draft's whole file).
    if (encoding.length(encoder) > 0 && this.status !== "outOfStep") this.outbox.sync(encoding.toUint8Array(encoder));
    if (kind === messageYjsSyncStep2) {
      this.firstSync?.();
      this.firstSync = undefined;
      // The outbox reports only changes between idle and busy; level with the room and nothing waiting is "synced" from the start.
      this.settle(this.outbox.idle);
    }
  }

  /** The connection is gone for good (the room closed, or reconnection failed): the draft is opened again by its id. */
  private async reopen(): Promise<void> {
    this.setStatus("reconnecting");
    for (const delay of REOPEN_DELAYS_MS) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (this.closing) return;
      try {
        this.bind(await connect(this.client, this.room.roomId, this.options));
        return;
      } catch {
        // The next attempt waits longer.
      }
    }
    this.setStatus("closed");
  }

  private settle(idle: boolean): void {
    if (this.status === "synced" || this.status === "sending") this.setStatus(idle ? "synced" : "sending");
  }

  private setStatus(status: DraftStatus): void {
    if (status === this.status || this.status === "closed" || (this.status === "outOfStep" && status !== "closed")) return;
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }

  session(): DraftSession {
    const draftId = this.room.roomId;
    const origin = typeof location === "undefined" ? "" : location.origin;
    return {
      doc: this.doc,
      awareness: this.awareness,
      draftId,
      inviteLink: `${origin}/editor?draft=${draftId}`,
      localOrigin: this.localOrigin,
      problems: (listener) => this.latestProblems.listen(listener),
      onStatus: (listener) => {
        this.statusListeners.push(listener);
        listener(this.status);
      },
      onRefusal: (listener) => this.refusalListeners.push(listener),
      close: () => this.close(),
    };
  }

  private async close(): Promise<void> {
    this.closing = true;
    // The document lives on in the editor after the session: its later edits are no longer this session's to send.
    this.doc.off("update", this.sendChange);
    // Destroying the awareness clears this editor's presence, which goes out before the outbox closes.
    this.awareness.destroy();
    this.outbox.dispose();
    this.setStatus("closed");
    if (this.connected) await this.room.leave();
  }
}
