import { ErrorCode } from "../../protocol/errorCodes";
import { reveal } from "../detection";
import { logEvent } from "../eventLog";
import { loseShip } from "../fleet";
import { systemAt } from "../geometry";
import { harmCivilians } from "../civilianHarm";
import { refused } from "../orderResult";
import { chance } from "../random";
import { inSensorRange } from "../shipStats";
import { maquisCosts, maquisStanding, RAID_SUCCESS_CHANCE, reputationLoss } from "../tuning";
import { completeMaquis, prepareMaquis, type MaquisActor } from "./maquisOperation";
import { passed, type Operation } from "./operation";
import { describeCost } from "./preconditions";

/** Raid: seize an occupier convoy in sensor range; its cargo feeds the cell, and the movement's standing grows. */
export const raid: Operation<"raid", MaquisActor> = {
  kind: "raid",
  side: "maquis",
  cost: describeCost(maquisCosts.raid),
  check(state, seat, order) {
    const prepared = prepareMaquis(state, seat, order.ship, maquisCosts.raid, false);
    if (!prepared.ok) return prepared;
    const target = state.ships.get(order.target);
    if (!target || !target.convoy || target.side !== "occupier") return refused(ErrorCode.InvalidTarget, "raids take convoys; that is not a convoy you can see");
    if (!inSensorRange(state, prepared.actor.ship, target)) return refused(ErrorCode.TargetNotInRange, `${target.name} is out of sensor range`);
    return passed(prepared.actor);
  },
  apply(state, ctx, seat, order, actor) {
    const convoy = state.ships.get(order.target)!;
    reveal(state, actor.ship, "struck a convoy");
    const seized = chance(state, RAID_SUCCESS_CHANCE);
    // Fighting over a freighter in a colony's orbit puts its people in the crossfire, whatever the outcome.
    harmCivilians(state, systemAt(state, convoy.x, convoy.y), "maquis", "raid");
    if (seized) {
      actor.cell.supplies += convoy.cargo;
      state.reputation = Math.max(0, state.reputation - reputationLoss.raid);
      state.maquisStanding = Math.min(100, state.maquisStanding + maquisStanding.successGain);
      logEvent(state, seat, "raid", `${actor.ship.name} took ${convoy.cargo} supplies from ${convoy.name}.`);
      loseShip(state, ctx, convoy, "was seized by Maquis raiders");
    } else {
      convoy.cargo = Math.floor(convoy.cargo / 2);
      logEvent(state, "all", "raid", `${convoy.name} fought off a Maquis raid and limps on.`);
    }
    completeMaquis(state, actor, "raid", maquisCosts.raid);
  },
};
