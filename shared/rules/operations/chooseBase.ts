import type { Cell } from "../../state/MatchState";
import { ErrorCode } from "../../protocol/errorCodes";
import { logEvent } from "../eventLog";
import { refused } from "../orderResult";
import { passed, type Operation } from "./operation";
import { activeCell } from "./preconditions";

/** Choose the hidden base among the scenario's candidate sites; allowed until the cell's first operation. */
export const chooseBase: Operation<"chooseBase", Cell> = {
  kind: "chooseBase",
  side: "maquis",
  cost: "free, before your first operation",
  check(state, seat, order) {
    const cell = activeCell(state, seat);
    if (!cell.ok) return cell;
    if (cell.value.baseChosen) return refused(ErrorCode.BaseLocked, "the base can only move before the cell's first operation");
    if (!cell.value.baseCandidates.includes(order.system))
      return refused(ErrorCode.NotABaseSite, `"${order.system}" is not one of this cell's candidate base sites`);
    return passed(cell.value);
  },
  // Which bases the occupier has located is in its own books, which a cell's view does not hold.
  serverDecides: {
    question: "whether the occupier has already found the base",
    check(state, seat) {
      return state.occupier.foundBases.has(seat) ? refused(ErrorCode.BaseLocked, "the occupier has already found the base; it is too late to move it") : null;
    },
  },
  apply(state, _ctx, seat, order, cell) {
    cell.baseSystem = order.system;
    logEvent(state, seat, "base", `The cell's base is now hidden at ${state.systems.get(order.system)?.name ?? order.system}.`);
  },
};
