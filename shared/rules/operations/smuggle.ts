import { ErrorCode } from "../../protocol/errorCodes";
import { refused } from "../orderResult";
import { isOccupierSystem } from "../sides";
import { maquisCosts, SMUGGLE_WEAPONS } from "../tuning";
import { completeMaquis, prepareMaquis, type MaquisActor } from "./maquisOperation";
import { passed, type Operation } from "./operation";
import { describeCost } from "./preconditions";

/** Smuggle: trade supplies for weapons where the occupier does not rule or the colonists look away. */
export const smuggle: Operation<"smuggle", MaquisActor> = {
  kind: "smuggle",
  side: "maquis",
  cost: describeCost(maquisCosts.smuggle),
  check(state, seat, order) {
    const prepared = prepareMaquis(state, seat, order.ship, maquisCosts.smuggle, true);
    if (!prepared.ok) return prepared;
    const system = prepared.actor.system!;
    if (isOccupierSystem(state, system) && system.sympathy < 1)
      return refused(ErrorCode.NotTradePartner, `nobody on ${system.name} will trade arms with the Maquis`);
    return passed(prepared.actor);
  },
  apply(state, _ctx, _seat, _order, actor) {
    actor.cell.weapons += SMUGGLE_WEAPONS;
    completeMaquis(state, actor, "smuggle", maquisCosts.smuggle);
  },
};
