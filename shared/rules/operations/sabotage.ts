import { ErrorCode } from "../../protocol/errorCodes";
import { logEvent } from "../eventLog";
import { refused } from "../orderResult";
import { chance } from "../random";
import { isOccupierSystem } from "../sides";
import { maquisCosts, reputationLoss, SABOTAGE_GARRISON_CHANCE, SABOTAGE_INTEL_LOSS } from "../tuning";
import { completeMaquis, prepareMaquis, type MaquisActor } from "./maquisOperation";
import { passed, type Operation } from "./operation";
import { describeCost } from "./preconditions";

/** Sabotage: blind the occupier's sensor posts and informant networks at a system, and maybe wreck its garrison. */
export const sabotage: Operation<"sabotage", MaquisActor> = {
  kind: "sabotage",
  side: "maquis",
  cost: describeCost(maquisCosts.sabotage),
  check(state, seat, order) {
    const prepared = prepareMaquis(state, seat, order.ship, maquisCosts.sabotage, true);
    if (!prepared.ok) return prepared;
    const system = prepared.actor.system!;
    if (system.garrison === 0 && !isOccupierSystem(state, system))
      return refused(ErrorCode.NoGarrison, `the occupier keeps nothing at ${system.name} worth sabotaging`);
    return passed(prepared.actor);
  },
  apply(state, _ctx, _seat, _order, actor) {
    const system = actor.system!;
    system.intelOccupier = Math.max(0, system.intelOccupier - SABOTAGE_INTEL_LOSS);
    state.reputation = Math.max(0, state.reputation - reputationLoss.sabotage);
    if (system.garrison > 0 && chance(state, SABOTAGE_GARRISON_CHANCE)) {
      system.garrison -= 1;
      logEvent(state, "all", "sabotage", `Saboteurs wrecked a garrison post on ${system.name}.`, system);
    } else {
      logEvent(state, "all", "sabotage", `Sensor posts on ${system.name} went dark: sabotage.`, system);
    }
    completeMaquis(state, actor, "sabotage", maquisCosts.sabotage);
  },
};
