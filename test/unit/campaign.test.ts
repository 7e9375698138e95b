import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../server/config";
import { loadScenarioLibrary } from "../../server/scenarioLibrary";
import { campaignSchema } from "../../shared/scenario/campaignSchema";

describe("the campaign", () => {
  const campaign = campaignSchema.parse(JSON.parse(readFileSync(join(repoRoot, "assets", "campaign.json"), "utf8")));
  const warnings: string[] = [];
  const library = loadScenarioLibrary(join(repoRoot, "assets", "scenarios"), (line) => warnings.push(line));

  it("names only scenarios that exist and validate, and every bundled scenario but the training ones is in it", () => {
    expect(warnings).toEqual([]);
    const named = campaign.eras.flatMap((era) => era.scenarios);
    expect(new Set(named).size).toBe(named.length);
    expect([...named].sort()).toEqual(library.list().filter((s) => !s.training).map((s) => s.id).sort());
  });

  it("lists the training scenarios first, under Training, and never as part of the history", () => {
    const [first, ...history] = library.campaign();
    expect(first).toMatchObject({ id: "training", title: "Training" });
    expect(first!.scenarios.map((s) => s.id)).toEqual(["training-2370"]);
    expect(first!.scenarios.every((s) => s.training === true && (s.tutorial?.steps.length ?? 0) > 0)).toBe(true);
    for (const era of history) for (const summary of era.scenarios) expect(summary.training).toBeUndefined();
  });

  it("warns about a campaign that names a training scenario, and still lists it under Training only", () => {
    const dir = mkdtempSync(join(tmpdir(), "maquis-campaign-"));
    try {
      mkdirSync(join(dir, "scenarios"));
      for (const id of ["training-2370", "dorvan-2370"]) copyFileSync(join(repoRoot, "assets", "scenarios", `${id}.json`), join(dir, "scenarios", `${id}.json`));
      writeFileSync(join(dir, "campaign.json"), JSON.stringify({ title: "T", eras: [{ id: "primary", title: "P", scenarios: ["training-2370", "dorvan-2370"] }] }));
      const lines: string[] = [];
      const eras = loadScenarioLibrary(join(dir, "scenarios"), (line) => lines.push(line)).campaign();
      expect(eras.map((era) => [era.id, era.scenarios.map((s) => s.id)])).toEqual([
        ["training", ["training-2370"]],
        ["primary", ["dorvan-2370"]],
      ]);
      expect(lines).toEqual(['campaign: primary: "training-2370" is a training scenario; it is listed under Training instead']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
    expect(eras.map((era) => era.id)).toEqual(["training", ...campaign.eras.map((era) => era.id)]);
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
