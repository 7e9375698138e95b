import { ErrorCode } from "../../protocol/errorCodes";
import type { MatchState, Ship, StarSystem } from "../../state/MatchState";
import { refused, type Refusal } from "../orderResult";
import { scaledHours } from "../timeScale";
import { OPERATION_HOURS } from "../tuning";
import { canRequisition, readyShip, shipAtSystem } from "./preconditions";

/** The occupier ship that acts, and the system it acts at (for operations that need one). */
export interface OccupierActor {
  ship: Ship;
  system: StarSystem | undefined;
}

export function requireOccupier(state: MatchState, seat: string): Refusal | null {
  return state.seats.get(seat)?.side === "occupier" ? null : refused(ErrorCode.WrongSide, "only the occupier can do this");
}

/** The preconditions most occupier operations share: the right seat, a ready ship, the requisition, and (optionally) a system. */
export function prepareOccupier(
  state: MatchState,
  seat: string,
  shipId: string,
  cost: number,
  needsSystem: boolean,
): { ok: true; actor: OccupierActor } | Refusal {
  const wrongSide = requireOccupier(state, seat);
  if (wrongSide) return wrongSide;
  const ship = readyShip(state, seat, shipId);
  if (!ship.ok) return ship;
  const affordable = canRequisition(state, cost);
  if (!affordable.ok) return affordable;
  if (!needsSystem) return { ok: true, actor: { ship: ship.value, system: undefined } };
  const at = shipAtSystem(state, ship.value);
  if (!at.ok) return at;
  return { ok: true, actor: { ship: ship.value, system: at.value } };
}

export function completeOccupier(state: MatchState, ship: Ship | undefined, cost: number): void {
  state.occupier.requisition -= cost;
  if (ship) ship.readyAt = state.hours + scaledHours(state, OPERATION_HOURS);
}
