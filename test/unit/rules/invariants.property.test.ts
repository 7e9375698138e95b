import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runAiSeats } from "../../../shared/ai/aiPlayers";
import { difficulties, type Difficulty } from "../../../shared/ai/difficulty";
import { ErrorCode } from "../../../shared/protocol/errorCodes";
import { orderSchema, type Order } from "../../../shared/protocol/orders";
import { applyOrder } from "../../../shared/rules/applyOrder";
import { createMatch, type Match } from "../../../shared/rules/match";
import { contactsNeeded, isContactCheckStep } from "../../../shared/rules/movement";
import { SHIP_BODY_RADIUS } from "../../../shared/rules/shipStats";
import { step } from "../../../shared/rules/step";
import { addSecondCell, dorvanFile, placement, scenarioOf } from "./rulesHelpers";

/**
 * Dorvan with a second cell: four seats to give orders from (with the spectator). Besides Dorvan's ships, a
 * Galor waits at Solosos III beside the first cell's raider and a Hideki at Dreon VII beside the second's,
 * and a fighter of the first cell lies in the Badlands, so fights, ambushes and going dark come early.
 */
const scenario = (() => {
  const file = dorvanFile();
  addSecondCell(file);
  file.forces.push(
    placement("galor-2", "galor", "occupier", "solosos-iii"),
    placement("hideki-2", "hideki", "occupier", "dreon-vii"),
    placement("fighter-x", "maquis-fighter", "cell-1", "athos-iv"),
  );
  return scenarioOf(file);
})();

const SEATS = ["cell-1", "cell-2", "occupier", "spectator"] as const;
const SYSTEM_IDS = [...scenario.map.systems.map((system) => system.id), "risa"];
const REFUSALS_FOR_A_STRANGER_SHIP: string[] = [
  ErrorCode.NotYourShip,
  ErrorCode.WrongSide,
  ErrorCode.SpectatorCannotOrder,
  ErrorCode.CellEliminated,
  ErrorCode.MatchOver,
];

/**
 * A ship named in a generated order: one of the ordering seat's own ships ("own"), any ship in play ("any"),
 * one of the other side's ships, nearest first to the ordering ship ("foe"), all picked when the order is
 * given; or a fixed id (scenario ships, ids the rules hand out, and ghosts).
 */
type ShipRef = { own: number } | { any: number } | { foe: number } | { id: string };
const shipRef: fc.Arbitrary<ShipRef> = fc.oneof(
  fc.nat().map((own) => ({ own })),
  fc.nat().map((any) => ({ any })),
  fc.constantFrom("raider-1", "raider-2", "patrol-1", "galor-1", "galor-2", "fighter-x", "ghost", "spectator").map((id) => ({ id })),
  fc.tuple(fc.constantFrom("convoy", "reinforcement", "fighter", "engagement"), fc.integer({ min: 1, max: 12 })).map(([prefix, n]) => ({ id: `${prefix}-${n}` })),
);

const system = fc.constantFrom(...SYSTEM_IDS);
const coordinate = fc.oneof(fc.integer({ min: -20, max: 1020 }), fc.double({ min: -20, max: 1020, noNaN: true }));
const shipOrderKinds = ["recruit", "agitate", "smuggle", "sabotage", "ambush", "evacuate", "goDark", "sweep", "garrison", "informants", "crackdown", "aid", "breakOff"] as const;
const cellRef = fc.constantFrom("cell-1", "cell-2", "occupier", "nowhere");
const amount = fc.integer({ min: 0, max: 30 });

/** An order of any kind, its ships still to be resolved against the match. */
type OrderTemplate = Record<string, unknown> & { kind: Order["kind"] };
const orderTemplate: fc.Arbitrary<OrderTemplate> = fc.oneof(
  fc.record({ kind: fc.constant("move" as const), ship: shipRef, to: fc.oneof(fc.record({ x: coordinate, y: coordinate }), fc.record({ system })) }),
  fc.record({ kind: fc.constant("patrol" as const), ship: shipRef, route: fc.array(system, { minLength: 2, maxLength: 5 }) }),
  fc.record({ kind: fc.constantFrom(...shipOrderKinds), ship: shipRef }),
  fc.record({ kind: fc.constant("raid" as const), ship: shipRef, target: fc.oneof(shipRef, fc.constant({ depot: true as const })) }),
  fc.record({ kind: fc.constant("smuggle" as const), ship: shipRef, goods: fc.constantFrom("arms" as const, "relief" as const) }),
  fc.record({ kind: fc.constant("transfer" as const), ship: shipRef, to: cellRef, supplies: amount, weapons: amount }),
  fc.record({ kind: fc.constant("strike" as const), ship: shipRef, target: fc.oneof(fc.record({ ship: shipRef }), fc.constant({ garrison: true as const })) }),
  fc.record({ kind: fc.constant("assault" as const), ship: shipRef, target: fc.oneof(fc.record({ ship: shipRef }), fc.record({ base: fc.constantFrom("cell-1", "cell-2", "occupier", "nowhere") })) }),
  fc.record({ kind: fc.constant("convoy" as const), from: system, to: system }),
  fc.constant({ kind: "reinforce" as const }),
  fc.record({ kind: fc.constant("chooseBase" as const), system }),
  fc.record({ kind: fc.constant("mark" as const), x: coordinate, y: coordinate, text: fc.constantFrom("here", "raid at dawn", "sweep this") }),
);

/** Orders a player of each side might really give: its own kinds of order, for its own ships, mostly to places that exist. */
const own = fc.nat().map((n): ShipRef => ({ own: n }));
const anyShip = fc.nat().map((n): ShipRef => ({ any: n }));
const foe = fc.oneof(fc.constant<ShipRef>({ foe: 0 }), fc.nat(3).map((n): ShipRef => ({ foe: n })), anyShip);
const maquisOrder: fc.Arbitrary<OrderTemplate> = fc.oneof(
  fc.record({ kind: fc.constantFrom("recruit", "agitate", "smuggle", "sabotage", "ambush", "evacuate", "goDark", "breakOff"), ship: own }),
  fc.record({ kind: fc.constant("raid" as const), ship: own, target: fc.oneof(foe, fc.constant({ depot: true as const })) }),
  fc.record({ kind: fc.constant("smuggle" as const), ship: own, goods: fc.constantFrom("arms" as const, "relief" as const) }),
  fc.record({ kind: fc.constant("transfer" as const), ship: own, to: cellRef, supplies: amount, weapons: amount }),
  fc.record({ kind: fc.constant("strike" as const), ship: own, target: fc.oneof(fc.record({ ship: foe }), fc.constant({ garrison: true as const })) }),
  fc.record({ kind: fc.constant("move" as const), ship: own, to: fc.record({ system }) }),
  fc.record({ kind: fc.constant("chooseBase" as const), system }),
);
const occupierOrder: fc.Arbitrary<OrderTemplate> = fc.oneof(
  fc.record({ kind: fc.constantFrom("sweep", "garrison", "informants", "crackdown", "aid", "breakOff"), ship: own }),
  fc.record({ kind: fc.constant("assault" as const), ship: own, target: fc.oneof(fc.record({ ship: foe }), fc.record({ base: fc.constantFrom("cell-1", "cell-2") })) }),
  fc.record({ kind: fc.constant("patrol" as const), ship: own, route: fc.array(system, { minLength: 2, maxLength: 4 }) }),
  fc.record({ kind: fc.constant("move" as const), ship: own, to: fc.oneof(fc.record({ system }), fc.record({ x: coordinate, y: coordinate })) }),
  fc.record({ kind: fc.constant("convoy" as const), from: system, to: system }),
  fc.constant({ kind: "reinforce" as const }),
);

type Command =
  | { type: "order"; seat: (typeof SEATS)[number]; order: OrderTemplate }
  | { type: "step"; count: number }
  /** Steps with the AI playing every seat at the given level, to carry the match into fights, raids and hunts. */
  | { type: "ai"; count: number; level: Difficulty };
const command: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: fc.record({ type: fc.constant("order" as const), seat: fc.constantFrom(...SEATS), order: orderTemplate }), weight: 3 },
  { arbitrary: fc.record({ type: fc.constant("order" as const), seat: fc.constantFrom("cell-1" as const, "cell-2" as const), order: maquisOrder }), weight: 2 },
  { arbitrary: fc.record({ type: fc.constant("order" as const), seat: fc.constant("occupier" as const), order: occupierOrder }), weight: 2 },
  { arbitrary: fc.record({ type: fc.constant("step" as const), count: fc.integer({ min: 1, max: 60 }) }), weight: 2 },
  { arbitrary: fc.record({ type: fc.constant("ai" as const), count: fc.integer({ min: 1, max: 80 }), level: fc.constantFrom(...difficulties) }), weight: 1 },
);

function isShipRef(value: unknown): value is ShipRef {
  return typeof value === "object" && value !== null && ("own" in value || "any" in value || "foe" in value || "id" in value);
}

function resolveShip(match: Match, seat: string, ref: ShipRef, actorId: string | undefined): string {
  if ("id" in ref) return ref.id;
  const ships = [...match.state.ships.values()];
  let ids: string[];
  let index: number;
  if ("foe" in ref) {
    const actor = actorId === undefined ? undefined : match.state.ships.get(actorId);
    const mySide = match.state.seats.get(seat)?.side;
    const from = actor ?? { x: 0, y: 0 };
    ids = ships
      .filter((ship) => ship.side !== mySide)
      .sort((a, b) => Math.hypot(a.x - from.x, a.y - from.y) - Math.hypot(b.x - from.x, b.y - from.y) || (a.id < b.id ? -1 : 1))
      .map((ship) => ship.id);
    index = ref.foe;
  } else {
    ids = ships.filter((ship) => !("own" in ref) || ship.seat === seat).map((ship) => ship.id);
    index = "own" in ref ? ref.own : ref.any;
  }
  return ids.length > 0 ? ids[index % ids.length]! : "ghost";
}

function resolve(match: Match, seat: string, template: OrderTemplate): Order {
  // The acting ship first: a "foe" target is chosen by its distance from it.
  const actor = isShipRef(template.ship) ? resolveShip(match, seat, template.ship, undefined) : undefined;
  const walk = (value: unknown): unknown => {
    if (isShipRef(value)) return resolveShip(match, seat, value, actor);
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, walk(field)]));
    return value;
  };
  return orderSchema.parse({ ...(walk(template) as object), ...(actor === undefined ? {} : { ship: actor }) });
}

function checkInvariants(match: Match, after: string, stepped = false): void {
  const { state, ctx } = match;
  for (const cell of state.cells.values())
    for (const [name, amount] of [["supplies", cell.supplies], ["weapons", cell.weapons], ["recruits", cell.recruits]] as const)
      expect(amount, `${cell.id} ${name} after ${after}`).toBeGreaterThanOrEqual(0);
  expect(state.occupier.requisition, `requisition after ${after}`).toBeGreaterThanOrEqual(0);
  expect(state.reputation, `reputation after ${after}`).toBeGreaterThanOrEqual(0);
  expect(state.reputation, `reputation after ${after}`).toBeLessThanOrEqual(100);
  for (const system of state.systems.values()) {
    expect(Number.isInteger(system.sympathy), `${system.id} sympathy ${system.sympathy} after ${after}`).toBe(true);
    expect(Math.abs(system.sympathy), `${system.id} sympathy after ${after}`).toBeLessThanOrEqual(2);
  }
  // One ship per id, in one place: the state and the physics world agree (the bodies are brought to the ships on each contact check).
  const world = ctx.world!;
  const ids = [...state.ships.keys()];
  expect(new Set(ids).size).toBe(ids.length);
  expect([...world.bodies.keys()].sort(), `bodies after ${after}`).toEqual([...ids].sort());
  expect(world.detector.bodies.length, `bodies in the detector after ${after}`).toBe(2 * ids.length);
  // Ambushes spring (and end the stance) after the check, so a stance still held now was held at the check.
  const checked = stepped && isContactCheckStep(state) && contactsNeeded(state);
  state.ships.forEach((ship, key) => {
    expect(ship.id).toBe(key);
    const bodies = world.bodies.get(ship.id)!;
    if (checked) {
      for (const body of [bodies.hull, bodies.sensor]) {
        expect(body.position.x, `${ship.id} body x after ${after}`).toBeCloseTo(ship.x, 9);
        expect(body.position.y, `${ship.id} body y after ${after}`).toBeCloseTo(ship.y, 9);
      }
      // A contact is never further than the exact circles touching, and only ever of the other side.
      for (const id of world.contacts.get(ship.id)!) {
        const target = state.ships.get(id)!;
        expect(target.side, `${ship.id} in contact with ${id} after ${after}`).not.toBe(ship.side);
        expect(Math.hypot(target.x - ship.x, target.y - ship.y), `${ship.id} in contact with ${id} after ${after}`).toBeLessThanOrEqual(bodies.sensorRadius + SHIP_BODY_RADIUS);
      }
    }
    if (ship.engagement !== "") {
      const engagement = state.engagements.get(ship.engagement);
      expect(engagement, `${ship.id}'s engagement after ${after}`).toBeDefined();
      expect([engagement!.attacker, engagement!.defender]).toContain(ship.id);
    }
  });
}

function play(seed: number, commands: Command[]): void {
  const match = createMatch(scenario, seed);
  const { state, ctx } = match;
  checkInvariants(match, "the start");
  for (const cmd of commands) {
    if (cmd.type !== "order") {
      for (let i = 0; i < cmd.count; i++) {
        if (cmd.type === "ai") runAiSeats(match, state.seats.keys(), { occupier: cmd.level, maquis: cmd.level });
        step(state, ctx);
        checkInvariants(match, `${cmd.type === "ai" ? "AI turn and " : ""}step to tick ${state.tick}`, true);
      }
      continue;
    }
    const order = resolve(match, cmd.seat, cmd.order);
    const owner = "ship" in order ? (state.ships.get(order.ship)?.seat ?? "(none)") : undefined;
    const before = JSON.stringify(state.toJSON());
    const result = applyOrder(state, cmd.seat, order, ctx);
    const label = `${cmd.seat}: ${JSON.stringify(order)}`;
    if (owner !== undefined && owner !== cmd.seat) {
      expect(result.ok, label).toBe(false);
      if (!result.ok) expect(REFUSALS_FOR_A_STRANGER_SHIP, label).toContain(result.code);
    }
    if (!result.ok) expect(JSON.stringify(state.toJSON()), `refused ${label} changed the state`).toBe(before);
    checkInvariants(match, label);
  }
}

describe("rules invariants under random orders and steps", () => {
  it("holdings never go negative, reputation and sympathy stay in range, ships stay single, strangers' orders change nothing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(command, { minLength: 1, maxLength: 40, size: "max" }), (seed, commands) => play(seed, commands)),
      { numRuns: 60 },
    );
  }, 60_000);

  it("the generators reach every order kind, every seat, and orders that are accepted", () => {
    // A run of the generators themselves: without this the property above could pass on orders that never get far.
    const samples = fc.sample(fc.tuple(fc.constantFrom(...SEATS), orderTemplate), { numRuns: 2000, seed: 42 });
    const kinds = new Set(samples.map(([, order]) => order.kind));
    expect(kinds.size).toBe(orderSchema.options.length);
    const match = createMatch(scenario, 1);
    let accepted = 0;
    let strangers = 0;
    for (const [seat, template] of samples.slice(0, 400)) {
      const order = resolve(match, seat, template);
      const owner = "ship" in order ? match.state.ships.get(order.ship)?.seat : undefined;
      if ("ship" in order && owner !== seat) strangers += 1;
      if (applyOrder(match.state, seat, order, match.ctx).ok) accepted += 1;
      step(match.state, match.ctx);
    }
    expect(accepted).toBeGreaterThan(10);
    expect(strangers).toBeGreaterThan(100);
  });
});
