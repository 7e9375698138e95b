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
