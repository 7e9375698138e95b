import type { Ship } from "../../state/MatchState";
import { ErrorCode } from "../../protocol/errorCodes";
import { refused } from "../orderResult";
import { passed, type Operation } from "./operation";
import { ownShip } from "./preconditions";

/** Move: send a ship to a point or a system. A direct order replaces a standing patrol route and any stance. */
export const move: Operation<"move", Ship> = {
  kind: "move",
  side: "any",
  cost: "free",
  check(state, seat, order) {
    const ship = ownShip(state, seat, order.ship);
    if (!ship.ok) return ship;
    if (ship.value.engagement !== "") return refused(ErrorCode.ShipEngaged, `${ship.value.name} is in a fight; break off first`);
    if (ship.value.convoy) return refused(ErrorCode.ConvoyOnRoute, `${ship.value.name} is a convoy and keeps to its route`);
    if ("system" in order.to) {
      if (!state.systems.has(order.to.system)) return refused(ErrorCode.UnknownSystem, `no system has the id "${order.to.system}"`);
    } else {
      const { x, y } = order.to;
      if (x < 0 || y < 0 || x > state.mapWidth || y > state.mapHeight)
        return refused(ErrorCode.OutsideMap, `that point (${Math.round(x)}, ${Math.round(y)}) lies off the ${state.mapWidth}×${state.mapHeight} map`);
    }
    return passed(ship.value);
  },
  apply(state, _ctx, _seat, order, ship) {
    const target = "system" in order.to ? state.systems.get(order.to.system)! : order.to;
    ship.destX = target.x;
    ship.destY = target.y;
    ship.destSystem = "system" in order.to ? order.to.system : "";
    ship.moving = true;
    ship.route.clear();
    ship.routeIndex = 0;
    // A ship on the move is no longer lying in wait or going dark.
    ship.stance = "";
    ship.darkHours = 0;
  },
};
