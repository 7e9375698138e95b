import { ErrorCode } from "../protocol/errorCodes";
import type { Order, OrderKind, OrderOf } from "../protocol/orders";
import type { MatchState } from "../state/MatchState";
import { operations } from "./operations";
import type { Checked, Operation } from "./operations/operation";
import { accepted, refused, type OrderResult } from "./orderResult";
import type { RulesContext } from "./rulesContext";

export function operationFor<K extends OrderKind>(order: OrderOf<K>): Operation<K> {
  return operations[order.kind] as unknown as Operation<K>;
}

/** The part of the verdict the ordering side can reach on its own view: the match's gates and the operation's check. */
export function checkOnView(state: MatchState, seatId: string, order: Order): Checked<unknown> {
  if (!state.seats.has(seatId)) return refused(ErrorCode.SpectatorCannotOrder, "spectators cannot give orders");
  if (state.phase === "lobby") return refused(ErrorCode.NotStarted, "the match has not started yet");
  if (state.phase !== "playing") return refused(ErrorCode.MatchOver, "the match is over");
  const operation = operationFor(order);
  if (operation.side !== "any" && state.seats.get(seatId)!.side !== operation.side)
    return refused(ErrorCode.WrongSide, `only the ${operation.side} side can order a ${order.kind}`);
  return operation.check(state, seatId, order);
}

/** The whole verdict, on the whole state: what the client can check, then what only the server can. */
function checkAndPrepare(state: MatchState, seatId: string, order: Order): Checked<unknown> {
  const result = checkOnView(state, seatId, order);
  if (!result.ok) return result;
  return operationFor(order).serverDecides?.check(state, seatId, order, result.prepared) ?? result;
}

/** Checks an order on the server's state without changing anything: what the server will say. A client previews with `previewOrder`. */
export function checkOrder(state: MatchState, seatId: string, order: Order): OrderResult {
  const result = checkAndPrepare(state, seatId, order);
  return result.ok ? accepted : result;
}

/** The single entry point for orders: check, then apply with what the check found. A refused order changes nothing. */
export function applyOrder(state: MatchState, seatId: string, order: Order, ctx: RulesContext): OrderResult {
  const result = checkAndPrepare(state, seatId, order);
  if (!result.ok) return result;
  operationFor(order).apply(state, ctx, seatId, order, result.prepared);
  return accepted;
}
