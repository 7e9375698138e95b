import { createHash } from "node:crypto";
import type { Scenario } from "../../shared/scenario/scenarioSchema";
import { stateHash } from "../../shared/rules/stateHash";
import type { MatchState } from "../../shared/state/MatchState";
import type { MatchStore, SeatRecord } from "../store/matchStore";

/** A scenario's version for the record: a hash of the validated scenario, so a replay can tell it has changed. */
export function scenarioVersion(scenario: Scenario): string {
  return createHash("sha256").update(JSON.stringify(scenario)).digest("hex").slice(0, 16);
}

export function seatRecords(state: MatchState): Record<string, SeatRecord> {
  const seats: Record<string, SeatRecord> = {};
  state.seats.forEach((seat) => (seats[seat.id] = { name: seat.name, side: seat.side, human: seat.occupied }));
  return seats;
}

/**
 * Writes one match to the store: its log (orders and who holds each seat), its snapshots and its result.
 * A failed write is logged and the match goes on: a full disk must not stop a game in progress.
 */
export class MatchRecorder {
  private writes: Promise<void> = Promise.resolve();
  private finished = false;

  constructor(
    private readonly store: MatchStore | null,
    private readonly matchId: string,
  ) {}

  /** Queues a write so they reach the store in the order the match made them. */
  private enqueue(what: string, write: (store: MatchStore) => Promise<void>): Promise<void> {
    const store = this.store;
    if (!store) return Promise.resolve();
    this.writes = this.writes.then(() => write(store)).catch((error) => console.error(`maquis: match ${this.matchId}: could not save ${what}: ${(error as Error).message}`));
    return this.writes;
  }

  created(scenario: Scenario, seed: number, difficulty: string, isPrivate: boolean, state: MatchState): Promise<void> {
    return this.enqueue("the new match", (store) =>
      store.createMatch({ id: this.matchId, scenarioId: scenario.id, scenarioVersion: scenarioVersion(scenario), seed, difficulty, isPrivate, seats: seatRecords(state) }),
    );
  }

  logged(tick: number, seat: string, order: unknown): void {
    void this.enqueue("an order", (store) => store.appendOrder(this.matchId, { tick, seat, order }));
  }

  snapshot(state: MatchState): Promise<void> {
    if (this.finished) return this.writes;
    const json = state.toJSON();
    const seats = seatRecords(state);
    return this.enqueue("a snapshot", (store) => store.saveSnapshot(this.matchId, state.tick, json, seats));
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
