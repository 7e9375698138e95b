import { ErrorCode } from "../../protocol/errorCodes";
import { refused } from "../orderResult";
import { INFORMANTS_INTEL, INFORMANTS_INTEL_PER_SYMPATHY, INFORMANTS_MIN_INTEL, occupierCosts } from "../tuning";
import { completeOccupier, prepareOccupier, type OccupierActor } from "./occupierOperation";
import { passed, type Operation } from "./operation";

/** Informants: buy eyes among the colonists; sympathetic worlds give up less. */
export const informants: Operation<"informants", OccupierActor> = {
  kind: "informants",
  side: "occupier",
  cost: `${occupierCosts.informants} requisition`,
  check(state, seat, order) {
    const prepared = prepareOccupier(state, seat, order.ship, occupierCosts.informants, true);
    if (!prepared.ok) return prepared;
    if (prepared.actor.system!.population === 0) return refused(ErrorCode.NoPopulation, `${prepared.actor.system!.name} has no colonists to buy`);
    return passed(prepared.actor);
  },
  apply(state, _ctx, _seat, _order, actor) {
    const system = actor.system!;
    const gain = Math.max(INFORMANTS_MIN_INTEL, INFORMANTS_INTEL - INFORMANTS_INTEL_PER_SYMPATHY * system.sympathy);
    system.intelOccupier = Math.min(100, system.intelOccupier + gain);
    completeOccupier(state, actor.ship, occupierCosts.informants);
  },
};
