import { ErrorCode } from "../protocol/errorCodes";
import type { MoveOrder } from "../protocol/messages";
import type { MatchState, Ship } from "../state/MatchState";
import { accepted, refused, type OrderResult } from "./orderResult";

/** Sends a ship toward a point or a system; a direct order replaces any standing patrol route. */
export function applyMove(state: MatchState, ship: Ship, order: MoveOrder): OrderResult {
  let x: number;
  let y: number;
  let system = "";
  if ("system" in order.to) {
    const target = state.systems.get(order.to.system);
    if (!target) return refused(ErrorCode.UnknownSystem, `no system has the id "${order.to.system}"`);
    ({ x, y } = target);
    system = target.id;
  } else {
    ({ x, y } = order.to);
    if (x < 0 || y < 0 || x > state.mapWidth || y > state.mapHeight)
      return refused(ErrorCode.OutsideMap, `(${x}, ${y}) lies outside the ${state.mapWidth}×${state.mapHeight} map`);
  }
  ship.destX = x;
  ship.destY = y;
  ship.destSystem = system;
  ship.moving = true;
  ship.route.clear();
  ship.routeIndex = 0;
  return accepted;
}
