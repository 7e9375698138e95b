import { ErrorCode } from "../../protocol/errorCodes";
import type { MatchState, Ship, StarSystem } from "../../state/MatchState";
import { refused, type OrderResult } from "../orderResult";
import { OPERATION_HOURS } from "../tuning";
import { canRequisition, readyShip, shipAtSystem } from "./preconditions";

type Refusal = Extract<OrderResult, { ok: false }>;

export function requireOccupier(state: MatchState, seat: string): Refusal | null {
  return state.seats.get(seat)?.side === "occupier" ? null : (refused(ErrorCode.WrongSide, "only the occupier can do this") as Refusal);
}

/** The preconditions most occupier operations share: the right seat, a ready ship, the requisition, and (optionally) a system. */
export function prepareOccupier(
  state: MatchState,
  seat: string,
  shipId: string,
  cost: number,
  needsSystem: boolean,
): { ok: true; ship: Ship; system: StarSystem | undefined } | Refusal {
  const wrongSide = requireOccupier(state, seat);
  if (wrongSide) return wrongSide;
  const ship = readyShip(state, seat, shipId);
  if (!ship.ok) return ship;
  const affordable = canRequisition(state, cost);
  if (!affordable.ok) return affordable;
  if (!needsSystem) return { ok: true, ship: ship.value, system: undefined };
  const at = shipAtSystem(state, ship.value);
  if (!at.ok) return at;
  return { ok: true, ship: ship.value, system: at.value };
}

export function completeOccupier(state: MatchState, ship: Ship | undefined, cost: number): void {
  state.occupier.requisition -= cost;
  if (ship) ship.readyAt = state.hours + OPERATION_HOURS;
}
