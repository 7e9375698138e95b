import type { OrderKind, OrderOf } from "../../protocol/orders";
import type { MatchState } from "../../state/MatchState";
import type { Refusal } from "../orderResult";
import type { RulesContext } from "../rulesContext";
import type { Side } from "../sides";

/** A passed check carries what it found (the acting ship, its cell, the system…), so apply need not look again. */
export type Checked<P> = { ok: true; prepared: P } | Refusal;

export const passed = <P>(prepared: P): { ok: true; prepared: P } => ({ ok: true, prepared });

/**
 * One kind of order. `check` reads only what the ordering side can see, so a client can run it on
 * its own state to show the cost and the refusal reason before sending; `apply` runs right after a
 * passed check, on the server (or the headless simulator), with what the check prepared.
 */
export interface Operation<K extends OrderKind, P = unknown> {
  kind: K;
  /** The side allowed to give it, or "any". */
  side: Side | "any";
  /** What it costs, in words, for the operations panel. */
  cost: string;
  check(state: MatchState, seat: string, order: OrderOf<K>): Checked<P>;
  apply(state: MatchState, ctx: RulesContext, seat: string, order: OrderOf<K>, prepared: P): void;
}
