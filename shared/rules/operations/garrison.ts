import { ErrorCode } from "../../protocol/errorCodes";
import { refused } from "../orderResult";
import { GARRISON_INTEL, MAX_GARRISON, occupierCosts } from "../tuning";
import { completeOccupier, prepareOccupier, type OccupierActor } from "./occupierOperation";
import { passed, type Operation } from "./operation";

/** Garrison: land troops at a system; they hold it, watch the space around it and feed intel. */
export const garrison: Operation<"garrison", OccupierActor> = {
  kind: "garrison",
  side: "occupier",
  cost: `${occupierCosts.garrison} requisition`,
  check(state, seat, order) {
    const prepared = prepareOccupier(state, seat, order.ship, occupierCosts.garrison, true);
    if (!prepared.ok) return prepared;
    const system = prepared.actor.system!;
    if (system.population === 0) return refused(ErrorCode.NoPopulation, `${system.name} has no colony to garrison`);
    if (system.garrison >= MAX_GARRISON) return refused(ErrorCode.GarrisonFull, `${system.name} already holds ${MAX_GARRISON} garrisons`);
    return passed(prepared.actor);
  },
  apply(state, _ctx, _seat, _order, actor) {
    actor.system!.garrison += 1;
    actor.system!.intelOccupier = Math.min(100, actor.system!.intelOccupier + GARRISON_INTEL);
    completeOccupier(state, actor.ship, occupierCosts.garrison);
  },
};
