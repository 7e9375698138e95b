import type { OrderKind, OrderOf } from "../../protocol/orders";
import type { MatchState } from "../../state/MatchState";
import type { Refusal } from "../orderResult";
import type { RulesContext } from "../rulesContext";
import type { Side } from "../sides";

/** A passed check carries what it found (the acting ship, its cell, the system…), so apply need not look again. */
export type Checked<P> = { ok: true; prepared: P } | Refusal;

export const passed = <P>(prepared: P): { ok: true; prepared: P } => ({ ok: true, prepared });

/**
 * The part of an order's verdict that rests on what the ordering side cannot see (the occupier's books
 * for a Maquis cell, say). The server runs it after `check` passed; a client cannot, so its panel
 * shows `question` instead of a verdict it would have to guess.
 */
export interface ServerDecision<K extends OrderKind, P> {
  /** What the server alone decides, as the panel words it after "the server decides": "whether …". */
  question: string;
  check(state: MatchState, seat: string, order: OrderOf<K>, prepared: P): Refusal | null;
}

/**
 * One kind of order. `check` reads only what the ordering side can see (its decoded view of the
 * match), so a client can run it on its own state to show the cost and the refusal reason before
 * sending, and get the server's answer; test/unit/operations/checkOnClientView.test.ts holds every
 * operation to that. Anything that needs more goes in `serverDecides`. `apply` runs right after a
 * passed check, on the server (or the headless simulator), with what the check prepared.
 */
export interface Operation<K extends OrderKind, P = unknown> {
  kind: K;
  /** The side allowed to give it, or "any". */
  side: Side | "any";
  /** What it costs, in words, for the operations panel. */
  cost: string;
  check(state: MatchState, seat: string, order: OrderOf<K>): Checked<P>;
  serverDecides?: ServerDecision<K, P>;
  apply(state: MatchState, ctx: RulesContext, seat: string, order: OrderOf<K>, prepared: P): void;
}
