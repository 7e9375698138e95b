/** Small builders for rules tests: scenarios in the real file format, matches, and ways to place and step ships. */
import Matter from "matter-js";
import { HOURS_PER_TICK } from "../../../shared/rules/clock";
import { createMatch, type Match } from "../../../shared/rules/match";
import { step } from "../../../shared/rules/step";
import { validateScenario } from "../../../shared/scenario/parseScenario";
import type { Scenario } from "../../../shared/scenario/scenarioSchema";
import type { Ship } from "../../../shared/state/MatchState";
import { scenarioFileText } from "../../support/scenarios";

/** A scenario file as plain JSON, to edit before validating. */
export type ScenarioFile = Record<string, any>;

/** A fresh, editable copy of the bundled Dorvan file. */
export function dorvanFile(): ScenarioFile {
  const file = JSON.parse(scenarioFileText("dorvan-2370")) as ScenarioFile;
  // The rules tests count their steps in quarter hours (the campaign default), whatever pace the bundled file plays at.
  file.rules.hoursPerTick = HOURS_PER_TICK;
  return file;
}

/** Validates an edited file with the real scenario format; a test that builds a broken file fails here, naming the problem. */
export function scenarioOf(file: ScenarioFile): Scenario {
  const result = validateScenario(file);
  if (!result.ok) throw new Error(`test scenario does not validate:\n${result.problems.map((p) => `${p.path}: ${p.message}`).join("\n")}`);
  return result.scenario;
}

/**
 * Dorvan's map and seats with nothing else going on: no ships, no triggers, a long season. The caller
 * adds what the test needs (ships as placements, triggers, objectives) in the file format.
 */
function quietFile(edit?: (file: ScenarioFile) => void): ScenarioFile {
  const file = dorvanFile();
  file.forces = [];
  file.triggers = [];
  file.length = { days: 365 };
  // Objectives that hold whatever a test does to the colonies (emptying them would make count goals unreachable).
  file.objectives = [
    { id: "stay-alive", side: "maquis", text: "Keep the cell alive", points: 1, goal: { kind: "survive" } },
    { id: "find-the-base", side: "occupier", text: "Locate the base", points: 1, goal: { kind: "findBases", count: 1 } },
  ];
  edit?.(file);
  return file;
}

export function quietScenario(edit?: (file: ScenarioFile) => void): Scenario {
  return scenarioOf(quietFile(edit));
}

/** A second Maquis cell with its own raider, so "another seat's ship" can also be a fellow cell's. */
export function addSecondCell(file: ScenarioFile): void {
  file.seats.splice(1, 0, {
    id: "cell-2",
    side: "maquis",
    name: "Dreon cell",
    baseCandidates: ["dreon-vii", "tracken-ii"],
    start: { supplies: 12, weapons: 4, recruits: 3 },
  });
  file.forces.push({ id: "raider-2", name: "Bonaventure", class: "maquis-raider", seat: "cell-2", at: "dreon-vii" });
}

export function placement(id: string, shipClass: string, seat: string, at: string | { x: number; y: number }) {
  return { id, name: `Ship ${id}`, class: shipClass, seat, at };
}

export function matchOf(scenario: Scenario, seed = 1): Match {
  return createMatch(scenario, seed);
}

export function ship(match: Match, id: string): Ship {
  const found = match.state.ships.get(id);
  if (!found) throw new Error(`no ship "${id}" in the match`);
  return found;
}

export function steps(match: Match, count: number): void {
  for (let i = 0; i < count; i++) step(match.state, match.ctx);
}

/** Steps until the predicate holds (checked after each step); returns the number of steps, or throws after `max`. */
export function stepUntil(match: Match, predicate: () => boolean, max = 5000): number {
  for (let i = 1; i <= max; i++) {
    step(match.state, match.ctx);
    if (predicate()) return i;
  }
  throw new Error(`condition not reached in ${max} steps`);
}

/** Puts a ship somewhere at rest, in the state and in the physics world alike (a test's hand, not a rule). */
export function relocate(match: Match, shipId: string, x: number, y: number): void {
  const target = ship(match, shipId);
  target.x = x;
  target.y = y;
  target.destX = x;
  target.destY = y;
  target.moving = false;
  const bodies = match.ctx.world?.bodies.get(shipId);
  if (bodies) {
    Matter.Body.setPosition(bodies.hull, { x, y });
    Matter.Body.setPosition(bodies.sensor, { x, y });
    Matter.Body.setVelocity(bodies.hull, { x: 0, y: 0 });
    Matter.Body.setVelocity(bodies.sensor, { x: 0, y: 0 });
  }
}

export function sees(match: Match, observer: string, target: string): boolean {
  return match.ctx.world?.contacts.get(observer)?.has(target) ?? false;
}

/** Points on the Dorvan map by what lies there (checked in the movement tests). */
export const at = {
  /** Deep in the Badlands plasma storm (Athos IV, unpopulated, ungarrisoned). */
  storm: { x: 120, y: 300 },
  /** Inside the Mekar nebula, away from any system. */
  nebula: { x: 880, y: 420 },
  /** Open space north of the zone: no region, no system within 150 units. */
  open: { x: 500, y: 60 },
  /** Open space inside the zone, away from systems. */
  zone: { x: 400, y: 470 },
} as const;
