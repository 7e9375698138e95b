import { randomBytes } from "node:crypto";
import { CloseCode, Room, ServerError, type AuthContext, type Client, type RoomException, type RoomMethodName } from "@colyseus/core";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate, writeSyncStep1, writeUpdate } from "y-protocols/sync";
import * as Y from "yjs";
import { CloseCodes } from "../../shared/protocol/closeCodes";
import { EditorMessageType, editorJoinOptionsSchema, LISTED_PROBLEMS, type DraftProblems } from "../../shared/protocol/editorMessages";
import { ErrorCode } from "../../shared/protocol/errorCodes";
import { LIMITS } from "../../shared/protocol/limits";
import { MessageType, type ErrorMessage } from "../../shared/protocol/messages";
import { draftChangeProblem, draftRoot, readDraft } from "../../shared/scenario/draftDocument";
import { validateScenario } from "../../shared/scenario/parseScenario";
import type { AddressLimits } from "../http/addressLimits";
import { describeError, log, type Logger } from "../log";
import type { DraftStore } from "../store/draftStore";
import { DraftPresence } from "./draftPresence";
import { CREATE_REFUSED_STATUS, JOIN_REFUSED_CODE } from "./matchAdmission";
import { handleRoomException, printable } from "./roomFaults";
import { SyncAssembly } from "./syncAssembly";

/** How long a dropped editor's place waits for its reconnection. */
export const EDITOR_RECONNECT_SECONDS = 20;
/** The draft is checked against the scenario format this long after the first change since the last check. */
const CHECK_DELAY_MS = 500;
/** …and saved this long after the first change since the last save (and when the room closes). */
const SAVE_DELAY_MS = 2000;
/**
 * An editor asks for "what I lack" (a state vector) when it opens the draft or comes back after a drop;
 * the answer may be the whole draft, so one editor is answered at most this often.
 */
const STATE_VECTOR_ANSWER_MS = 2000;
/** The transaction origin of the state loaded from the store, so loading is not taken for an edit. */
const FROM_STORE = Symbol("from the store");

/** Drafts a room of this process holds now: a draft is never open twice. */
const openDrafts = new Set<string>();
/** Drafts whose room is closing, with the save under way: a room opening the draft again waits for it. */
const closingDrafts = new Map<string, Promise<void>>();

export interface EditorServices {
  drafts: DraftStore | null;
  addressLimits: AddressLimits;
  reconnectSeconds: number;
}

interface ClientAuth {
  address: string;
}

const kib = (bytes: number) => `${Math.ceil(bytes / 1024)} KiB`;

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/**
 * One scenario draft that several modders edit at once. The room holds the authoritative Yjs document:
 * each editor's changes are checked (readable, within the size limits) and applied, then relayed to the
 * others; presence (cursors, selections) is relayed too. The draft is checked against the scenario
 * format and saved to the store as it changes and when the room closes, so its link opens it again later.
 * Subclassed per server with its services (see createEditorRoom).
 */
export abstract class EditorRoom extends Room {
  protected abstract readonly services: EditorServices;
  maxMessagesPerSecond = LIMITS.editorMessagesPerSecond;
  maxClients = LIMITS.editorsPerDraft;
  private readonly doc = new Y.Doc();
  private whoIsHere!: DraftPresence;
  /** sessionId → its sync message arriving in parts. */
  private readonly assemblies = new Map<string, SyncAssembly>();
  /** Sessions whose copy holds a change the room refused: their further changes could not be applied, so they are refused too. */
  private readonly outOfStep = new Set<string>();
  private readonly connected = new Set<string>();
  private problems: DraftProblems = { count: 0, problems: [] };
  /** The document's encoded size when last measured, and the bytes of changes applied since: together at least its size now. */
  private measuredBytes = 0;
  private growthSinceMeasured = 0;
  private checkTimer: { clear(): void } | undefined;
  private saveTimer: { clear(): void } | undefined;
  /** The store holds this draft (it was saved, or opened from it). */
  private kept = false;
  /** When each editor last had its state vector answered (see STATE_VECTOR_ANSWER_MS). */
  private readonly lastAnswered = new Map<string, number>();
  /** This room holds its draft (openDrafts): set once the create has claimed it. */
  private holdsDraft = false;
  private openerAddress: string | undefined;
  private log: Logger = log.child({ roomName: "editor" });

  async onCreate(options: unknown): Promise<void> {
    const { draft } = this.parseOptions(options, CREATE_REFUSED_STATUS);
    if (draft !== undefined) await this.reopen(draft);
    else this.claim(randomBytes(18).toString("base64url"));
    this.log = log.child({ roomName: "editor", room: this.roomId });
    // Never listed: the invite link is the only way in.
    await this.setPrivate(true);
    this.measuredBytes = Y.encodeStateAsUpdate(this.doc).length;
    this.whoIsHere = new DraftPresence(
      this.doc,
      (update, except) => this.broadcast(EditorMessageType.presence, update, { except: this.clients.find((client) => client.sessionId === except) }),
      (sessionId) => this.connected.has(sessionId),
    );
    this.doc.on("update", (update: Uint8Array, origin: unknown) => this.relayChange(update, origin));
    this.onMessageBytes(EditorMessageType.sync, (client, bytes: Uint8Array) => this.receiveSync(client, bytes));
    this.onMessageBytes(EditorMessageType.syncPart, (client, bytes: Uint8Array) => this.receiveSyncPart(client, bytes));
    this.onMessageBytes(EditorMessageType.presence, (client, bytes: Uint8Array) => this.receivePresence(client, bytes));
    // The type reaches this handler as the client sent it: untrusted.
    this.onMessage("*", (client, type) => this.refuse(client, ErrorCode.UnknownMessage, `the editor does not accept "${printable(type)}" messages`));
    this.checkDraft();
    this.services.drafts?.deleteExpiredDrafts().catch((error) => this.log.error({ error: describeError(error) }, "could not delete expired drafts"));
  }

  onUncaughtException(error: RoomException, method: RoomMethodName): void {
    handleRoomException(error, method, { log: this.log, closeRoom: () => void this.disconnect(CloseCodes.roomFault), goesOn: "the draft is as it was" });
  }

  onAuth(_client: Client, _options: unknown, context: AuthContext): ClientAuth {
    return { address: context.ip ?? "unknown" };
  }

  private parseOptions(options: unknown, refusalCode: number) {
    const result = editorJoinOptionsSchema.safeParse(options ?? {});
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new ServerError(refusalCode, `editor options: ${issue.path.join(".") || "(options)"}: ${issue.message}`);
    }
    return result.data;
  }

  /** Takes the draft id for this room before anything is awaited, so two requests at once never open it twice. */
  private claim(draftId: string): void {
    if (openDrafts.has(draftId)) throw new ServerError(CREATE_REFUSED_STATUS, `draft "${draftId}" is open: join it`);
    openDrafts.add(draftId);
    this.holdsDraft = true;
    this.roomId = draftId;
  }

  /** A draft everyone had left, opened again from the store by its link. */
  private async reopen(draftId: string): Promise<void> {
    this.claim(draftId);
    try {
      await closingDrafts.get(draftId);
      const saved = await this.services.drafts?.loadDraft(draftId);
      if (!saved) throw new ServerError(CREATE_REFUSED_STATUS, `there is no draft "${draftId}" on this server (a draft is kept ${LIMITS.draftKeptDays} days after it was last open)`);
      Y.applyUpdate(this.doc, saved.state, FROM_STORE);
      this.kept = true;
    } catch (error) {
      openDrafts.delete(draftId);
      this.holdsDraft = false;
      throw error;
    }
  }

  onJoin(client: Client, options: unknown): void {
    const { name } = this.parseOptions(options, JOIN_REFUSED_CODE);
    const address = (client.auth as ClientAuth | undefined)?.address ?? "unknown";
    if (this.openerAddress === undefined) {
      this.openerAddress = address;
      this.services.addressLimits.draftOpened(address, this.roomId);
    }
    this.log.info({ client: client.sessionId, address, name }, "joined");
    this.connected.add(client.sessionId);
    this.assemblies.set(client.sessionId, new SyncAssembly(LIMITS.draftChangeBytes));
    this.greet(client);
  }

  /** A newcomer (or one back after a drop) gets the room's state vector to answer, everyone's presence and the draft's problems. */
  private greet(client: Client): void {
    client.sendBytes(EditorMessageType.sync, syncMessage((encoder) => writeSyncStep1(encoder, this.doc)));
    const everyone = this.whoIsHere.everyone();
    if (everyone) client.sendBytes(EditorMessageType.presence, everyone);
    client.send(EditorMessageType.problems, this.problems);
  }

  /** A dropped editor may come back for a while; one the server threw out (flooding) may not. */
  onDrop(client: Client, code?: number): void {
    this.connected.delete(client.sessionId);
    this.assemblies.get(client.sessionId)?.reset();
    if (code === CloseCode.WITH_ERROR) return;
    this.allowReconnection(client, this.services.reconnectSeconds).catch(() => undefined);
  }

  /** Back after a drop: the two copies are brought level again (both sides send their state vector). */
  onReconnect(client: Client): void {
    this.connected.add(client.sessionId);
    // Coming back is the reason to be told everything again.
    this.lastAnswered.delete(client.sessionId);
    this.assemblies.get(client.sessionId)?.reset();
    this.greet(client);
  }

  onLeave(client: Client): void {
    this.connected.delete(client.sessionId);
    this.assemblies.delete(client.sessionId);
    this.outOfStep.delete(client.sessionId);
    this.lastAnswered.delete(client.sessionId);
    this.whoIsHere.remove(client.sessionId);
  }

  async onDispose(): Promise<void> {
    if (!this.holdsDraft) return;
    this.checkTimer?.clear();
    this.saveTimer?.clear();
    this.whoIsHere?.destroy();
    if (this.openerAddress !== undefined) this.services.addressLimits.draftClosed(this.openerAddress, this.roomId);
    const draftId = this.roomId;
    const closing: Promise<void> = this.save().finally(() => {
      if (closingDrafts.get(draftId) === closing) closingDrafts.delete(draftId);
      this.doc.destroy();
    });
    closingDrafts.set(draftId, closing);
    openDrafts.delete(draftId);
    await closing;
  }

  private receiveSyncPart(client: Client, part: Uint8Array): void {
    const bytes = this.assemblies.get(client.sessionId)?.addPart(part);
    if (bytes !== null && bytes !== undefined) this.refuseChange(client, ErrorCode.ChangeTooLarge, `a change of at least ${kib(bytes)} is over the limit of ${kib(LIMITS.draftChangeBytes)} for one change`);
  }

  private receiveSync(client: Client, last: Uint8Array): void {
    const assembled = this.assemblies.get(client.sessionId)?.finish(last);
    if (assembled?.kind === "tooLarge") this.refuseChange(client, ErrorCode.ChangeTooLarge, `a change of ${kib(assembled.bytes)} is over the limit of ${kib(LIMITS.draftChangeBytes)} for one change`);
    if (assembled?.kind !== "message") return;
    let kind: number;
    let payload: Uint8Array;
    try {
      const decoder = decoding.createDecoder(assembled.message);
      kind = decoding.readVarUint(decoder);
      payload = decoding.readVarUint8Array(decoder);
    } catch {
      return this.refuse(client, ErrorCode.InvalidMessage, "sync: the message could not be read (malformed bytes); nothing of it was applied");
    }
    if (kind === messageYjsSyncStep1) return this.answerStateVector(client, payload);
    if (kind === messageYjsSyncStep2 || kind === messageYjsUpdate) return this.applyChange(client, payload);
    this.refuse(client, ErrorCode.InvalidMessage, `sync: unknown kind of sync message (${kind})`);
  }

  /** What the editor's copy lacks, as one update (sent whole: only messages to the server are limited to LIMITS.messageBytes). */
  private answerStateVector(client: Client, stateVector: Uint8Array): void {
    const now = Date.now();
    if (now - (this.lastAnswered.get(client.sessionId) ?? -Infinity) < STATE_VECTOR_ANSWER_MS)
      return this.refuse(client, ErrorCode.InvalidMessage, `sync: the whole draft was sent to you less than ${STATE_VECTOR_ANSWER_MS / 1000} s ago; ask again later`);
    this.lastAnswered.set(client.sessionId, now);
    let missing: Uint8Array;
    try {
      missing = Y.encodeStateAsUpdate(this.doc, stateVector);
    } catch {
      return this.refuse(client, ErrorCode.InvalidMessage, "sync: the state vector could not be read (malformed bytes)");
    }
    client.sendBytes(EditorMessageType.sync, syncMessage((encoder) => {
      encoding.writeVarUint(encoder, messageYjsSyncStep2);
      encoding.writeVarUint8Array(encoder, missing);
    }));
  }

  private applyChange(client: Client, update: Uint8Array): void {
    if (this.outOfStep.has(client.sessionId))
      return this.refuse(client, ErrorCode.DraftOutOfStep, "your copy of the draft holds a change the server refused, so your changes cannot be applied: open the draft again");
    try {
      Y.decodeUpdate(update);
    } catch {
      return this.refuse(client, ErrorCode.InvalidMessage, "sync: the change could not be read (malformed bytes); nothing of it was applied");
    }
    if (!this.hasRoomFor(update.length))
      return this.refuseChange(client, ErrorCode.DraftFull, `this change would grow the draft past its limit of ${kib(LIMITS.draftBytes)}`);
    const problem = draftChangeProblem(this.doc, update);
    if (problem) return this.refuseChange(client, ErrorCode.InvalidMessage, problem);
    Y.applyUpdate(this.doc, update, client);
    this.growthSinceMeasured += update.length;
  }

  /** Whether a change of `bytes` keeps the draft within LIMITS.draftBytes (measured again only when the running estimate comes near it). */
  private hasRoomFor(bytes: number): boolean {
    if (this.measuredBytes + this.growthSinceMeasured + bytes <= LIMITS.draftBytes) return true;
    this.measuredBytes = Y.encodeStateAsUpdate(this.doc).length;
    this.growthSinceMeasured = 0;
    return this.measuredBytes + bytes <= LIMITS.draftBytes;
  }

  /** A refused change stays in its sender's copy only: the sender is told to undo it and open the draft again. */
  private refuseChange(client: Client, code: ErrorCode, why: string): void {
    this.outOfStep.add(client.sessionId);
    this.log.info({ client: client.sessionId, code }, `change refused: ${why}`);
    this.refuse(client, code, `${why}; nothing of it was applied and the others' draft is unchanged. Undo it, then open the draft again`);
  }

  /** Every change the document takes (an editor's, never the store's) goes to the other editors, and is checked and saved soon. */
  private relayChange(update: Uint8Array, origin: unknown): void {
    if (origin === FROM_STORE) return;
    const message = syncMessage((encoder) => writeUpdate(encoder, update));
    this.broadcast(EditorMessageType.sync, message, { except: origin as Client | undefined });
    this.checkTimer ??= this.clock.setTimeout(() => this.checkDraft(), CHECK_DELAY_MS);
    this.saveTimer ??= this.clock.setTimeout(() => void this.save(), SAVE_DELAY_MS);
  }

  private receivePresence(client: Client, update: Uint8Array): void {
    const problem = this.whoIsHere.receive(client.sessionId, update);
    if (problem) this.refuse(client, ErrorCode.InvalidMessage, problem);
  }

  /** The draft as a scenario file, checked by the shared parser: its problem count is the room's metadata, and the editors hear of changes. */
  private checkDraft(): void {
    this.checkTimer = undefined;
    let next: DraftProblems;
    try {
      const result = validateScenario(readDraft(this.doc));
      const problems = result.ok ? [] : result.problems;
      next = { count: problems.length, problems: problems.slice(0, LISTED_PROBLEMS) };
    } catch (error) {
      next = { count: 1, problems: [{ path: "", message: `the draft cannot be read as a scenario (${describeError(error).message})` }] };
    }
    if (JSON.stringify(next) === JSON.stringify(this.problems)) return;
    this.problems = next;
    this.setMetadata({ problems: next.count }).catch(() => undefined);
    this.broadcast(EditorMessageType.problems, next);
  }

  /** The draft's state to the store (an empty draft nobody wrote in is not kept); on closing too, so a draft is kept LIMITS.draftKeptDays from when it was last open. */
  private async save(): Promise<void> {
    this.saveTimer = undefined;
    const store = this.services.drafts;
    // An empty draft is kept only if it was kept before (its editors emptied it): never one nobody wrote in.
    if (!store || (draftRoot(this.doc).size === 0 && !this.kept)) return;
    const state = Y.encodeStateAsUpdate(this.doc);
    this.measuredBytes = state.length;
    this.growthSinceMeasured = 0;
    try {
      await store.saveDraft(this.roomId, state, this.problems.count);
      this.kept = true;
    } catch (error) {
      this.log.error({ error: describeError(error) }, "could not save the draft");
    }
  }

  private refuse(client: Client, code: ErrorCode, message: string): void {
    client.send(MessageType.error, { code, message } satisfies ErrorMessage);
  }
}

export function createEditorRoom(services: EditorServices) {
  return class extends EditorRoom {
    protected readonly services = services;
  };
}
