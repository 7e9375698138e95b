import { ErrorCode } from "../../protocol/errorCodes";
import { logEvent } from "../eventLog";
import { newId, spawnShip } from "../fleet";
import { refused } from "../orderResult";
import { isOccupierSystem } from "../sides";
import { CONVOY_CARGO, MAX_ACTIVE_CONVOYS, occupierCosts } from "../tuning";
import { completeOccupier, requireOccupier } from "./occupierOperation";
import { passed, type Operation } from "./operation";
import { canRequisition } from "./preconditions";

/** Convoy: a freighter carries requisitioned goods between two of the occupier's systems; the Maquis' favourite prey. */
export const convoy: Operation<"convoy", void> = {
  kind: "convoy",
  side: "occupier",
  cost: `${occupierCosts.convoy} requisition (delivers ${CONVOY_CARGO})`,
  check(state, seat, order) {
    const wrongSide = requireOccupier(state, seat);
    if (wrongSide) return wrongSide;
    const affordable = canRequisition(state, occupierCosts.convoy);
    if (!affordable.ok) return affordable;
    for (const id of [order.from, order.to]) {
      const system = state.systems.get(id);
      if (!system) return refused(ErrorCode.UnknownSystem, `no system has the id "${id}"`);
      if (!isOccupierSystem(state, system)) return refused(ErrorCode.InvalidTarget, `${system.name} is not yours to run convoys from`);
    }
    if (order.from === order.to) return refused(ErrorCode.InvalidTarget, "a convoy needs two different systems");
    const active = [...state.ships.values()].filter((ship) => ship.convoy).length;
    if (active >= MAX_ACTIVE_CONVOYS) return refused(ErrorCode.TooManyConvoys, `${MAX_ACTIVE_CONVOYS} convoys are already under way`);
    return passed(undefined);
  },
  apply(state, ctx, seat, order) {
    const id = newId(state, "convoy");
    const ship = spawnShip(state, ctx, { id, name: `Convoy ${state.nextId - 1}`, class: "freighter", seat, at: order.from, route: [order.from, order.to] });
    ship.convoy = true;
    ship.cargo = CONVOY_CARGO;
    ship.routeIndex = 0;
    logEvent(state, seat, "convoy", `${ship.name} leaves ${state.systems.get(order.from)!.name} for ${state.systems.get(order.to)!.name}.`);
    completeOccupier(state, undefined, occupierCosts.convoy);
  },
};
