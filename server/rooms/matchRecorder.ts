import { createHash } from "node:crypto";
import { CHAT_HISTORY_LINES, type ChatLine } from "../../shared/protocol/matchMessages";
import type { Scenario } from "../../shared/scenario/scenarioSchema";
import { stateHash } from "../../shared/rules/stateHash";
import type { MatchState } from "../../shared/state/MatchState";
import { LIMITS } from "../../shared/protocol/limits";
import { describeError, type Logger } from "../log";
import type { LoggedOrder, MatchStore, SeatRecord } from "../store/matchStore";
import { isPassingStoreError } from "../store/passingStoreErrors";

/** A scenario's version for the record: a hash of the validated scenario, so a replay can tell it has changed. */
export function scenarioVersion(scenario: Scenario): string {
  return createHash("sha256").update(JSON.stringify(scenario)).digest("hex").slice(0, 16);
}

export function seatRecords(state: MatchState): Record<string, SeatRecord> {
  const seats: Record<string, SeatRecord> = {};
  state.seats.forEach((seat) => (seats[seat.id] = { name: seat.name, side: seat.side, human: seat.occupied }));
  return seats;
}

/** A save that failed for a passing reason (the store unreachable, busy or full) is tried again after this, growing to SAVE_RETRY_MAX_MS. */
const SAVE_RETRY_FIRST_MS = 500;
const SAVE_RETRY_MAX_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes one match to the store: its log (orders and who holds each seat), its snapshots and its result.
 * The match never waits for the store: writes queue in the order the match made them. One that fails
 * for a passing reason (an outage, a full disk) is retried until it lands, and the rest follow, so a
 * store that comes back catches up; while it is away, a newer snapshot replaces one still waiting. A
 * write the store refuses outright is logged and skipped. Writes also wait while `mayWrite` says the
 * match's lease is in doubt, and stop for good when another process has taken the match over.
 */
export class MatchRecorder {
  private writes: Promise<void> = Promise.resolve();
  private finished = false;
  private stopped = false;
  /** Saves are failing now (said once in the log, and once more when they catch up). */
  private failing = false;
  /** The snapshot waiting in the queue, if one is. */
  private waitingSnapshot: { text: string | null } | null = null;

  constructor(
    private readonly store: MatchStore | null,
    private readonly matchId: string,
    private readonly log: Logger,
    /** Bytes of order log the match already has (a resumed match brings its log along). */
    private orderLogBytes = 0,
    /** Whether this process may write the match now (its lease is surely its own). */
    private readonly mayWrite: () => boolean = () => true,
  ) {}

  /**
   * Queues a write so they reach the store in the order the match made them. While SQLite answers, each
   * write runs synchronously within the same turn of the event loop, so an accepted order is on disk
   * before the next patch shows its effect to anyone.
   */
  private enqueue(what: string, write: (store: MatchStore) => Promise<void>): Promise<void> {
    const store = this.store;
    if (!store || this.stopped) return Promise.resolve();
    this.writes = this.writes.then(() => this.persist(what, () => write(store)));
    return this.writes;
  }

  private async persist(what: string, write: () => Promise<void>): Promise<void> {
    for (let wait = SAVE_RETRY_FIRST_MS; !this.stopped; wait = Math.min(SAVE_RETRY_MAX_MS, wait * 2)) {
      if (!this.mayWrite()) {
        await sleep(wait);
        continue;
      }
      try {
        await write();
        if (this.failing) this.log.info("saves have caught up");
        this.failing = false;
        return;
      } catch (error) {
        if (!isPassingStoreError(error)) {
          this.log.error({ error: describeError(error) }, `could not save ${what}`);
          return;
        }
        if (!this.failing) this.log.error({ error: describeError(error) }, `could not save ${what}; the match plays on and its saves are retried`);
        this.failing = true;
        await sleep(wait);
      }
    }
  }

  /** Another process runs the match now: nothing more is written from here, and what waits is dropped. */
  stop(): void {
    this.stopped = true;
  }

  /** Whether one more order fits in the match's order log (LIMITS.orderLogBytesPerMatch). */
  hasRoomFor(order: unknown): boolean {
    return this.orderLogBytes + JSON.stringify(order).length <= LIMITS.orderLogBytesPerMatch;
  }

  /** The new match; `log` is what it starts with when it plays on from a moment of another match (it counts against the log's limit). */
  created(scenario: Scenario, seed: number, difficulty: string, isPrivate: boolean, state: MatchState, log: LoggedOrder[] = []): Promise<void> {
    for (const entry of log) this.orderLogBytes += JSON.stringify(entry.order).length;
    return this.enqueue("the new match", (store) =>
      store.createMatch({ id: this.matchId, scenarioId: scenario.id, scenarioVersion: scenarioVersion(scenario), seed, difficulty, isPrivate, seats: seatRecords(state), log }),
    );
  }

  logged(tick: number, seat: string, order: unknown): void {
    this.orderLogBytes += JSON.stringify(order).length;
    void this.enqueue("an order", (store) => store.appendOrder(this.matchId, { tick, seat, order }));
  }

  /**
   * Saves the state as it is now, with the tick it has now: both are read before the write is queued,
   * since the match moves on while earlier writes finish. The store notes how many log entries the
   * snapshot already contains, so a resume applies exactly the ones after it.
   */
  snapshot(state: MatchState): Promise<void> {
    if (this.finished) return this.writes;
    const tick = state.tick;
    const text = JSON.stringify(state.toJSON());
    if (text.length > LIMITS.snapshotBytesPerMatch) {
      this.log.error({ bytes: text.length, limit: LIMITS.snapshotBytesPerMatch }, "snapshot too large to keep; the previous one stays");
      return this.writes;
    }
    const seats = seatRecords(state);
    // One that waits is skipped (and its text let go) when a newer one is asked for: that one comes later in the queue, after the orders it contains.
    if (this.waitingSnapshot) this.waitingSnapshot.text = null;
    const waiting: { text: string | null } = { text };
    this.waitingSnapshot = waiting;
    return this.enqueue("a snapshot", async (store) => {
      if (waiting.text !== null) await store.saveSnapshot(this.matchId, tick, waiting.text, seats);
      if (this.waitingSnapshot === waiting) this.waitingSnapshot = null;
    });
  }

  /** Who holds a seat now (their player id), so they can continue the match later; null when unknown. */
  seatHeld(seat: string, player: string | null): void {
    void this.enqueue("who holds a seat", (store) => store.setSeatPlayer(this.matchId, seat, player));
  }

  /** A chat line, kept with the match (the newest CHAT_HISTORY_LINES) so a reload or a restart still shows it. */
  chat(line: ChatLine): void {
    void this.enqueue("a chat line", (store) => store.appendChat(this.matchId, line, CHAT_HISTORY_LINES));
  }

  /** Nobody plays the match any more: it waits in the store for one of its players to continue it. */
  setAside(): Promise<void> {
    if (this.finished) return this.writes;
    return this.enqueue("that the match was set aside", (store) => store.setAside(this.matchId));
  }

  /** A match set aside runs again. */
  continued(): Promise<void> {
    return this.enqueue("that the match runs again", (store) => store.markRunning(this.matchId));
  }

  finish(state: MatchState): Promise<void> {
    if (this.finished) return this.writes;
    this.finished = true;
    return this.enqueue("the result", (store) =>
      store.finishMatch(this.matchId, {
        winner: state.winner,
        endReason: state.endReason,
        scoreMaquis: state.scoreMaquis,
        scoreOccupier: state.scoreOccupier,
        ticks: state.tick,
        finalHash: stateHash(state),
        seats: seatRecords(state),
      }),
    );
  }

  flush(): Promise<void> {
    return this.writes;
  }
}
