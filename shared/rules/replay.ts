import { runAiSeats, type AiSettings } from "../ai/aiPlayers";
import { orderSchema } from "../protocol/orders";
import type { Scenario } from "../scenario/scenarioSchema";
import { applyOrder } from "./applyOrder";
import { createMatch, restoreMatch, type Match } from "./match";
import { step } from "./step";

/** A seat changing hands between a person and the AI: logged beside the orders so a replay knows who played. */
export interface SeatControl {
  kind: "seatControl";
  human: boolean;
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
  /** A snapshot to start from (its entries up to its tick are already in it), or none to start from the scenario. */
  snapshot?: { tick: number; state: unknown; humanSeats: string[] };
  seed: number;
}

/**
 * Re-runs a match through the same rules the room runs, in the room's order: the entries logged at a
 * tick, then the AI for the seats no person holds, then the step. Stops when the match ends, at
 * `untilTick`, or (when `untilTick` is "log") at the tick of the last entry.
 */
export function replayMatch(scenario: Scenario, start: ReplayStart, ai: AiSettings, entries: LoggedEntry[], untilTick: number | "log" = "log"): Match {
  const match = start.snapshot ? restoreMatch(scenario, start.snapshot.state) : createMatch(scenario, start.seed);
  const humans = new Set(start.snapshot?.humanSeats ?? []);
  const pending = entries.filter((entry) => entry.tick >= match.state.tick && !(start.snapshot && entry.tick <= start.snapshot.tick));
  const stopAt = untilTick === "log" ? Math.max(match.state.tick, ...pending.map((entry) => entry.tick)) : untilTick;
  const seats = [...match.state.seats.keys()];
  let next = 0;
  for (;;) {
    while (next < pending.length && pending[next]!.tick <= match.state.tick) {
      const entry = pending[next++]!;
      if (isSeatControl(entry.order)) {
        if (entry.order.human) humans.add(entry.seat);
        else humans.delete(entry.seat);
        continue;
      }
      const order = orderSchema.safeParse(entry.order);
      if (order.success) applyOrder(match.state, entry.seat, order.data, match.ctx);
    }
    if (match.state.phase !== "playing" || match.state.tick >= stopAt) break;
    runAiSeats(match, seats.filter((seat) => !humans.has(seat)), ai);
    step(match.state, match.ctx);
  }
  return match;
}
