import { ErrorCode } from "../../protocol/errorCodes";
import { refused } from "../orderResult";
import { inCover } from "../shipStats";
import { maquisCosts } from "../tuning";
import { completeMaquis, prepareMaquis, type MaquisActor } from "./maquisOperation";
import { passed, type Operation } from "./operation";
import { describeCost } from "./preconditions";

/** Ambush: lie in wait in a storm or nebula; the first occupier ship into sensor range is hit first and hard. */
export const ambush: Operation<"ambush", MaquisActor> = {
  kind: "ambush",
  side: "maquis",
  cost: describeCost(maquisCosts.ambush),
  check(state, seat, order) {
    const prepared = prepareMaquis(state, seat, order.ship, maquisCosts.ambush, false);
    if (!prepared.ok) return prepared;
    if (!inCover(state, prepared.actor.ship)) return refused(ErrorCode.NotInCover, "an ambush needs the cover of a storm or a nebula");
    return passed(prepared.actor);
  },
  apply(state, _ctx, _seat, _order, actor) {
    actor.ship.stance = "ambush";
    actor.ship.moving = false;
    completeMaquis(state, actor, "ambush", maquisCosts.ambush);
  },
};
