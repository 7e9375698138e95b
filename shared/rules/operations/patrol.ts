import type { Ship } from "../../state/MatchState";
import { ErrorCode } from "../../protocol/errorCodes";
import { refused } from "../orderResult";
import { occupierCosts } from "../tuning";
import { requireOccupier } from "./occupierOperation";
import { passed, type Operation } from "./operation";
import { ownShip } from "./preconditions";

/** Patrol: give a ship a standing route between systems, flown in a loop; its sensors sweep the way. */
export const patrol: Operation<"patrol", Ship> = {
  kind: "patrol",
  side: "occupier",
  cost: "free",
  check(state, seat, order) {
    const wrongSide = requireOccupier(state, seat);
    if (wrongSide) return wrongSide;
    const ship = ownShip(state, seat, order.ship);
    if (!ship.ok) return ship;
    if (ship.value.engagement !== "") return refused(ErrorCode.ShipEngaged, `${ship.value.name} is in a fight; break off first`);
    if (ship.value.convoy) return refused(ErrorCode.ConvoyOnRoute, `${ship.value.name} is a convoy and keeps to its route`);
    const unknown = order.route.find((id) => !state.systems.has(id));
    if (unknown) return refused(ErrorCode.UnknownSystem, `no system has the id "${unknown}"`);
    return passed(ship.value);
  },
  apply(state, _ctx, _seat, order, ship) {
    ship.route.clear();
    for (const stop of order.route) ship.route.push(stop);
    // Start from the end so the ship heads for the first stop next.
    ship.routeIndex = order.route.length - 1;
    ship.moving = false;
    state.occupier.requisition -= occupierCosts.patrol;
  },
};
