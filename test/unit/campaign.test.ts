import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../server/config";
import { loadScenarioLibrary } from "../../server/scenarioLibrary";
import { campaignSchema } from "../../shared/scenario/campaignSchema";

describe("the campaign", () => {
  const campaign = campaignSchema.parse(JSON.parse(readFileSync(join(repoRoot, "assets", "campaign.json"), "utf8")));
  const warnings: string[] = [];
  const library = loadScenarioLibrary(join(repoRoot, "assets", "scenarios"), (line) => warnings.push(line));

  it("names only scenarios that exist and validate, and every bundled scenario is in it", () => {
    expect(warnings).toEqual([]);
    const named = campaign.eras.flatMap((era) => era.scenarios);
    expect(new Set(named).size).toBe(named.length);
    expect([...named].sort()).toEqual(library.list().map((s) => s.id).sort());
  });

  it("has at least 7 primary, 3 mirror and 2 Reborn scenarios, each of its own universe", () => {
    const count = (id: string) => campaign.eras.find((era) => era.id === id)?.scenarios.length ?? 0;
    expect(count("primary")).toBeGreaterThanOrEqual(7);
    expect(count("mirror")).toBeGreaterThanOrEqual(3);
    expect(count("reborn")).toBeGreaterThanOrEqual(2);
    for (const era of campaign.eras) for (const id of era.scenarios) expect(library.get(id)?.universe).toBe(era.id);
  });

  it("the library groups scenarios by era in the campaign's order, with year and sources for the menu", () => {
    const eras = library.campaign();
    expect(eras.map((era) => era.id)).toEqual(campaign.eras.map((era) => era.id));
    for (const era of eras)
      for (const summary of era.scenarios) {
        expect(summary.year).toBeGreaterThan(2000);
        expect(summary.sources.length).toBeGreaterThan(0);
      }
  });

  it("gives the briefing screen each scenario's story, objectives by side and length at 1×", () => {
    const bryma = library.list().find((summary) => summary.id === "bryma-2370")!;
    expect(bryma.briefing).toContain("Bryma");
    expect(bryma.objectives.filter((objective) => objective.side === "maquis").map((objective) => objective.points)).toEqual([4, 1, 1]);
    expect(bryma.objectives.filter((objective) => objective.side === "occupier").length).toBe(3);
    // Four days at 0.0038 game hours a step and 10 steps a second: 96 / 0.0038 / 10 / 60 = 42.1 minutes.
    expect(bryma.lengthHours).toBe(96);
    expect(bryma.minutesAt1x).toBe(42);
    for (const summary of library.list()) expect(summary.minutesAt1x).toBeGreaterThan(0);
  });
});
