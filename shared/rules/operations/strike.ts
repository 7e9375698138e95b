import { ErrorCode } from "../../protocol/errorCodes";
import { harmCivilians } from "../civilianHarm";
import { reveal } from "../detection";
import { startEngagement } from "../engagements";
import { logEvent } from "../eventLog";
import { refused } from "../orderResult";
import { chance } from "../random";
import { isWarship } from "../shipStats";
import { maquisCosts, reputationLoss, STRIKE_GARRISON_CHANCE } from "../tuning";
import { completeMaquis, prepareMaquis, type MaquisActor } from "./maquisOperation";
import { passed, type Operation } from "./operation";
import { describeCost, shipInSensorRange } from "./preconditions";

/** Strike: hit a military target, a warship in sensor range or the garrison where the ship is. Loud, costly, hot. */
export const strike: Operation<"strike", MaquisActor> = {
  kind: "strike",
  side: "maquis",
  cost: describeCost(maquisCosts.strike),
  check(state, seat, order) {
    const atGarrison = "garrison" in order.target;
    const prepared = prepareMaquis(state, seat, order.ship, maquisCosts.strike, atGarrison);
    if (!prepared.ok) return prepared;
    if ("garrison" in order.target) {
      if (prepared.actor.system!.garrison === 0) return refused(ErrorCode.NoGarrison, `${prepared.actor.system!.name} has no garrison`);
      return passed(prepared.actor);
    }
    const target = shipInSensorRange(state, prepared.actor.ship, order.target.ship, "warship");
    if (!target.ok) return target;
    if (!isWarship(target.value)) return refused(ErrorCode.InvalidTarget, `strikes take occupier warships; ${target.value.name} is not one`);
    if (target.value.engagement !== "") return refused(ErrorCode.InvalidTarget, `${target.value.name} is already in a fight`);
    return passed(prepared.actor);
  },
  apply(state, _ctx, _seat, order, actor) {
    state.reputation = Math.max(0, state.reputation - reputationLoss.strike);
    if ("garrison" in order.target) {
      const system = actor.system!;
      reveal(state, actor.ship, "attacked a garrison");
      if (chance(state, STRIKE_GARRISON_CHANCE)) {
        system.garrison -= 1;
        logEvent(state, "all", "strike", `Maquis raiders destroyed a garrison post on ${system.name}.`, system);
      } else {
        logEvent(state, "all", "strike", `The garrison on ${system.name} beat off a Maquis attack.`, system);
      }
      harmCivilians(state, system, "maquis", "strike");
    } else {
      startEngagement(state, actor.ship, state.ships.get(order.target.ship)!);
    }
    completeMaquis(state, actor, "strike", maquisCosts.strike);
  },
};
