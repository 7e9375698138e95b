import { ErrorCode } from "../../protocol/errorCodes";
import { logEvent } from "../eventLog";
import { refused } from "../orderResult";
import { chance } from "../random";
import { isOccupierSystem } from "../sides";
import { maquisCosts, relief, SMUGGLE_WEAPONS } from "../tuning";
import { completeMaquis, prepareMaquis, type MaquisActor } from "./maquisOperation";
import { passed, type Operation } from "./operation";
import { describeCost } from "./preconditions";

/**
 * Smuggle goods through the zone. Arms: trade supplies for weapons where the occupier does not rule or
 * the colonists look away. Relief: carry the cell's supplies to the colonists of the world the ship is
 * at, which may win it a step and always earns the movement standing.
 */
export const smuggle: Operation<"smuggle", MaquisActor> = {
  kind: "smuggle",
  side: "maquis",
  cost: `arms: ${describeCost(maquisCosts.smuggle)}; relief: ${describeCost(maquisCosts.relief)}`,
  check(state, seat, order) {
    const isRelief = order.goods === "relief";
    const prepared = prepareMaquis(state, seat, order.ship, isRelief ? maquisCosts.relief : maquisCosts.smuggle, true);
    if (!prepared.ok) return prepared;
    const system = prepared.actor.system!;
    if (isRelief) {
      if (system.population === 0) return refused(ErrorCode.NoPopulation, `nobody lives on ${system.name} to take relief`);
      if (system.sympathy >= 2) return refused(ErrorCode.SympathyAtMaximum, `${system.name} is already wholly with the Maquis`);
    } else if (isOccupierSystem(state, system) && system.sympathy < 1) {
      return refused(ErrorCode.NotTradePartner, `nobody on ${system.name} will trade arms with the Maquis`);
    }
    return passed(prepared.actor);
  },
  apply(state, _ctx, seat, order, actor) {
    if (order.goods !== "relief") {
      actor.cell.weapons += SMUGGLE_WEAPONS;
      completeMaquis(state, actor, "smuggle", maquisCosts.smuggle);
      return;
    }
    const system = actor.system!;
    state.maquisStanding = Math.min(100, state.maquisStanding + relief.standingGain);
    if (chance(state, relief.sympathyChance - relief.garrisonPenalty * system.garrison)) {
      system.sympathy = Math.min(2, system.sympathy + 1);
      logEvent(state, seat, "smuggle", `The relief run to ${system.name} won friends (sympathy ${system.sympathy}).`);
    } else {
      logEvent(state, seat, "smuggle", `The relief reached ${system.name}; the colonists took it and kept their counsel.`);
    }
    completeMaquis(state, actor, "smuggle", maquisCosts.relief);
  },
};
