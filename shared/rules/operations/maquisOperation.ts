import { ErrorCode } from "../../protocol/errorCodes";
import type { Cell, MatchState, Ship, StarSystem } from "../../state/MatchState";
import { observedByOccupier, reveal, revealIfObserved } from "../detection";
import { refused, type Refusal } from "../orderResult";
import { shipSystemAt } from "../geometry";
import { scaledHours } from "../timeScale";
import { exposureGain, OPERATION_HOURS } from "../tuning";
import { activeCell, canAfford, pay, readyShip, shipAtSystem, type MaquisCost } from "./preconditions";

export type MaquisOperationKind = keyof typeof exposureGain;

/** Who acts, where, and with what: found by `prepareMaquis`, used by the operation's own check and apply. */
export interface MaquisActor {
  ship: Ship;
  cell: Cell;
  system: StarSystem | undefined;
  /** Whether the occupier watched the ship as it began: an act that blinds the watchers was still seen. */
  watchedAtStart: boolean;
}

/** The preconditions every Maquis operation shares: a ready ship of an active cell, the cost, and (optionally) a system. */
export function prepareMaquis(
  state: MatchState,
  seat: string,
  shipId: string,
  cost: MaquisCost,
  needsSystem: boolean,
): { ok: true; actor: MaquisActor } | Refusal {
  if (state.seats.get(seat)?.side !== "maquis") return refused(ErrorCode.WrongSide, "only a Maquis cell can do this");
  const cell = activeCell(state, seat);
  if (!cell.ok) return cell;
  const ship = readyShip(state, seat, shipId);
  if (!ship.ok) return ship;
  const affordable = canAfford(cell.value, cost);
  if (!affordable.ok) return affordable;
  let system: StarSystem | undefined;
  if (needsSystem) {
    const at = shipAtSystem(state, ship.value);
    if (!at.ok) return at;
    system = at.value;
  }
  return { ok: true, actor: { ship: ship.value, cell: cell.value, system, watchedAtStart: ship.value.underground && observedByOccupier(state, ship.value) } };
}

/** Bookkeeping after any Maquis operation: pay, take the time, heat up, and be seen if watched. */
export function completeMaquis(state: MatchState, actor: MaquisActor, kind: MaquisOperationKind, cost: MaquisCost): void {
  pay(actor.cell, cost);
  actor.ship.readyAt = state.hours + scaledHours(state, OPERATION_HOURS);
  // Every operation at a colony is talk there: it erodes the occupier's informants and feeds the Maquis' own.
  const system = actor.system ?? shipSystemAt(state, actor.ship);
  if (system && exposureGain[kind] > 0) system.maquisActivity = Math.min(255, system.maquisActivity + 1);
  actor.cell.exposure = Math.min(100, actor.cell.exposure + exposureGain[kind]);
  actor.cell.baseChosen = true;
  if (exposureGain[kind] > 0) actor.cell.lastOperationHour = state.hours;
  if (actor.watchedAtStart) reveal(state, actor.ship, "was seen acting");
  else revealIfObserved(state, actor.ship);
}
