import { describe, expect, it } from "vitest";
import { simulate } from "../../shared/rules/simulate";
import { bundledScenarioIds, loadBundledScenario } from "../../scripts/scenarioFiles";

describe("every bundled scenario plays to an outcome headless", () => {
  for (const id of bundledScenarioIds())
    it(id, () => {
      const { match } = simulate(loadBundledScenario(id)!, 11, { occupier: "normal", maquis: "normal" });
      expect(match.state.phase).toBe("ended");
      expect(["maquis", "occupier", "draw"]).toContain(match.state.winner);
      expect(match.state.endReason).not.toBe("");
    });
});
