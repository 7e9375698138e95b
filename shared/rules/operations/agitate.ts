import { ErrorCode } from "../../protocol/errorCodes";
import { logEvent } from "../eventLog";
import { refused } from "../orderResult";
import { chance } from "../random";
import { AGITATE_BASE_CHANCE, AGITATE_GARRISON_PENALTY, AGITATE_INTEL_LOSS, AGITATE_STANDING_EFFECT, MAX_GARRISON_FOR_AGITATION, maquisCosts, maquisStanding } from "../tuning";
import { completeMaquis, prepareMaquis, type MaquisActor } from "./maquisOperation";
import { passed, type Operation } from "./operation";
import { describeCost } from "./preconditions";

/** Agitate: win a colony one step toward the Maquis; garrisons make it harder, and it erodes the occupier's informants. */
export const agitate: Operation<"agitate", MaquisActor> = {
  kind: "agitate",
  side: "maquis",
  cost: describeCost(maquisCosts.agitate),
  check(state, seat, order) {
    const prepared = prepareMaquis(state, seat, order.ship, maquisCosts.agitate, true);
    if (!prepared.ok) return prepared;
    const system = prepared.actor.system!;
    if (system.population === 0) return refused(ErrorCode.NoPopulation, `${system.name} has nobody to win over`);
    if (system.sympathy >= 2) return refused(ErrorCode.SympathyAtMaximum, `${system.name} is already wholly with the Maquis`);
    if (system.garrison > MAX_GARRISON_FOR_AGITATION)
      return refused(ErrorCode.GarrisonTooStrong, `${system.name}'s garrison of ${system.garrison} is too strong to agitate under`);
    return passed(prepared.actor);
  },
  apply(state, _ctx, seat, _order, actor) {
    const system = actor.system!;
    system.intelOccupier = Math.max(0, system.intelOccupier - AGITATE_INTEL_LOSS);
    // The movement's standing opens doors or closes them: ±AGITATE_STANDING_EFFECT at standing 100 or 0.
    const standing = ((state.maquisStanding - maquisStanding.start) / maquisStanding.start) * AGITATE_STANDING_EFFECT;
    if (chance(state, AGITATE_BASE_CHANCE - AGITATE_GARRISON_PENALTY * system.garrison + standing)) {
      system.sympathy += 1;
      logEvent(state, seat, "agitate", `${system.name} warms to the cause (sympathy ${system.sympathy}).`);
    } else {
      logEvent(state, seat, "agitate", `The meetings on ${system.name} changed few minds.`);
    }
    completeMaquis(state, actor, "agitate", maquisCosts.agitate);
  },
};
