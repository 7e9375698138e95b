import { describe, expect, it } from "vitest";
import { applyEffect } from "../../../shared/rules/triggers";
import { createMatch } from "../../../shared/rules/match";
import { bundledScenario } from "../../support/scenarios";

describe("effects for special rules", () => {
  it("reveal gives a seat's hidden ships away; hide puts them underground again", () => {
    const { state, ctx } = createMatch(bundledScenario("dorvan-2370"), 1);
    const raider = state.ships.get("raider-1")!;
    expect(raider.underground).toBe(true);
    applyEffect(state, ctx, { kind: "reveal", seat: "cell-1" });
    expect(raider.underground).toBe(false);
    applyEffect(state, ctx, { kind: "hide", seat: "cell-1" });
    expect(raider.underground).toBe(true);
  });

  it("exposure moves a cell's heat within 0..100", () => {
    const { state, ctx } = createMatch(bundledScenario("dorvan-2370"), 1);
    const cell = state.cells.get("cell-1")!;
    applyEffect(state, ctx, { kind: "exposure", cell: "cell-1", by: 30 });
    expect(cell.exposure).toBe(30);
    applyEffect(state, ctx, { kind: "exposure", cell: "cell-1", by: 100 });
    expect(cell.exposure).toBe(100);
    applyEffect(state, ctx, { kind: "exposure", cell: "cell-1", by: -200 });
    expect(cell.exposure).toBe(0);
  });
});

describe("goals for special objectives", () => {
  it("garrison: met once the garrison at the system is down to the number", async () => {
    const { goalMet } = await import("../../../shared/rules/victory");
    const { state } = createMatch(bundledScenario("dorvan-2370"), 1);
    const bryma = state.systems.get("bryma")!;
    expect(goalMet(state, { kind: "garrison", system: "bryma", atMost: 0 })).toBe(false);
    bryma.garrison = 0;
    expect(goalMet(state, { kind: "garrison", system: "bryma", atMost: 0 })).toBe(true);
  });

  it("reach: met once the ship is at the system", async () => {
    const { goalMet } = await import("../../../shared/rules/victory");
    const { state } = createMatch(bundledScenario("dorvan-2370"), 1);
    expect(goalMet(state, { kind: "reach", ship: "raider-1", system: "dorvan-v" })).toBe(false);
    expect(goalMet(state, { kind: "reach", ship: "raider-1", system: "solosos-iii" })).toBe(true);
  });

  it("reach: not while an enemy warship holds the system or the ship is fighting there; a convoy does not hold it", async () => {
    const { goalMet } = await import("../../../shared/rules/victory");
    const { state } = createMatch(bundledScenario("dorvan-2370"), 1);
    const reachSolosos = { kind: "reach", ship: "raider-1", system: "solosos-iii" } as const;
    const solosos = state.systems.get("solosos-iii")!;
    const galor = state.ships.get("galor-1")!;
    galor.x = solosos.x + 3;
    galor.y = solosos.y;
    expect(goalMet(state, reachSolosos)).toBe(false);
    galor.convoy = true;
    expect(goalMet(state, reachSolosos)).toBe(true);
    galor.convoy = false;
    galor.x = solosos.x + 200;
    expect(goalMet(state, reachSolosos)).toBe(true);
    state.ships.get("raider-1")!.engagement = "engagement-1";
    expect(goalMet(state, reachSolosos)).toBe(false);
  });
});

describe("the occupier's own systems", () => {
  it("default to the Cardassian Union and the mirror powers, and follow the seat's controls when given", async () => {
    const { validateScenario } = await import("../../../shared/scenario/parseScenario");
    const { createMatchState } = await import("../../../shared/scenario/createMatchState");
    const { isOccupierSystem } = await import("../../../shared/rules/sides");
    const { scenarioFileText } = await import("../../support/scenarios");
    const file = JSON.parse(scenarioFileText("dorvan-2370"));
    const defaultState = createMatchState(bundledScenario("dorvan-2370"), 1);
    expect(isOccupierSystem(defaultState, { controller: "cardassia" })).toBe(true);
    expect(isOccupierSystem(defaultState, { controller: "federation" })).toBe(false);
    file.seats[1].controls = ["federation"];
    const result = validateScenario(file);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const state = createMatchState(result.scenario, 1);
    expect(isOccupierSystem(state, { controller: "federation" })).toBe(true);
    expect(isOccupierSystem(state, { controller: "cardassia" })).toBe(false);
  });
});
