import { ErrorCode } from "../../protocol/errorCodes";
import { logEvent } from "../eventLog";
import { refused } from "../orderResult";
import { classOf } from "../shipStats";
import { EVACUATE_PER_OPERATION, maquisCosts } from "../tuning";
import { completeMaquis, prepareMaquis, type MaquisActor } from "./maquisOperation";
import { passed, type Operation } from "./operation";
import { describeCost } from "./preconditions";

/** Evacuate: carry colonists off a world the scenario has doomed, before its hour comes; bigger ships carry more. */
export const evacuate: Operation<"evacuate", MaquisActor> = {
  kind: "evacuate",
  side: "maquis",
  cost: describeCost(maquisCosts.evacuate),
  check(state, seat, order) {
    const prepared = prepareMaquis(state, seat, order.ship, maquisCosts.evacuate, true);
    if (!prepared.ok) return prepared;
    const system = prepared.actor.system!;
    if (system.population === 0) return refused(ErrorCode.NoPopulation, `nobody is left on ${system.name}`);
    if (system.doomedAt < 0) return refused(ErrorCode.NotThreatened, `nothing threatens ${system.name}; evacuation is for worlds in danger`);
    if (system.sympathy < 0) return refused(ErrorCode.SympathyTooLow, `the colonists of ${system.name} do not trust the Maquis to take them`);
    return passed(prepared.actor);
  },
  apply(state, _ctx, _seat, _order, actor) {
    const system = actor.system!;
    const carried = Math.min(system.population, EVACUATE_PER_OPERATION[classOf(actor.ship).size]);
    system.population -= carried;
    system.evacuated += carried;
    actor.cell.evacuated += carried;
    logEvent(state, "all", "evacuate", `${carried} colonists were carried off ${system.name}.`);
    completeMaquis(state, actor, "evacuate", maquisCosts.evacuate);
  },
};
