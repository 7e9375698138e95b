import { ErrorCode } from "../../protocol/errorCodes";
import { logEvent } from "../eventLog";
import { refused } from "../orderResult";
import { chance } from "../random";
import { aid as tuning, occupierCosts, PACIFY_FLOOR } from "../tuning";
import { completeOccupier, prepareOccupier, type OccupierActor } from "./occupierOperation";
import { passed, type Operation } from "./operation";

/**
 * Aid (civic action): food, medicine and repairs for a colony. The occupier's non-violent lever: it
 * may win the colony a step, the harder the more it sides with the Maquis, and it earns reputation
 * and a little intel whatever the colonists decide. Once a round per colony: goodwill is not bought in bulk.
 */
export const aid: Operation<"aid", OccupierActor> = {
  kind: "aid",
  side: "occupier",
  cost: `${occupierCosts.aid} requisition`,
  check(state, seat, order) {
    const prepared = prepareOccupier(state, seat, order.ship, occupierCosts.aid, true);
    if (!prepared.ok) return prepared;
    const system = prepared.actor.system!;
    if (system.population === 0) return refused(ErrorCode.NoPopulation, `${system.name} has no colonists to help`);
    if (state.hours - system.aidedAt < state.roundHours) return refused(ErrorCode.RecentlyAided, `${system.name} had aid this round already`);
    // Goods buy goodwill, not devotion: like garrisons, aid cannot make a colony more than passively loyal.
    if (system.sympathy <= PACIFY_FLOOR) return refused(ErrorCode.SympathyAtMaximum, `${system.name} is as loyal as aid can make it`);
    return passed(prepared.actor);
  },
  apply(state, _ctx, seat, _order, actor) {
    const system = actor.system!;
    state.reputation = Math.min(100, state.reputation + tuning.reputationGain);
    system.intelOccupier = Math.min(100, system.intelOccupier + tuning.intelGain);
    system.aidedAt = state.hours;
    if (chance(state, tuning.loyaltyChance - tuning.perMaquisSympathy * Math.max(0, system.sympathy))) {
      system.sympathy -= 1;
      logEvent(state, "all", "aid", `Occupier aid reached ${system.name}, and the colonists warmed to it.`);
    } else {
      logEvent(state, seat, "aid", `The aid to ${system.name} was taken without thanks.`);
    }
    completeOccupier(state, actor.ship, occupierCosts.aid);
  },
};
