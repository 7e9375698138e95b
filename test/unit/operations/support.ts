/**
 * Shared set-up for the operation tests: a match on the bundled Dorvan scenario, ways to put ships
 * where a test needs them, a refusal check that proves nothing changed, and generator states that
 * give a chosen roll.
 */
import Matter from "matter-js";
import { expect } from "vitest";
import type { ErrorCode } from "../../../shared/protocol/errorCodes";
import type { Order, OrderKind, OrderOf } from "../../../shared/protocol/orders";
import { applyOrder, checkOrder } from "../../../shared/rules/applyOrder";
import { startEngagement } from "../../../shared/rules/engagements";
import { createMatch } from "../../../shared/rules/match";
import type { OrderResult } from "../../../shared/rules/orderResult";
import { random } from "../../../shared/rules/random";
import type { RulesContext } from "../../../shared/rules/rulesContext";
import { step } from "../../../shared/rules/step";
import type { Scenario } from "../../../shared/scenario/scenarioSchema";
import type { Cell, MatchState, Ship, StarSystem } from "../../../shared/state/MatchState";
import { quarterHourDorvan } from "../../support/scenarios";

export const CELL = "cell-1";
/** A second Maquis seat, present only in matches made with `secondCell: true`. */
export const OTHER_CELL = "cell-2";
export const OCCUPIER = "occupier";
export const SPECTATOR = "spectator";

/**
 * Landmarks of dorvan-2370 the tests lean on (checked in `newMatch`, so a changed scenario fails loudly):
 * - solosos-iii (300,380): Federation, population 15000, sympathy 1, no garrison, watched by nobody; raider-1 starts here.
 * - dorvan-v (520,330): Cardassian, population 400, sympathy 0, garrison 1, occupier intel 35.
 * - volan-iii (400,250): Cardassian, population 12000 (a crowded world), sympathy 1, a base candidate.
 * - umoth-viii (720,430) and juhraya (800,250): Cardassian, sympathy 0, no garrison, unwatched.
 * - athos-iv (120,300): uninhabited, inside the Badlands plasma storm, a base candidate.
 * - quatal-prime (640,640): where galor-1 (a Galor warship) starts; bryma (590,510): where patrol-1 (a Hideki) starts.
 */
export const OPEN_SPACE = { x: 300, y: 300 } as const;
/** Inside the Mekar Nebula, away from any system. */
export const IN_NEBULA = { x: 880, y: 420 } as const;

let scenarioCache: Scenario | undefined;
function dorvan(): Scenario {
  scenarioCache ??= quarterHourDorvan();
  return scenarioCache;
}

/** Dorvan with a second cell and its raider at Tracken II, for "another seat's ship". */
function withSecondCell(base: Scenario): Scenario {
  return {
    ...base,
    seats: [
      ...base.seats,
      {
        id: OTHER_CELL,
        side: "maquis",
        name: "Tracken cell",
        baseCandidates: ["tracken-ii", "dreon-vii"],
        start: { supplies: 50, weapons: 50, recruits: 5 },
      },
    ],
    forces: [...base.forces, { id: "raider-2", name: "Heron", class: "maquis-raider", seat: OTHER_CELL, at: "tracken-ii" }],
  };
}

export class TestMatch {
  constructor(
    readonly state: MatchState,
    readonly ctx: RulesContext,
  ) {}

  ship(id: string): Ship {
    const ship = this.state.ships.get(id);
    if (!ship) throw new Error(`no ship "${id}" in the match`);
    return ship;
  }

  system(id: string): StarSystem {
    const system = this.state.systems.get(id);
    if (!system) throw new Error(`no system "${id}" in the match`);
    return system;
  }

  cell(id = CELL): Cell {
    const cell = this.state.cells.get(id);
    if (!cell) throw new Error(`no cell "${id}" in the match`);
    return cell;
  }

  get raider(): Ship {
    return this.ship("raider-1");
  }

  get galor(): Ship {
    return this.ship("galor-1");
  }

  get patrol(): Ship {
    return this.ship("patrol-1");
  }

  /** Puts a ship at a system or a point, at rest: in the state and in the physics world alike. */
  place(shipId: string, at: string | { x: number; y: number }): Ship {
    const ship = this.ship(shipId);
    const point = typeof at === "string" ? this.system(at) : at;
    ship.x = point.x;
    ship.y = point.y;
    ship.destX = point.x;
    ship.destY = point.y;
    ship.moving = false;
    const bodies = this.ctx.world?.bodies.get(shipId);
    if (bodies) {
      Matter.Body.setPosition(bodies.hull, { x: point.x, y: point.y });
      Matter.Body.setPosition(bodies.sensor, { x: point.x, y: point.y });
    }
    return ship;
  }

  order(seat: string, order: Order): OrderResult {
    return applyOrder(this.state, seat, order, this.ctx);
  }

  check(seat: string, order: Order): OrderResult {
    return checkOrder(this.state, seat, order);
  }

  step(times = 1): void {
    for (let i = 0; i < times; i++) step(this.state, this.ctx);
  }

  snapshot(): string {
    return JSON.stringify(this.state.toJSON());
  }

  /** Starts an occupier convoy through the convoy order and returns its ship. */
  startConvoy(from: string, to: string): Ship {
    const before = new Set(this.state.ships.keys());
    this.state.occupier.requisition += 2;
    expectAccepted(this, OCCUPIER, { kind: "convoy", from, to });
    const id = [...this.state.ships.keys()].find((key) => !before.has(key));
    if (!id) throw new Error("the convoy order spawned no ship");
    return this.ship(id);
  }

  /** Opens a fight between two ships, as a strike or an ambush would. */
  engage(attackerId: string, defenderId: string): string {
    startEngagement(this.state, this.ship(attackerId), this.ship(defenderId));
    return this.ship(attackerId).engagement;
  }

  /** The text of log entries, newest last, optionally only one kind. */
  logTexts(kind?: string): string[] {
    return this.state.log.filter((entry) => kind === undefined || entry.kind === kind).map((entry) => entry.text);
  }
}

export function newMatch(options: { seed?: number; secondCell?: boolean } = {}): TestMatch {
  const scenario = options.secondCell ? withSecondCell(dorvan()) : dorvan();
  const { state, ctx } = createMatch(scenario, options.seed ?? 7);
  const match = new TestMatch(state, ctx);
  // The landmarks above, so a changed scenario fails here rather than in a puzzling way later.
  const solosos = match.system("solosos-iii");
  const dorvanV = match.system("dorvan-v");
  expect([solosos.population, solosos.sympathy, solosos.garrison, solosos.controller]).toEqual([15000, 1, 0, "federation"]);
  expect([dorvanV.population, dorvanV.sympathy, dorvanV.garrison, dorvanV.intelOccupier]).toEqual([400, 0, 1, 35]);
  expect([match.raider.x, match.raider.y, match.raider.underground]).toEqual([300, 380, true]);
  expect(match.cell()).toMatchObject({ supplies: 12, weapons: 4, recruits: 3, exposure: 0, baseChosen: false });
  expect([state.occupier.requisition, state.occupier.reinforcementsLeft, state.reputation]).toEqual([10, 2, 60]);
  return match;
}

export function expectAccepted(match: TestMatch, seat: string, order: Order): void {
  expect(match.order(seat, order)).toEqual({ ok: true });
}

/** The order is refused with `code`, and the whole synced state (generator included) is exactly as before. */
export function expectRefused(match: TestMatch, seat: string, order: Order, code: ErrorCode): void {
  const before = match.snapshot();
  const result = match.order(seat, order);
  expect(result).toMatchObject({ ok: false, code });
  if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
  expect(match.snapshot()).toBe(before);
}

/** The rolls a generator state gives next, worked out on a scratch copy (the match is not touched). */
export function rollsFrom(rngState: number, count = 1): number[] {
  const scratch = { rngState } as unknown as MatchState;
  return Array.from({ length: count }, () => random(scratch));
}

/** The first generator state, counting up from 1, whose next rolls satisfy `wanted`. */
export function rngStateWhere(wanted: (rolls: number[]) => boolean, count = 1): number {
  for (let rngState = 1; rngState < 1_000_000; rngState++) if (wanted(rollsFrom(rngState, count))) return rngState;
  throw new Error("no generator state gives those rolls");
}

/** A generator state whose next roll lies in [low, high). */
export const rollBetween = (low: number, high: number) => rngStateWhere(([roll]) => roll! >= low && roll! < high);
/**
 * A generator state whose next roll is just below `p` (so `chance(p)` succeeds). "Just" (within 0.05)
 * so that a test using it also fails if the rule's probability drops by more than that.
 */
export const rollBelow = (p: number) => rollBetween(Math.max(0, p - 0.05), p);
/** A generator state whose next roll is at or just above `p` (so `chance(p)` fails). */
export const rollAtLeast = (p: number) => rollBetween(p, Math.min(1, p + 0.05));

/**
 * For every order kind, a situation in which the order is accepted: the set-up it needs and the seat
 * and order to send. The common tests start from these and change one thing to get each refusal.
 */
export const acceptableOrders: { [K in OrderKind]: (match: TestMatch) => { seat: string; order: OrderOf<K> } } = {
  move: () => ({ seat: CELL, order: { kind: "move", ship: "raider-1", to: { system: "dorvan-v" } } }),
  patrol: () => ({ seat: OCCUPIER, order: { kind: "patrol", ship: "galor-1", route: ["juhraya", "umoth-viii"] } }),
  recruit: () => ({ seat: CELL, order: { kind: "recruit", ship: "raider-1" } }),
  agitate: (m) => {
    m.place("raider-1", "juhraya");
    return { seat: CELL, order: { kind: "agitate", ship: "raider-1" } };
  },
  smuggle: () => ({ seat: CELL, order: { kind: "smuggle", ship: "raider-1" } }),
  transfer: (m) => {
    m.place("raider-2", m.raider);
    return { seat: CELL, order: { kind: "transfer", ship: "raider-1", to: OTHER_CELL, supplies: 2, weapons: 1 } };
  },
  raid: (m) => {
    const convoy = m.startConvoy("umoth-viii", "juhraya");
    m.place("raider-1", { x: 720, y: 470 });
    return { seat: CELL, order: { kind: "raid", ship: "raider-1", target: convoy.id } };
  },
  sabotage: (m) => {
    m.place("raider-1", "dorvan-v");
    return { seat: CELL, order: { kind: "sabotage", ship: "raider-1" } };
  },
  ambush: (m) => {
    m.place("raider-1", "athos-iv");
    return { seat: CELL, order: { kind: "ambush", ship: "raider-1" } };
  },
  evacuate: (m) => {
    m.system("solosos-iii").doomedAt = m.state.hours + 48;
    return { seat: CELL, order: { kind: "evacuate", ship: "raider-1" } };
  },
  goDark: (m) => {
    m.raider.underground = false;
    return { seat: CELL, order: { kind: "goDark", ship: "raider-1" } };
  },
  strike: (m) => {
    m.place("raider-1", "dorvan-v");
    return { seat: CELL, order: { kind: "strike", ship: "raider-1", target: { garrison: true } } };
  },
  sweep: (m) => {
    m.place("patrol-1", "dorvan-v");
    return { seat: OCCUPIER, order: { kind: "sweep", ship: "patrol-1" } };
  },
  assault: (m) => {
    m.raider.underground = false;
    m.place("raider-1", { x: 640, y: 600 });
    return { seat: OCCUPIER, order: { kind: "assault", ship: "galor-1", target: { ship: "raider-1" } } };
  },
  garrison: (m) => {
    m.place("galor-1", "umoth-viii");
    return { seat: OCCUPIER, order: { kind: "garrison", ship: "galor-1" } };
  },
  convoy: () => ({ seat: OCCUPIER, order: { kind: "convoy", from: "hakton-vii", to: "juhraya" } }),
  informants: (m) => {
    m.place("galor-1", "juhraya");
    return { seat: OCCUPIER, order: { kind: "informants", ship: "galor-1" } };
  },
  crackdown: (m) => {
    m.place("galor-1", "dorvan-v");
    return { seat: OCCUPIER, order: { kind: "crackdown", ship: "galor-1" } };
  },
  aid: (m) => {
    m.place("galor-1", "dorvan-v");
    return { seat: OCCUPIER, order: { kind: "aid", ship: "galor-1" } };
  },
  reinforce: () => ({ seat: OCCUPIER, order: { kind: "reinforce" } }),
  mark: () => ({ seat: CELL, order: { kind: "mark", x: 600, y: 500, text: "Hit the convoy here at dawn" } }),
  breakOff: (m) => {
    m.place("raider-1", { x: 640, y: 600 });
    m.engage("raider-1", "galor-1");
    return { seat: CELL, order: { kind: "breakOff", ship: "raider-1" } };
  },
  chooseBase: (m) => {
    const other = [...m.cell().baseCandidates].find((id) => id !== m.cell().baseSystem)!;
    return { seat: CELL, order: { kind: "chooseBase", system: other } };
  },
};

/** Sets up the acceptable situation for `kind` and checks (without applying) that it really is accepted. */
export function acceptableSituation<K extends OrderKind>(match: TestMatch, kind: K): { seat: string; order: OrderOf<K> } {
  const situation = acceptableOrders[kind](match);
  expect(match.check(situation.seat, situation.order), `the baseline ${kind} order should pass`).toEqual({ ok: true });
  return situation;
}

export const allOrderKinds = Object.keys(acceptableOrders) as OrderKind[];

/** A match in which the order kind's acceptable situation can be set up (a transfer needs a fellow cell). */
export const matchFor = (kind: OrderKind): TestMatch => newMatch({ secondCell: kind === "transfer" });
