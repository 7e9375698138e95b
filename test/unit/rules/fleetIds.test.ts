import { describe, expect, it } from "vitest";
import { applyOrder } from "../../../shared/rules/applyOrder";
import { spawnShip } from "../../../shared/rules/fleet";
import { at, matchOf, placement, quietScenario, ship, steps } from "./rulesHelpers";

describe("ids of ships the rules create", () => {
  it("a new convoy never takes the id of a scenario's ship: both stay in play, each with its own bodies", () => {
    // Scenario files may not use such ids (validation refuses them), but a ship can still hold one, e.g. in an old save.
    const match = matchOf(quietScenario());
    spawnShip(match.state, match.ctx, placement("convoy-1", "galor", "occupier", at.open));
    const { state } = match;
    const world = match.ctx.world!;
    expect(applyOrder(state, "occupier", { kind: "convoy", from: "bryma", to: "juhraya" }, match.ctx)).toEqual({ ok: true });
    expect(ship(match, "convoy-1").shipClass).toBe("galor");
    const convoys = [...state.ships.values()].filter((s) => s.convoy);
    expect(convoys).toHaveLength(1);
    expect(convoys[0]!.id).not.toBe("convoy-1");
    expect(state.ships.size).toBe(2);
    // One hull and one sensor body per ship, none left over.
    expect(world.detector.bodies).toHaveLength(2 * state.ships.size);
    expect([...world.bodies.keys()].sort()).toEqual([...state.ships.keys()].sort());
    steps(match, 5);
    expect(ship(match, "convoy-1").x).toBe(at.open.x);
  });

  it("a refit fighter never takes the id of a scenario's ship either", () => {
    const match = matchOf(quietScenario());
    spawnShip(match.state, match.ctx, placement("fighter-1", "galor", "occupier", at.open));
    const cell = match.state.cells.get("cell-1")!;
    cell.supplies = 10;
    cell.recruits = 3;
    steps(match, 96);
    expect(ship(match, "fighter-1").shipClass).toBe("galor");
    const fighters = [...match.state.ships.values()].filter((s) => s.seat === "cell-1");
    expect(fighters.map((s) => s.shipClass)).toEqual(["maquis-fighter"]);
    expect(match.ctx.world!.detector.bodies).toHaveLength(4);
  });
});
