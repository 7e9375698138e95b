import { ErrorCode } from "../protocol/errorCodes";
import type { Order } from "../protocol/messages";
import type { MatchState } from "../state/MatchState";
import { applyMove } from "./applyMove";
import { refused, type OrderResult } from "./orderResult";

/** The single entry point for orders: authorizes the seat, then hands the order to its rule. */
export function applyOrder(state: MatchState, seatId: string, order: Order): OrderResult {
  if (!state.seats.has(seatId)) return refused(ErrorCode.SpectatorCannotOrder, "spectators cannot give orders");
  const ship = state.ships.get(order.ship);
  // One answer for "no such ship" and "not yours": the reply must not confirm that a hidden ship exists.
  if (!ship || ship.seat !== seatId) return refused(ErrorCode.NotYourShip, `you command no ship "${order.ship}"`);
  switch (order.kind) {
    case "move":
      return applyMove(state, ship, order);
  }
}
