import { describe, expect, it } from "vitest";
import { standingKey } from "../../client/render/standingKey";
import { createMatchState } from "../../shared/scenario/createMatchState";
import { bundledScenario } from "../support/scenarios";

describe("the colony-standing layer's redraw key", () => {
  it("stays the same while nothing it shows changes, and changes with sympathy, garrisons, an emptied colony, the base or the zoom", () => {
    const state = createMatchState(bundledScenario("dorvan-2370"), 1);
    const before = standingKey(state, "solosos-iii", 1);
    state.hours += 5;
    state.tick += 50;
    expect(standingKey(state, "solosos-iii", 1)).toBe(before);
    const colony = [...state.systems.values()].find((system) => system.population > 0 && system.sympathy < 2)!;
    const changes: (() => void)[] = [
      () => (colony.sympathy += 1),
      () => (colony.garrison += 1),
      () => (colony.population = 0),
    ];
    let last = before;
    for (const change of changes) {
      change();
      const next = standingKey(state, "solosos-iii", 1);
      expect(next).not.toBe(last);
      last = next;
    }
    expect(standingKey(state, "tracken-ii", 1)).not.toBe(last);
    expect(standingKey(state, "solosos-iii", 2)).not.toBe(last);
  });
});
