import { seedState, pick } from "../rules/random";
import { spawnShip } from "../rules/fleet";
import { DEFAULT_OCCUPIER_CONTROLLERS } from "../rules/sides";
import { Cell, MatchState, Objective, Region, Seat, StarSystem } from "../state/MatchState";
import { lengthInHours, type Scenario } from "./scenarioSchema";


/** Starting intel when the scenario leaves it out: the occupier knows its own colonies, the Maquis know their friends. */
function defaultIntel(owned: boolean, sympathy: number): { occupier: number; maquis: number } {
  return { occupier: Math.max(0, (owned ? 35 : 10) - sympathy * 8), maquis: Math.max(0, 20 + sympathy * 15) };
}

/**
 * Builds the opening state of a match from a validated scenario and a seed. What the scenario file
 * leaves open and must stay secret (where each cell hides its base) is decided here, by the seed.
 */
export function createMatchState(scenario: Scenario, seed: number): MatchState {
  const state = new MatchState({
    scenarioId: scenario.id,
    title: scenario.title,
    year: scenario.year,
    mapWidth: scenario.map.width,
    mapHeight: scenario.map.height,
    lengthHours: lengthInHours(scenario),
    hoursPerTick: scenario.rules.hoursPerTick,
    roundHours: scenario.rules.roundHours,
    maquisStanding: scenario.rules.maquisStanding,
    treaty: scenario.rules.treatyInForce,
    rngState: seedState(seed),
  });
  const occupierSeat = scenario.seats.find((seat) => seat.side === "occupier");
  const controls: readonly string[] = (occupierSeat?.side === "occupier" && occupierSeat.controls) || DEFAULT_OCCUPIER_CONTROLLERS;
  for (const controller of controls) state.occupierControllers.push(controller);
  for (const system of scenario.map.systems) {
    const intel = system.intel ?? defaultIntel(controls.includes(system.controller), system.sympathy);
    const { intel: _intel, ...fields } = system;
    state.systems.set(system.id, new StarSystem({ ...fields, intelOccupier: intel.occupier, intelMaquis: intel.maquis }));
  }
  for (const region of scenario.map.regions) {
    const entry = new Region({ id: region.id, name: region.name, kind: region.kind });
    for (const corner of region.outline) entry.outline.push(corner.x, corner.y);
    state.regions.push(entry);
  }
  for (const seat of scenario.seats) {
    state.seats.set(seat.id, new Seat({ id: seat.id, side: seat.side, name: seat.name }));
    if (seat.side === "maquis") {
      const cell = new Cell({ id: seat.id, ...seat.start, baseSystem: pick(state, seat.baseCandidates) });
      for (const candidate of seat.baseCandidates) cell.baseCandidates.push(candidate);
      state.cells.set(seat.id, cell);
    } else {
      state.occupier.requisition = seat.start.requisition;
      state.occupier.reinforcementsLeft = seat.reinforcements?.count ?? 0;
      state.reputation = seat.start.reputation;
    }
  }
  for (const objective of scenario.objectives)
    state.objectives.push(new Objective({ id: objective.id, side: objective.side, text: objective.text, points: objective.points }));
  // No physics world yet: createMovementWorld builds the bodies from the finished state.
  for (const placement of scenario.forces) spawnShip(state, { scenario, world: null }, placement);
  return state;
}
