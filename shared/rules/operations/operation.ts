import type { OrderKind, OrderOf } from "../../protocol/orders";
import type { MatchState } from "../../state/MatchState";
import type { OrderResult } from "../orderResult";
import type { RulesContext } from "../rulesContext";
import type { Side } from "../sides";

/**
 * One kind of order. `check` reads only what the ordering side can see, so a client can run it on
 * its own state to show the cost and the refusal reason before sending; `apply` runs after a passed
 * check, on the server (or the headless simulator).
 */
export interface Operation<K extends OrderKind> {
  kind: K;
  /** The side allowed to give it, or "any". */
  side: Side | "any";
  /** What it costs, in words, for the operations panel. */
  cost: string;
  check(state: MatchState, seat: string, order: OrderOf<K>): OrderResult;
  apply(state: MatchState, ctx: RulesContext, seat: string, order: OrderOf<K>): void;
}
