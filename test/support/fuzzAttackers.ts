/**
 * Sends a fuzz plan (fuzz.ts) through real SDK connections, each attacker at most just under the
 * server's message rate except for deliberate floods, and counts what came back. An attacker the
 * server throws out is counted and replaced by a fresh connection.
 */
import { CloseCode, type Room } from "@colyseus/sdk";
import { LIMITS } from "../../shared/protocol/limits";
import { ErrorCode } from "../../shared/protocol/errorCodes";
import { MessageType } from "../../shared/protocol/messages";
import type { HostileMessage } from "./fuzz";

export interface FuzzCounts {
  /** Messages (and raw frames) put on the wire; a flood counts each of its messages. */
  sent: number;
  /** Deliberate floods delivered; each must end with the server closing its sender (4002). */
  floods: number;
  /** Floods after which the sender was still connected two seconds later: the rate limit failed. */
  floodsSurvived: number;
  /** Messages the SDK could not encode (an unencodable value): nothing reached the server. */
  unencodable: number;
  /** Connections the server closed, by close code. */
  disconnects: number;
  closeCodes: Record<string, number>;
  /** "error" messages the server answered with, and requests it answered with an error or rejection. */
  errorReplies: number;
  /** SERVER_FAULT replies: a handler threw. Always a defect. */
  serverFaults: number;
  joins: number;
  reconnects: number;
  failedJoins: number;
}

export function emptyCounts(): FuzzCounts {
  return { sent: 0, floods: 0, floodsSurvived: 0, unencodable: 0, disconnects: 0, closeCodes: {}, errorReplies: 0, serverFaults: 0, joins: 0, reconnects: 0, failedJoins: 0 };
}

export function addCounts(total: FuzzCounts, run: FuzzCounts): void {
  for (const key of ["sent", "floods", "floodsSurvived", "unencodable", "disconnects", "errorReplies", "serverFaults", "joins", "reconnects", "failedJoins"] as const) total[key] += run[key];
  for (const [code, count] of Object.entries(run.closeCodes)) total.closeCodes[code] = (total.closeCodes[code] ?? 0) + count;
}

export interface AttackerSpec {
  name: string;
  /** Opens a fresh connection; `attempt` counts failed tries, so a spec can fall back (a taken seat → spectator). */
  join: (attempt: number) => Promise<Room>;
  /** Takes a dropped connection back with its token, as a real client does (its seat is held for it). */
  reconnect?: (token: string) => Promise<Room>;
}

/** Stay this far under the server's per-second limit, so only deliberate floods get anyone thrown out. */
const RATE_MARGIN = 4;
const PACED_PER_SECOND = LIMITS.messagesPerSecond - RATE_MARGIN;
const JOIN_ATTEMPTS = 12;
const JOIN_RETRY_MS = 250;
const REQUEST_TIMEOUT_MS = 2000;
/** How long a flooding client may stay connected before the flood counts as survived. */
const FLOOD_CLOSE_MS = 2000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class Attacker {
  private room: Room | undefined;
  /** The token of a connection the server dropped without throwing it out: its seat waits for it. */
  private droppedToken: string | undefined;
  /** Resolves with the close code when the current connection closes. */
  private closed: Promise<number> = new Promise(() => {});
  private readonly sentAt: number[] = [];
  private stopping = false;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly spec: AttackerSpec,
    private readonly counts: FuzzCounts,
  ) {}

  /** A live connection, joining again if the server closed the last one; undefined if it cannot. */
  private async connection(): Promise<Room | undefined> {
    if (this.room) return this.room;
    const token = this.droppedToken;
    this.droppedToken = undefined;
    if (token !== undefined && this.spec.reconnect) {
      try {
        const room = await this.spec.reconnect(token);
        this.counts.reconnects++;
        this.watch(room);
        this.room = room;
        return room;
      } catch {
        this.counts.failedJoins++;
      }
    }
    for (let attempt = 0; attempt < JOIN_ATTEMPTS && !this.stopping; attempt++) {
      try {
        const room = await this.spec.join(attempt);
        this.counts.joins++;
        this.watch(room);
        this.room = room;
        return room;
      } catch {
        this.counts.failedJoins++;
        await pause(JOIN_RETRY_MS);
      }
    }
    return undefined;
  }

  private watch(room: Room): void {
    room.reconnection.enabled = false;
    room.onMessage("*", (type: unknown, message: unknown) => {
      if (type !== MessageType.error) return;
      this.counts.errorReplies++;
      if ((message as { code?: unknown } | undefined)?.code === ErrorCode.ServerFault) this.counts.serverFaults++;
    });
    let markClosed: (code: number) => void = () => {};
    this.closed = new Promise((resolve) => (markClosed = resolve));
    room.onLeave((code: number) => {
      markClosed(code);
      if (this.room === room) this.room = undefined;
      // Thrown out (4002) or left (4000): nothing is held. Otherwise (1009, …) the seat waits for a reconnect.
      this.droppedToken = code === CloseCode.WITH_ERROR || code === CloseCode.CONSENTED ? undefined : room.reconnectionToken;
      if (this.stopping) return;
      this.counts.disconnects++;
      this.counts.closeCodes[code] = (this.counts.closeCodes[code] ?? 0) + 1;
    });
  }

  /** Waits until one more paced message fits in the last second's budget. */
  private async paced(): Promise<void> {
    const now = Date.now();
    while (this.sentAt.length > 0 && now - this.sentAt[0]! >= 1000) this.sentAt.shift();
    if (this.sentAt.length >= PACED_PER_SECOND) await pause(1000 - (now - this.sentAt[0]!) + 5);
    this.sentAt.push(Date.now());
  }

  async act(message: HostileMessage): Promise<void> {
    const room = await this.connection();
    if (!room) return;
    await this.paced();
    if (this.room !== room) return;
    try {
      this.deliver(room, message);
    } catch {
      this.counts.unencodable++;
      return;
    }
    if (message.mode === "flood") {
      const closed = await Promise.race([this.closed, pause(FLOOD_CLOSE_MS).then(() => undefined)]);
      if (closed === undefined) this.counts.floodsSurvived++;
    }
  }

  private deliver(room: Room, message: HostileMessage): void {
    switch (message.mode) {
      case "send":
        room.send(message.type as string, message.payload);
        this.counts.sent++;
        return;
      case "request": {
        const reply = room.request(message.type as string, message.payload, { timeout: REQUEST_TIMEOUT_MS }).catch(() => {
          if (!this.stopping) this.counts.errorReplies++;
        });
        this.track(reply);
        this.counts.sent++;
        return;
      }
      case "sendBytes":
        room.sendBytes(message.type, message.bytes);
        this.counts.sent++;
        return;
      case "raw":
        room.connection.send(message.bytes);
        this.counts.sent++;
        return;
      case "text":
        (room.connection.transport as unknown as { ws: { send(data: string): void } }).ws.send(message.text);
        this.counts.sent++;
        return;
      case "flood":
        for (let i = 0; i < message.count; i++) {
          room.send(message.type, message.payload);
          this.counts.sent++;
        }
        this.counts.floods++;
        return;
    }
  }

  private track(promise: Promise<unknown>): void {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise));
  }

  async leave(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.pending]);
    const room = this.room;
    this.room = undefined;
    if (room?.connection.isOpen) await room.leave(true).catch(() => undefined);
  }
}

export interface AttackOptions {
  /** Stop sending when this much time has passed, whatever is left of the plan. */
  timeBudgetMs: number;
  /** Called between messages; lets a run drive the world (create rooms, vote) while it is attacked. */
  onProgress?: (sent: number) => void | Promise<void>;
}

/**
 * Plays a plan: every attacker works through its own messages concurrently, paced, until the plan or
 * the time budget runs out; then every attacker leaves. Returns what happened.
 */
export async function runAttack(specs: AttackerSpec[], plan: [number, HostileMessage][], options: AttackOptions): Promise<FuzzCounts> {
  const counts = emptyCounts();
  const attackers = specs.map((spec) => new Attacker(spec, counts));
  const deadline = Date.now() + options.timeBudgetMs;
  await Promise.all(
    attackers.map(async (attacker, index) => {
      for (const [who, message] of plan) {
        if (who !== index) continue;
        if (Date.now() >= deadline) return;
        await attacker.act(message);
        await options.onProgress?.(counts.sent);
      }
    }),
  );
  await Promise.all(attackers.map((attacker) => attacker.leave()));
  return counts;
}

/** One line a run report can be quoted from. */
export function describeCounts(label: string, seed: number, counts: FuzzCounts, extra: Record<string, unknown> = {}): string {
  return `fuzz ${label}: ${JSON.stringify({ seed, ...counts, ...extra })}`;
}
