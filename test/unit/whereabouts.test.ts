import { describe, expect, it } from "vitest";
import { destinationsFor, whereabouts } from "../../client/ui/whereabouts";
import { effectiveSpeed } from "../../shared/rules/shipStats";
import { CELL, newMatch, OPEN_SPACE } from "./operations/support";

describe("where the ship list says a ship is", () => {
  it("names the system a ship is at, and the one it is near in open space", () => {
    const match = newMatch();
    expect(whereabouts(match.state, match.raider)).toBe("at Solosos III");
    match.place("raider-1", { x: 300, y: 340 });
    expect(whereabouts(match.state, match.raider)).toBe("holding near Solosos III");
    match.place("raider-1", OPEN_SPACE);
    expect(whereabouts(match.state, match.raider)).toMatch(/^holding (near \S|in open space)/);
  });

  it("a ship under way says where to and how many hours, at its speed now", () => {
    const match = newMatch();
    match.order(CELL, { kind: "move", ship: "raider-1", to: { system: "dorvan-v" } });
    const hours = Math.ceil(Math.hypot(520 - 300, 330 - 380) / effectiveSpeed(match.state, match.raider));
    expect(whereabouts(match.state, match.raider)).toBe(`to Dorvan V, ${hours} h`);
  });

  it("without the destination (another side's ship), only that it is under way", () => {
    const match = newMatch();
    match.order(CELL, { kind: "move", ship: "raider-1", to: { system: "dorvan-v" } });
    match.raider.destSystem = "";
    match.raider.destX = 0;
    match.raider.destY = 0;
    expect(whereabouts(match.state, match.raider)).toBe("under way at Solosos III");
  });

  it("as another side's view decodes it (the destination fields absent, not zero), only that it is under way", () => {
    const match = newMatch();
    match.order(CELL, { kind: "move", ship: "raider-1", to: { system: "dorvan-v" } });
    const hidden = new Set<PropertyKey>(["destSystem", "destX", "destY"]);
    const seen = new Proxy(match.raider, { get: (ship, key) => (hidden.has(key) ? undefined : Reflect.get(ship, key)) });
    expect(whereabouts(match.state, seen)).toBe("under way at Solosos III");
  });

  it("lists destinations nearest first, leaving out where the ship already is", () => {
    const match = newMatch();
    const list = destinationsFor(match.state, match.raider);
    expect(list.map((place) => place.id)).not.toContain("solosos-iii");
    expect(list.length).toBe(match.state.systems.size - 1);
    const hours = list.map((place) => place.hours);
    expect([...hours].sort((a, b) => a - b)).toEqual(hours);
    expect(hours[0]).toBeGreaterThan(0);
  });
});
