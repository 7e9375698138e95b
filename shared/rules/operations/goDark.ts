import { ErrorCode } from "../../protocol/errorCodes";
import { shipSystemAt } from "../geometry";
import { refused } from "../orderResult";
import { inCover } from "../shipStats";
import { maquisCosts } from "../tuning";
import { completeMaquis, prepareMaquis, type MaquisActor } from "./maquisOperation";
import { passed, type Operation } from "./operation";
import { describeCost } from "./preconditions";

/** Go dark: in a storm, a nebula or a friendly colony, an exposed ship slips back underground if left unwatched for a while. */
export const goDark: Operation<"goDark", MaquisActor> = {
  kind: "goDark",
  side: "maquis",
  cost: describeCost(maquisCosts.goDark),
  check(state, seat, order) {
    const prepared = prepareMaquis(state, seat, order.ship, maquisCosts.goDark, false);
    if (!prepared.ok) return prepared;
    const ship = prepared.actor.ship;
    if (ship.underground) return refused(ErrorCode.AlreadyUnderground, `${ship.name} is already hidden`);
    const colony = shipSystemAt(state, ship);
    if (!inCover(state, ship) && !(colony && colony.sympathy >= 1))
      return refused(ErrorCode.NotInCover, "going dark needs a storm, a nebula or a sympathetic colony");
    return passed(prepared.actor);
  },
  apply(state, _ctx, _seat, _order, actor) {
    const ship = actor.ship;
    ship.stance = "dark";
    ship.darkHours = 0;
    ship.moving = false;
    completeMaquis(state, actor, "goDark", maquisCosts.goDark);
  },
};
