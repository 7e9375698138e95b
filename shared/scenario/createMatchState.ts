import { MatchState, Region, Seat, Ship, StarSystem } from "../state/MatchState";
import type { Scenario } from "./scenarioSchema";

/** Builds the opening state of a match from a validated scenario. */
export function createMatchState(scenario: Scenario): MatchState {
  const state = new MatchState({
    scenarioId: scenario.id,
    title: scenario.title,
    year: scenario.year,
    mapWidth: scenario.map.width,
    mapHeight: scenario.map.height,
  });
  const systemPositions = new Map<string, { x: number; y: number }>();
  for (const system of scenario.map.systems) {
    state.systems.set(system.id, new StarSystem({ ...system }));
    systemPositions.set(system.id, { x: system.x, y: system.y });
  }
  for (const region of scenario.map.regions) {
    const entry = new Region({ id: region.id, name: region.name, kind: region.kind });
    for (const corner of region.outline) entry.outline.push(corner.x, corner.y);
    state.regions.push(entry);
  }
  for (const seat of scenario.seats) {
    state.seats.set(seat.id, new Seat({ id: seat.id, side: seat.side, name: seat.name }));
  }
  for (const placement of scenario.ships) {
    // Validation guarantees a named start system exists.
    const start = typeof placement.at === "string" ? systemPositions.get(placement.at)! : placement.at;
    const ship = new Ship({
      id: placement.id,
      name: placement.name,
      shipClass: placement.class,
      seat: placement.seat,
      x: start.x,
      y: start.y,
      destX: start.x,
      destY: start.y,
    });
    for (const stop of placement.route ?? []) ship.route.push(stop);
    state.ships.set(placement.id, ship);
  }
  return state;
}
