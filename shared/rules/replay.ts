import type { AiSettings } from "../ai/aiPlayers";
import { orderSchema } from "../protocol/orders";
import type { Scenario } from "../scenario/scenarioSchema";
import { applyOrder } from "./applyOrder";
import type { MatchState } from "../state/MatchState";
import { createMatch, restoreMatch, restoreMatchInto, type Match } from "./match";
import { playTick } from "./playTick";

/** A seat changing hands between a person and the AI: logged beside the orders so a replay knows who played. */
export interface SeatControl {
  kind: "seatControl";
  human: boolean;
  /** The name of the person taking the seat (logged since replays show who played; absent in older logs). */
  name?: string;
}

/** One line of a match's log: an accepted order, or a change of who holds a seat, with the tick it happened at. */
export interface LoggedEntry {
  tick: number;
  seat: string;
  order: unknown;
}

export function isSeatControl(order: unknown): order is SeatControl {
  return typeof order === "object" && order !== null && (order as { kind?: unknown }).kind === "seatControl";
}

export interface ReplayStart {
  /** A snapshot to start from, with how many of the log's entries it already contains; or none to start from the scenario. */
  snapshot?: { tick: number; state: unknown; humanSeats: string[]; logLength: number; humanNames?: Record<string, string> };
  seed: number;
}

/**
 * Re-runs a match through the same rules the room runs, in the room's order: the entries logged at a
 * tick, then the AI for the seats no person holds, then the step. `advance()` plays one tick, so a
 * replay can be watched at any speed; `replayMatch` plays it all at once.
 */
export class ReplayCursor {
  readonly match: Match;
  private readonly humans: Set<string>;
  /** Seat → the name of the person holding it, where the log says. */
  private readonly names: Map<string, string>;
  private readonly pending: LoggedEntry[];
  /** How many of the log's entries come before `pending` (those the starting snapshot contains). */
  private readonly skipped: number;
  private readonly seats: string[];
  private next = 0;

  /** With `into`, the match is rebuilt inside that state object (a replay room's) instead of a new one. */
  constructor(
    scenario: Scenario,
    start: ReplayStart,
    private readonly ai: AiSettings,
    entries: LoggedEntry[],
    into?: MatchState,
  ) {
    if (into) this.match = restoreMatchInto(into, scenario, start.snapshot ? start.snapshot.state : createMatch(scenario, start.seed).state.toJSON());
    else this.match = start.snapshot ? restoreMatch(scenario, start.snapshot.state) : createMatch(scenario, start.seed);
    this.humans = new Set(start.snapshot?.humanSeats ?? []);
    this.names = new Map(Object.entries(start.snapshot?.humanNames ?? {}));
    // Counted, not filtered by tick: orders logged at the snapshot's own tick may come before or after it.
    this.skipped = start.snapshot?.logLength ?? 0;
    this.pending = entries.slice(this.skipped);
    this.seats = [...this.match.state.seats.keys()];
  }

  /** The seats a person held at this point of the log. */
  get humanSeats(): string[] {
    return [...this.humans];
  }

  /** The name of the person holding a seat at this point of the log ("" when the log does not say). */
  holderName(seat: string): string {
    return this.names.get(seat) ?? "";
  }

  /** Where the cursor stands, as a start another cursor can begin from and play on exactly as this one would. */
  checkpoint(): NonNullable<ReplayStart["snapshot"]> {
    const { state } = this.match;
    return {
      tick: state.tick,
      state: state.toJSON(),
      humanSeats: this.humanSeats,
      logLength: this.skipped + this.next,
      humanNames: Object.fromEntries(this.names),
    };
  }

  /** The tick of the last logged entry: where the log's knowledge of the match ends. */
  get lastLoggedTick(): number {
    return Math.max(this.match.state.tick, ...this.pending.map((entry) => entry.tick));
  }

  /** Applies the entries logged at the current tick (orders and seat changes). */
  applyDueEntries(): void {
    const { state, ctx } = this.match;
    while (this.next < this.pending.length && this.pending[this.next]!.tick <= state.tick) {
      const entry = this.pending[this.next++]!;
      if (isSeatControl(entry.order)) {
        if (entry.order.human) this.humans.add(entry.seat);
        else this.humans.delete(entry.seat);
        if (entry.order.human && typeof entry.order.name === "string") this.names.set(entry.seat, entry.order.name);
        else this.names.delete(entry.seat);
        continue;
      }
      const order = orderSchema.safeParse(entry.order);
      if (order.success) applyOrder(state, entry.seat, order.data, ctx);
    }
  }

  /** One tick: due entries, the AI for the seats nobody held, the step. */
  advance(): void {
    this.applyDueEntries();
    playTick(this.match, this.seats.filter((seat) => !this.humans.has(seat)), this.ai);
  }
}

function playThrough(scenario: Scenario, start: ReplayStart, ai: AiSettings, entries: LoggedEntry[], untilTick: number | "log"): ReplayCursor {
  const cursor = new ReplayCursor(scenario, start, ai, entries);
  const stopAt = untilTick === "log" ? cursor.lastLoggedTick : untilTick;
  while (cursor.match.state.phase === "playing" && cursor.match.state.tick < stopAt) cursor.advance();
  cursor.applyDueEntries();
  return cursor;
}

/** Replays up to `untilTick`, or (with "log") to the tick of the last logged entry, or until the match ends. */
export function replayMatch(scenario: Scenario, start: ReplayStart, ai: AiSettings, entries: LoggedEntry[], untilTick: number | "log" = "log"): Match {
  return playThrough(scenario, start, ai, entries, untilTick).match;
}

/**
 * A saved match brought back after a restart: its snapshot, then every entry logged after it. Also
 * says which seats a person held when the log ends, since the server must log that they no longer do.
 */
export function resumeMatch(scenario: Scenario, start: ReplayStart, ai: AiSettings, entries: LoggedEntry[]): { match: Match; humanSeats: string[] } {
  const cursor = playThrough(scenario, start, ai, entries, "log");
  return { match: cursor.match, humanSeats: cursor.humanSeats };
}
