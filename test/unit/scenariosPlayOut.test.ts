import { describe, expect, it } from "vitest";
import { difficulties } from "../../shared/ai/difficulty";
import { simulate } from "../../shared/rules/simulate";
import { bundledScenarioIds, loadBundledScenario } from "../../scripts/scenarioFiles";

describe("every bundled scenario plays to an outcome headless", () => {
  for (const id of bundledScenarioIds())
    for (const difficulty of difficulties)
      it(`${id} at ${difficulty}`, () => {
        const { match } = simulate(loadBundledScenario(id)!, 11, { occupier: difficulty, maquis: "normal" });
        expect(match.state.phase).toBe("ended");
        expect(["maquis", "occupier", "draw"]).toContain(match.state.winner);
        expect(match.state.endReason).not.toBe("");
      });
});
