import { ErrorCode } from "../../protocol/errorCodes";
import { harmCivilians } from "../civilianHarm";
import { startEngagement } from "../engagements";
import { logEvent } from "../eventLog";
import { refused } from "../orderResult";
import { pick } from "../random";
import { classOf } from "../shipStats";
import { BASE_ASSAULT_LOSS, EXPOSURE_AFTER_BASE_LOSS, MIN_ASSAULT_FIREPOWER, occupierCosts } from "../tuning";
import { completeOccupier, prepareOccupier, type OccupierActor } from "./occupierOperation";
import { passed, type Operation } from "./operation";
import { shipAtSystem, shipInSensorRange } from "./preconditions";

/** Assault: attack what has been found, a revealed Maquis ship in sensor range or a located base where the ship is. */
export const assault: Operation<"assault", OccupierActor> = {
  kind: "assault",
  side: "occupier",
  cost: `${occupierCosts.assault} requisition`,
  check(state, seat, order) {
    const prepared = prepareOccupier(state, seat, order.ship, occupierCosts.assault, false);
    if (!prepared.ok) return prepared;
    if (classOf(prepared.actor.ship).firepower < MIN_ASSAULT_FIREPOWER / 2) return refused(ErrorCode.InvalidTarget, `${prepared.actor.ship.name} carries too little firepower to assault`);
    if ("ship" in order.target) {
      const target = shipInSensorRange(state, prepared.actor.ship, order.target.ship, "Maquis ship");
      if (!target.ok) return target;
      if (target.value.side !== "maquis") return refused(ErrorCode.InvalidTarget, `assaults take Maquis ships; ${target.value.name} is not one`);
      if (target.value.engagement !== "") return refused(ErrorCode.InvalidTarget, `${target.value.name} is already in a fight`);
      return passed(prepared.actor);
    }
    const cellId = order.target.base;
    const baseSystem = state.occupier.foundBases.get(cellId);
    if (baseSystem === undefined) return refused(ErrorCode.InvalidTarget, "no located base by that name");
    if (classOf(prepared.actor.ship).firepower < MIN_ASSAULT_FIREPOWER) return refused(ErrorCode.InvalidTarget, `a base assault needs a warship; ${prepared.actor.ship.name} is too light`);
    const at = shipAtSystem(state, prepared.actor.ship);
    if (!at.ok) return at;
    if (baseSystem !== at.value.id) return refused(ErrorCode.NotAtSystem, "the ship must be at the base's system");
    return passed(prepared.actor);
  },
  apply(state, _ctx, _seat, order, actor) {
    if ("ship" in order.target) {
      startEngagement(state, actor.ship, state.ships.get(order.target.ship)!);
    } else {
      const cell = state.cells.get(order.target.base)!;
      const where = state.systems.get(cell.baseSystem)?.name ?? cell.baseSystem;
      const overrun = state.systems.get(cell.baseSystem);
      harmCivilians(state, state.systems.get(cell.baseSystem), "occupier", "assault");
      cell.supplies *= 1 - BASE_ASSAULT_LOSS;
      cell.weapons *= 1 - BASE_ASSAULT_LOSS;
      cell.recruits *= 1 - BASE_ASSAULT_LOSS;
      state.occupier.foundBases.delete(cell.id);
      const hasShips = [...state.ships.values()].some((ship) => ship.seat === cell.id);
      const elsewhere = cell.baseCandidates.filter((id) => id !== cell.baseSystem);
      if (!hasShips || elsewhere.length === 0) {
        cell.eliminated = true;
        logEvent(state, "all", "base", `The Maquis base at ${where} was overrun; the cell is broken.`, overrun);
      } else {
        cell.baseSystem = pick(state, elsewhere);
        cell.exposure = Math.min(cell.exposure, EXPOSURE_AFTER_BASE_LOSS);
        logEvent(state, "all", "base", `The Maquis base at ${where} was overrun; its survivors scattered.`, overrun);
        logEvent(state, cell.id, "base", `We lost the base at ${where} and most of its stores; the cell regroups elsewhere.`, overrun);
      }
    }
    completeOccupier(state, actor.ship, occupierCosts.assault);
  },
};
