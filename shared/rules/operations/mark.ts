import { ErrorCode } from "../../protocol/errorCodes";
import { logEvent } from "../eventLog";
import { refused } from "../orderResult";
import { sideOfSeat, type Side } from "../sides";
import { passed, type Operation } from "./operation";

/**
 * Mark: the council's map. A seat pins a short note to a point for its own side only (co-op cells
 * plan a raid, an occupier commander marks a sweep). It costs nothing and moves nothing; it is a log
 * line with a place, so the fog of war that hides a side's log hides its marks.
 */
export const mark: Operation<"mark", Side> = {
  kind: "mark",
  side: "any",
  cost: "free",
  check(state, seat, order) {
    const side = sideOfSeat(state, seat);
    if (!side) return refused(ErrorCode.SpectatorCannotOrder, "only a seated player can mark the map");
    if (order.x < 0 || order.y < 0 || order.x > state.mapWidth || order.y > state.mapHeight)
      return refused(ErrorCode.OutsideMap, `that point lies outside the ${state.mapWidth}×${state.mapHeight} map`);
    return passed(side);
  },
  apply(state, _ctx, seat, order, side) {
    const who = state.seats.get(seat)?.name ?? seat;
    logEvent(state, side, "mark", `${who}: ${order.text}`, { x: order.x, y: order.y });
  },
};
