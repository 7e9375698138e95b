import type { Ship } from "../../state/MatchState";
import { ErrorCode } from "../../protocol/errorCodes";
import { breakOffChance } from "../engagements";
import { logEvent } from "../eventLog";
import { endEngagementOf } from "../fleet";
import { refused } from "../orderResult";
import { chance } from "../random";
import { passed, type Operation } from "./operation";
import { ownShip } from "./preconditions";

/** Break off: try to disengage; faster ships and ships in cover manage it more often. A failed try costs a round. */
export const breakOff: Operation<"breakOff", Ship> = {
  kind: "breakOff",
  side: "any",
  cost: "free; may fail",
  check(state, seat, order) {
    const ship = ownShip(state, seat, order.ship);
    if (!ship.ok) return ship;
    if (ship.value.engagement === "") return refused(ErrorCode.NotEngaged, `${ship.value.name} is not in a fight`);
    if (state.engagements.get(ship.value.engagement)?.triedBreakOff.includes(ship.value.id))
      return refused(ErrorCode.ShipBusy, `${ship.value.name} is still trying to get clear; try again next round`);
    return passed(ship.value);
  },
  apply(state, _ctx, _seat, _order, ship) {
    const engagement = state.engagements.get(ship.engagement);
    if (!engagement) return;
    const foe = state.ships.get(engagement.attacker === ship.id ? engagement.defender : engagement.attacker);
    if (!foe || chance(state, breakOffChance(state, ship, foe))) {
      endEngagementOf(state, engagement.id);
      logEvent(state, "all", "engagement", `${ship.name} broke off the fight.`);
    } else {
      // One try per round: a failed attempt waits for the next exchange of fire.
      engagement.triedBreakOff.push(ship.id);
      logEvent(state, ship.seat, "engagement", `${ship.name} could not shake off ${foe.name}.`);
    }
  },
};
