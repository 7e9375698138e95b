import type { Order } from "../../shared/protocol/orders";
import { distance, systemAt } from "../../shared/rules/geometry";
import { maquisOperationKinds, occupierOperationKinds, operations } from "../../shared/rules/operations";
import { inSensorRange, isWarship } from "../../shared/rules/shipStats";
import { describeCost } from "../../shared/rules/operations/preconditions";
import { previewOrder } from "../../shared/rules/previewOrder";
import { isOccupierSystem } from "../../shared/rules/sides";
import { maquisCosts } from "../../shared/rules/tuning";
import type { MatchState, Ship } from "../../shared/state/MatchState";

/** One line of the operations panel: what the order is, what it costs, and whether the rules allow it now. */
export interface OperationChoice {
  kind: string;
  label: string;
  cost: string;
  order: Order | null;
  /** Why it cannot be given now, in the rules' own words; "" when it can. */
  refusal: string;
  /** What the server alone will decide when the order arrives ("whether …"); "" when this client's view settles it. */
  serverDecides: string;
}

const labels: Record<string, string> = {
  recruit: "Recruit",
  agitate: "Agitate",
  smuggle: "Smuggle arms",
  relief: "Run relief to the colonists",
  transfer: "Hand goods to a fellow cell",
  raid: "Raid a convoy or depot",
  sabotage: "Sabotage",
  ambush: "Lie in ambush",
  evacuate: "Evacuate colonists",
  goDark: "Go dark",
  strike: "Strike",
  patrol: "Patrol nearby systems",
  sweep: "Sweep",
  assault: "Assault",
  garrison: "Land a garrison",
  convoy: "Send a convoy from here",
  informants: "Pay informants",
  crackdown: "Crack down",
  aid: "Bring aid",
  reinforce: "Call reinforcements",
  breakOff: "Break off",
};

/** What "hand goods over" sends from the panel. */
const TRANSFER_PARCEL = { supplies: 5, weapons: 2 } as const;

function nearest<T extends { x: number; y: number }>(from: { x: number; y: number }, items: T[]): T | undefined {
  return [...items].sort((a, b) => distance(a, from) - distance(b, from))[0];
}

/** Picks the obvious target for an operation that needs one, from what this client can see. */
function orderFor(state: MatchState, kind: string, ship: Ship): Order | null {
  const visible = [...state.ships.values()].filter((other) => other.seat !== ship.seat);
  const here = systemAt(state, ship.x, ship.y);
  switch (kind) {
    case "raid": {
      const convoy = nearest(ship, visible.filter((other) => other.side === "occupier" && other.convoy && inSensorRange(state, ship, other)));
      if (convoy) return { kind: "raid", ship: ship.id, target: convoy.id };
      // No convoy in reach: the depot of the occupier system the ship is at, if any.
      return here && isOccupierSystem(state, here) ? { kind: "raid", ship: ship.id, target: { depot: true } } : { kind: "raid", ship: ship.id, target: "" };
    }
    case "relief":
      return { kind: "smuggle", ship: ship.id, goods: "relief" };
    case "transfer": {
      // The nearest fellow cell's ship; a fixed parcel until the panel lets the player pick amounts.
      const fellow = nearest(ship, visible.filter((other) => other.side === "maquis" && other.seat !== ship.seat));
      return { kind: "transfer", ship: ship.id, to: fellow?.seat ?? "", supplies: TRANSFER_PARCEL.supplies, weapons: TRANSFER_PARCEL.weapons };
    }
    case "strike": {
      const warship = nearest(ship, visible.filter((other) => isWarship(other) && inSensorRange(state, ship, other)));
      return warship ? { kind: "strike", ship: ship.id, target: { ship: warship.id } } : { kind: "strike", ship: ship.id, target: { garrison: true } };
    }
    case "assault": {
      const target = nearest(ship, visible.filter((other) => other.side === "maquis" && inSensorRange(state, ship, other)));
      if (target) return { kind: "assault", ship: ship.id, target: { ship: target.id } };
      const base = [...(state.occupier?.foundBases?.entries() ?? [])].find(([, systemId]) => systemId === here?.id)?.[0];
      return { kind: "assault", ship: ship.id, target: base ? { base } : { ship: "" } };
    }
    case "patrol": {
      const stops = [...state.systems.values()].sort((a, b) => distance(a, ship) - distance(b, ship)).slice(0, 3).map((system) => system.id);
      return { kind: "patrol", ship: ship.id, route: stops };
    }
    case "convoy": {
      if (!here) return { kind: "convoy", from: "", to: "" };
      const to = nearest(here, [...state.systems.values()].filter((system) => system.id !== here.id && isOccupierSystem(state, system)));
      return { kind: "convoy", from: here.id, to: to?.id ?? "" };
    }
    case "reinforce":
      return { kind: "reinforce" };
    default:
      return { kind, ship: ship.id } as Order;
  }
}

/** Every operation of the seat's side for the selected ship, each with its cost and the rules' verdict on this client's view. */
export function operationChoices(state: MatchState, seat: string, ship: Ship): OperationChoice[] {
  const side = state.seats.get(seat)?.side;
  const maquisChoices = maquisOperationKinds.flatMap((kind) => (kind === "smuggle" ? ["smuggle", "relief"] : [kind]));
  const kinds: readonly string[] = ship.engagement !== "" ? ["breakOff"] : side === "maquis" ? maquisChoices : side === "occupier" ? occupierOperationKinds : [];
  return kinds.map((kind) => {
    const order = orderFor(state, kind, ship);
    // The client's own view: the preview refuses only what the server will refuse, and says what it cannot know.
    const verdict = order ? previewOrder(state, seat, order) : { ok: false as const, message: "no target" };
    return {
      kind,
      label: labels[kind] ?? kind,
      cost: kind === "relief" ? describeCost(maquisCosts.relief) : kind === "smuggle" ? describeCost(maquisCosts.smuggle) : operations[kind as keyof typeof operations].cost,
      order: verdict.ok ? order : null,
      refusal: verdict.ok ? "" : verdict.message,
      serverDecides: verdict.ok ? (verdict.serverDecides ?? "") : "",
    };
  });
}
