import { ErrorCode } from "../../protocol/errorCodes";
import { logEvent } from "../eventLog";
import { distance } from "../geometry";
import { refused } from "../orderResult";
import { AT_SYSTEM_RADIUS, maquisCosts } from "../tuning";
import { completeMaquis, prepareMaquis, type MaquisActor } from "./maquisOperation";
import { passed, type Operation } from "./operation";
import { canAfford } from "./preconditions";

/**
 * Transfer: hand supplies and weapons to a fellow cell. Cells share the movement's goals but not their
 * holds, so the goods go across in person: a ship of the receiving cell must be at the same place.
 * The check reads only what a Maquis player sees (seats, and the ships of fellow cells).
 */
export const transfer: Operation<"transfer", MaquisActor> = {
  kind: "transfer",
  side: "maquis",
  cost: "the goods handed over",
  check(state, seat, order) {
    const prepared = prepareMaquis(state, seat, order.ship, maquisCosts.transfer, false);
    if (!prepared.ok) return prepared;
    if (order.to === seat || state.seats.get(order.to)?.side !== "maquis") return refused(ErrorCode.InvalidTarget, "goods can go only to another Maquis cell");
    if (order.supplies + order.weapons === 0) return refused(ErrorCode.InvalidTarget, "name some supplies or weapons to hand over");
    const affordable = canAfford(prepared.actor.cell, { supplies: order.supplies, weapons: order.weapons });
    if (!affordable.ok) return affordable;
    const giver = prepared.actor.ship;
    const met = [...state.ships.values()].some((other) => other.seat === order.to && distance(other, giver) <= AT_SYSTEM_RADIUS);
    if (!met) return refused(ErrorCode.NoRendezvous, `${giver.name} must meet a ship of that cell to hand goods over`);
    return passed(prepared.actor);
  },
  apply(state, _ctx, seat, order, actor) {
    const receiver = state.cells.get(order.to);
    if (receiver) {
      actor.cell.supplies -= order.supplies;
      actor.cell.weapons -= order.weapons;
      receiver.supplies += order.supplies;
      receiver.weapons += order.weapons;
    }
    const goods = `${order.supplies} supplies and ${order.weapons} weapons`;
    const from = state.seats.get(seat)?.name ?? seat;
    const to = state.seats.get(order.to)?.name ?? order.to;
    logEvent(state, seat, "transfer", `${actor.ship.name} handed ${goods} to the ${to}.`);
    logEvent(state, order.to, "transfer", `The ${from} handed us ${goods}.`);
    completeMaquis(state, actor, "transfer", maquisCosts.transfer);
  },
};
