import { ErrorCode } from "../../protocol/errorCodes";
import type { MatchState } from "../../state/MatchState";
import { harmCivilians } from "../civilianHarm";
import { reveal } from "../detection";
import { logEvent } from "../eventLog";
import { loseShip } from "../fleet";
import { shipSystemAt } from "../geometry";
import { refused } from "../orderResult";
import { chance } from "../random";
import { isOccupierSystem } from "../sides";
import { maquisCosts, maquisStanding, RAID_SUCCESS_CHANCE, raidDepot, reputationLoss } from "../tuning";
import { completeMaquis, prepareMaquis, type MaquisActor } from "./maquisOperation";
import { passed, type Operation } from "./operation";
import { describeCost, shipInSensorRange } from "./preconditions";

/**
 * Raid: seize an occupier convoy in sensor range, or break into the depot of the occupier system the
 * ship is at. Either way the loot feeds the cell and the movement's standing grows; a fight in a
 * colony's orbit hurts its people.
 */
export const raid: Operation<"raid", MaquisActor> = {
  kind: "raid",
  side: "maquis",
  cost: `convoy: ${describeCost(maquisCosts.raid)}; depot: ${describeCost(maquisCosts.depotRaid)}`,
  check(state, seat, order) {
    const atDepot = typeof order.target !== "string";
    const prepared = prepareMaquis(state, seat, order.ship, atDepot ? maquisCosts.depotRaid : maquisCosts.raid, atDepot);
    if (!prepared.ok) return prepared;
    if (typeof order.target !== "string") {
      const system = prepared.actor.system!;
      if (!isOccupierSystem(state, system)) return refused(ErrorCode.InvalidTarget, `${system.name} holds no occupier depot`);
      return passed(prepared.actor);
    }
    const target = shipInSensorRange(state, prepared.actor.ship, order.target, "convoy");
    if (!target.ok) return target;
    if (!target.value.convoy || target.value.side !== "occupier") return refused(ErrorCode.InvalidTarget, `raids take occupier convoys; ${target.value.name} is not one`);
    return passed(prepared.actor);
  },
  apply(state, ctx, seat, order, actor) {
    if (typeof order.target !== "string") {
      const system = actor.system!;
      reveal(state, actor.ship, "broke into a depot");
      const success = chance(state, raidDepot.baseChance - raidDepot.garrisonPenalty * system.garrison);
      harmCivilians(state, system, "maquis", "raid");
      if (success) {
        const seized = Math.min(raidDepot.seized, Math.max(0, state.occupier.requisition));
        state.occupier.requisition -= seized;
        actor.cell.supplies += raidDepot.seized;
        publicSuccess(state, reputationLoss.depotRaid);
        logEvent(state, "all", "raid", `Maquis raiders looted the depot on ${system.name}.`, system);
      } else {
        logEvent(state, "all", "raid", `The depot on ${system.name} beat off a Maquis raid.`, system);
      }
      completeMaquis(state, actor, "raid", maquisCosts.depotRaid);
      return;
    }
    const convoy = state.ships.get(order.target)!;
    reveal(state, actor.ship, "struck a convoy");
    const seized = chance(state, RAID_SUCCESS_CHANCE);
    // Fighting over a freighter in a colony's orbit puts its people in the crossfire, whatever the outcome.
    harmCivilians(state, shipSystemAt(state, convoy), "maquis", "raid");
    if (seized) {
      actor.cell.supplies += convoy.cargo;
      publicSuccess(state, reputationLoss.raid);
      logEvent(state, seat, "raid", `${actor.ship.name} took ${convoy.cargo} supplies from ${convoy.name}.`, convoy);
      loseShip(state, ctx, convoy, "was seized by Maquis raiders");
    } else {
      convoy.cargo = Math.floor(convoy.cargo / 2);
      logEvent(state, "all", "raid", `${convoy.name} fought off a Maquis raid and limps on.`, convoy);
    }
    completeMaquis(state, actor, "raid", maquisCosts.raid);
  },
};

/** A raid that works is news: the occupier loses face and the movement gains standing. */
function publicSuccess(state: MatchState, reputationCost: number): void {
  state.reputation = Math.max(0, state.reputation - reputationCost);
  state.maquisStanding = Math.min(100, state.maquisStanding + maquisStanding.successGain);
}
