import { ErrorCode } from "../../protocol/errorCodes";
import type { Cell, MatchState, Ship, StarSystem } from "../../state/MatchState";
import { shipSystemAt } from "../geometry";
import { refused, type OrderResult, type Refusal } from "../orderResult";
import { inSensorRange } from "../shipStats";
import { cellOf } from "../sides";

/** A precondition either yields what it found or the refusal to send back. */
export type Found<T> = { ok: true; value: T } | Refusal;

const found = <T>(value: T): Found<T> => ({ ok: true, value });

/** One answer for "no such ship" and "not yours": the reply must not confirm that a hidden ship exists. */
export function ownShip(state: MatchState, seat: string, shipId: string): Found<Ship> {
  const ship = state.ships.get(shipId);
  if (!ship || ship.seat !== seat) return refused(ErrorCode.NotYourShip, `you command no ship "${shipId}"`);
  return found(ship);
}

/** A ship that can start an operation now: not fighting, not still busy with the last one. */
export function readyShip(state: MatchState, seat: string, shipId: string): Found<Ship> {
  const result = ownShip(state, seat, shipId);
  if (!result.ok) return result;
  const ship = result.value;
  if (ship.engagement !== "") return refused(ErrorCode.ShipEngaged, `${ship.name} is in a fight; break off first`);
  if (ship.readyAt > state.hours)
    return refused(ErrorCode.ShipBusy, `${ship.name} is busy for another ${Math.ceil(ship.readyAt - state.hours)} h`);
  return result;
}

/**
 * A ship the acting ship's sensors show, named as a target. One answer for "no such ship", "a ship your
 * side cannot see" and "out of range": a client's view holds only the ships its side senses, so it
 * cannot tell them apart, and the reply must not confirm that a hidden ship exists. `wanted` names what
 * the operation takes ("convoy", "warship"), for the refusal.
 */
export function shipInSensorRange(state: MatchState, observer: Ship, targetId: string, wanted: string): Found<Ship> {
  const target = state.ships.get(targetId);
  // The occupier never sees an underground ship, however close (the fog of war never sends it one).
  const hidden = target !== undefined && observer.side === "occupier" && target.underground;
  if (!target || hidden || !inSensorRange(state, observer, target))
    return refused(ErrorCode.TargetNotInRange, `${observer.name}'s sensors show no such ${wanted} in range`);
  return found(target);
}

export function shipAtSystem(state: MatchState, ship: Ship): Found<StarSystem> {
  const system = shipSystemAt(state, ship);
  if (!system) return refused(ErrorCode.NotAtSystem, `${ship.name} must be at a system for this`);
  return found(system);
}

export function activeCell(state: MatchState, seat: string): Found<Cell> {
  const cell = cellOf(state, seat);
  if (!cell) return refused(ErrorCode.WrongSide, "only a Maquis cell can do this");
  if (cell.eliminated) return refused(ErrorCode.CellEliminated, "your cell has been broken up");
  return found(cell);
}

export interface MaquisCost {
  supplies?: number;
  weapons?: number;
  recruits?: number;
}

export function canAfford(cell: Cell, cost: MaquisCost): OrderResult {
  if ((cost.supplies ?? 0) > cell.supplies)
    return refused(ErrorCode.NotEnoughSupplies, `needs ${cost.supplies} supplies (you have ${Math.floor(cell.supplies)})`);
  if ((cost.weapons ?? 0) > cell.weapons)
    return refused(ErrorCode.NotEnoughWeapons, `needs ${cost.weapons} weapons (you have ${Math.floor(cell.weapons)})`);
  if ((cost.recruits ?? 0) > cell.recruits)
    return refused(ErrorCode.NotEnoughRecruits, `needs ${cost.recruits} recruits (you have ${Math.floor(cell.recruits)})`);
  return { ok: true };
}

export function pay(cell: Cell, cost: MaquisCost): void {
  cell.supplies -= cost.supplies ?? 0;
  cell.weapons -= cost.weapons ?? 0;
  cell.recruits -= cost.recruits ?? 0;
}

export function canRequisition(state: MatchState, amount: number): OrderResult {
  if (state.occupier.requisition < amount)
    return refused(ErrorCode.NotEnoughRequisition, `needs ${amount} requisition (you have ${Math.floor(state.occupier.requisition)})`);
  return { ok: true };
}

export function describeCost(cost: MaquisCost): string {
  const parts = Object.entries(cost).map(([resource, amount]) => `${amount} ${resource}`);
  return parts.length > 0 ? parts.join(", ") : "free";
}
