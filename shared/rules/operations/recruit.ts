import { ErrorCode } from "../../protocol/errorCodes";
import { refused } from "../orderResult";
import { maquisCosts } from "../tuning";
import { completeMaquis, prepareMaquis, type MaquisActor } from "./maquisOperation";
import { passed, type Operation } from "./operation";
import { describeCost } from "./preconditions";

/** Recruit: sympathetic colonists join the cell; more of them where sympathy runs high. */
export const recruit: Operation<"recruit", MaquisActor> = {
  kind: "recruit",
  side: "maquis",
  cost: describeCost(maquisCosts.recruit),
  check(state, seat, order) {
    const prepared = prepareMaquis(state, seat, order.ship, maquisCosts.recruit, true);
    if (!prepared.ok) return prepared;
    const system = prepared.actor.system!;
    if (system.population === 0) return refused(ErrorCode.NoPopulation, `${system.name} has nobody to recruit`);
    if (system.sympathy < 1) return refused(ErrorCode.SympathyTooLow, `${system.name} must sympathize with the Maquis first`);
    return passed(prepared.actor);
  },
  apply(state, _ctx, _seat, _order, actor) {
    actor.cell.recruits += actor.system!.sympathy;
    completeMaquis(state, actor, "recruit", maquisCosts.recruit);
  },
};
