/**
 * Generated moments of play for comparing verdicts: a bundled scenario played for a while by the AI,
 * then pushed toward the corners the checks care about (ships beside other ships at about sensor
 * range, convoys under way, fights, found bases, doomed worlds, thin or full holds, busy ships), then
 * one more step so the sensors (matter-js contacts) catch up with where the ships now are.
 */
import fc from "fast-check";
import Matter from "matter-js";
import { runAiSeats } from "../../../shared/ai/aiPlayers";
import { difficulties, type Difficulty } from "../../../shared/ai/difficulty";
import { applyOrder } from "../../../shared/rules/applyOrder";
import { locateBase } from "../../../shared/rules/bases";
import { startEngagement } from "../../../shared/rules/engagements";
import { createMatch, type Match } from "../../../shared/rules/match";
import { sensorReach } from "../../../shared/rules/shipStats";
import { occupierSeatId } from "../../../shared/rules/sides";
import { step } from "../../../shared/rules/step";
import type { Ship } from "../../../shared/state/MatchState";
import { bundledScenarioIds, loadBundledScenario } from "../../../scripts/scenarioFiles";

/** Every bundled scenario: they differ in maps, seats (one cell or several), ship classes and clocks. */
const SCENARIO_IDS = bundledScenarioIds();

/** One push toward a corner of the rules; indices pick among what the match has (modulo its size). */
export type Tweak =
  | { kind: "atSystem"; ship: number; system: number }
  /** In the middle of a storm, a nebula or another region (cover for ambushes and going dark). */
  | { kind: "inRegion"; ship: number; region: number }
  /** Beside another ship, at `reach` times that ship's sensor reach: in its range at 1 or below, out of it above. */
  | { kind: "beside"; ship: number; other: number; reach: number; angle: number }
  | { kind: "holdings"; cell: number; supplies: number; weapons: number; recruits: number }
  | { kind: "requisition"; amount: number }
  | { kind: "underground"; ship: number; value: boolean }
  | { kind: "busy"; ship: number; hours: number }
  | { kind: "convoy"; from: number; to: number }
  | { kind: "fight"; ship: number; other: number }
  | { kind: "baseFound"; cell: number }
  | { kind: "baseChosen"; cell: number; value: boolean }
  | { kind: "doom"; system: number; inHours: number }
  | { kind: "colony"; system: number; sympathy: number; garrison: number; intelOccupier: number; intelMaquis: number }
  | { kind: "recently"; system: number; swept: boolean; aided: boolean };

export interface Situation {
  scenario: string;
  seed: number;
  /** Steps of AI play before the tweaks (0: the opening position). */
  warmup: number;
  level: Difficulty;
  tweaks: Tweak[];
}

const index = fc.nat(40);
const tweak: fc.Arbitrary<Tweak> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("atSystem" as const), ship: index, system: index }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("inRegion" as const), ship: index, region: index }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("beside" as const),
      ship: index,
      other: index,
      reach: fc.oneof(fc.double({ min: 0, max: 1.6, noNaN: true }), fc.double({ min: 0.97, max: 1.03, noNaN: true }), fc.constant(0)),
      angle: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("holdings" as const),
      cell: index,
      supplies: fc.integer({ min: 0, max: 30 }),
      weapons: fc.integer({ min: 0, max: 15 }),
      recruits: fc.integer({ min: 0, max: 8 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("requisition" as const), amount: fc.integer({ min: 0, max: 20 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("underground" as const), ship: index, value: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("busy" as const), ship: index, hours: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 12, noNaN: true })) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("convoy" as const), from: index, to: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("fight" as const), ship: index, other: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("baseFound" as const), cell: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("baseChosen" as const), cell: index, value: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("doom" as const), system: index, inHours: fc.integer({ min: -10, max: 200 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("colony" as const),
      system: index,
      sympathy: fc.integer({ min: -2, max: 2 }),
      garrison: fc.integer({ min: 0, max: 4 }),
      intelOccupier: fc.integer({ min: 0, max: 100 }),
      intelMaquis: fc.integer({ min: 0, max: 100 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("recently" as const), system: index, swept: fc.boolean(), aided: fc.boolean() }) },
);

export const situation: fc.Arbitrary<Situation> = fc.record({
  scenario: fc.constantFrom(...SCENARIO_IDS),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  warmup: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 160 })),
  level: fc.constantFrom(...difficulties),
  tweaks: fc.array(tweak, { maxLength: 14 }),
});

function nth<T>(items: Iterable<T>, at: number): T | undefined {
  const list = [...items];
  return list.length === 0 ? undefined : list[at % list.length];
}

/** Puts a ship at a point, at rest, in the state and in the physics world alike. */
function place(match: Match, ship: Ship, point: { x: number; y: number }): void {
  const x = Math.min(match.state.mapWidth, Math.max(0, point.x));
  const y = Math.min(match.state.mapHeight, Math.max(0, point.y));
  Object.assign(ship, { x, y, destX: x, destY: y, destSystem: "", moving: false });
  const bodies = match.ctx.world?.bodies.get(ship.id);
  if (bodies) for (const body of [bodies.hull, bodies.sensor]) Matter.Body.setPosition(body, { x, y });
}

function applyTweak(match: Match, t: Tweak): void {
  const { state } = match;
  const ships = () => state.ships.values();
  switch (t.kind) {
    case "atSystem": {
      const ship = nth(ships(), t.ship);
      const system = nth(state.systems.values(), t.system);
      if (ship && system) place(match, ship, system);
      return;
    }
    case "inRegion": {
      const ship = nth(ships(), t.ship);
      const region = nth(state.regions.values(), t.region);
      if (!ship || !region || region.outline.length < 2) return;
      // The outline's average point: inside the convex regions the scenarios draw.
      const xs = region.outline.filter((_, i) => i % 2 === 0);
      const ys = region.outline.filter((_, i) => i % 2 === 1);
      place(match, ship, { x: xs.reduce((a, b) => a + b, 0) / xs.length, y: ys.reduce((a, b) => a + b, 0) / ys.length });
      return;
    }
    case "beside": {
      const ship = nth(ships(), t.ship);
      const other = nth(ships(), t.other);
      if (!ship || !other || ship === other) return;
      const reach = t.reach * sensorReach(state, other);
      place(match, ship, { x: other.x + Math.cos(t.angle) * reach, y: other.y + Math.sin(t.angle) * reach });
      return;
    }
    case "holdings": {
      const cell = nth(state.cells.values(), t.cell);
      if (cell) Object.assign(cell, { supplies: t.supplies, weapons: t.weapons, recruits: t.recruits });
      return;
    }
    case "requisition":
      state.occupier.requisition = t.amount;
      return;
    case "underground": {
      const ship = nth(ships(), t.ship);
      if (ship?.side === "maquis") ship.underground = t.value;
      return;
    }
    case "busy": {
      const ship = nth(ships(), t.ship);
      if (ship) ship.readyAt = state.hours + t.hours;
      return;
    }
    case "convoy": {
      // Through the order itself, so the convoy is exactly what play makes.
      const from = nth(state.systems.keys(), t.from);
      const to = nth(state.systems.keys(), t.to);
      const occupier = occupierSeatId(state);
      if (!from || !to || !occupier) return;
      state.occupier.requisition += 4;
      applyOrder(state, occupier, { kind: "convoy", from, to }, match.ctx);
      return;
    }
    case "fight": {
      const ship = nth(ships(), t.ship);
      const other = nth(ships(), t.other);
      if (ship && other && ship.side !== other.side && ship.engagement === "" && other.engagement === "") startEngagement(state, ship, other);
      return;
    }
    case "baseFound": {
      const cell = nth(state.cells.values(), t.cell);
      if (cell) locateBase(state, cell, "a generated tip-off");
      return;
    }
    case "baseChosen": {
      const cell = nth(state.cells.values(), t.cell);
      if (cell) cell.baseChosen = t.value;
      return;
    }
    case "doom": {
      const system = nth(state.systems.values(), t.system);
      if (system) system.doomedAt = t.inHours < 0 ? -1 : state.hours + t.inHours;
      return;
    }
    case "colony": {
      const system = nth(state.systems.values(), t.system);
      if (system) Object.assign(system, { sympathy: t.sympathy, garrison: t.garrison, intelOccupier: t.intelOccupier, intelMaquis: t.intelMaquis });
      return;
    }
    case "recently": {
      const system = nth(state.systems.values(), t.system);
      if (!system) return;
      if (t.swept) system.sweptAt = state.hours;
      if (t.aided) system.aidedAt = state.hours;
      return;
    }
  }
}

/** The match the situation describes, ready to be looked at by each seat. */
export function playSituation(s: Situation): Match {
  const scenario = loadBundledScenario(s.scenario);
  if (!scenario) throw new Error(`no bundled scenario "${s.scenario}"`);
  const match = createMatch(scenario, s.seed);
  const settings = { occupier: s.level, maquis: s.level };
  for (let i = 0; i < s.warmup && match.state.phase === "playing"; i++) {
    runAiSeats(match, match.state.seats.keys(), settings);
    step(match.state, match.ctx);
  }
  for (const t of s.tweaks) applyTweak(match, t);
  step(match.state, match.ctx);
  return match;
}
