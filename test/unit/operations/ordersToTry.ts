/**
 * The orders to put to both verdicts for one seat: every kind of order, from each of the seat's ships
 * (and from a ship that is not its own, and one that does not exist), at every ship in play as a
 * target, hidden ones included: the server knows them, the seat may not.
 */
import type { Order } from "../../../shared/protocol/orders";
import type { MatchState } from "../../../shared/state/MatchState";
import { operations } from "../../../shared/rules/operations";

/** The free parts of orders (amounts, points, systems): generated, so they vary between runs. */
export interface OrderDetails {
  supplies: number;
  weapons: number;
  point: { x: number; y: number };
  system: number;
  otherSystem: number;
}

/** Order kinds given by a ship and naming nothing else. */
const shipOnly = ["recruit", "agitate", "sabotage", "ambush", "evacuate", "goDark", "sweep", "garrison", "informants", "crackdown", "aid", "breakOff"] as const;

export function ordersToTry(state: MatchState, seat: string, details: OrderDetails): Order[] {
  const ships = [...state.ships.values()];
  const shipIds = [...ships.map((ship) => ship.id), "ghost"];
  const systemIds = [...state.systems.keys()];
  const system = systemIds[details.system % systemIds.length]!;
  const otherSystem = systemIds[details.otherSystem % systemIds.length]!;
  const seatIds = [...state.seats.keys(), "nowhere"];
  const stranger = ships.find((ship) => ship.seat !== seat)?.id;
  const actors = [...ships.filter((ship) => ship.seat === seat).map((ship) => ship.id), ...(stranger ? [stranger] : []), "ghost"];
  const offMap = { x: state.mapWidth + 10, y: -5 };

  const orders: Order[] = [];
  for (const ship of actors) {
    orders.push({ kind: "move", ship, to: { system } }, { kind: "move", ship, to: details.point }, { kind: "move", ship, to: offMap });
    orders.push({ kind: "patrol", ship, route: [system, otherSystem] }, { kind: "patrol", ship, route: [system, "nowhere"] });
    for (const kind of shipOnly) orders.push({ kind, ship } as Order);
    orders.push({ kind: "smuggle", ship }, { kind: "smuggle", ship, goods: "arms" }, { kind: "smuggle", ship, goods: "relief" });
    for (const to of seatIds) {
      orders.push({ kind: "transfer", ship, to, supplies: details.supplies, weapons: details.weapons });
      orders.push({ kind: "transfer", ship, to, supplies: 0, weapons: 0 });
    }
    orders.push({ kind: "raid", ship, target: { depot: true } }, { kind: "strike", ship, target: { garrison: true } });
    for (const target of shipIds) {
      orders.push({ kind: "raid", ship, target }, { kind: "strike", ship, target: { ship: target } }, { kind: "assault", ship, target: { ship: target } });
    }
    for (const base of seatIds) orders.push({ kind: "assault", ship, target: { base } });
  }
  // Convoys from every system, so those between two of the occupier's own come up.
  for (const from of systemIds) orders.push({ kind: "convoy", from, to: system }, { kind: "convoy", from, to: otherSystem });
  orders.push({ kind: "reinforce" });
  const candidates = [...(state.cells.get(seat)?.baseCandidates ?? [])];
  for (const site of [...candidates, system]) orders.push({ kind: "chooseBase", system: site });
  orders.push({ kind: "mark", x: details.point.x, y: details.point.y, text: "here" }, { kind: "mark", x: offMap.x, y: offMap.y, text: "there" });
  return orders;
}

/** Every kind ordersToTry can produce, to check that the list misses none. */
export const everyOrderKind = Object.keys(operations);
