import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { difficultyLine, difficultySentence } from "../../client/ui/difficultyWords";
import { repoRoot } from "../../server/config";
import { loadScenarioLibrary } from "../../server/scenarioLibrary";
import { difficultyFromBalance, difficultyFromScore, sideScore, type WinRate } from "../../shared/scenario/difficultySchema";

/** The normal-against-normal row of each scenario in docs/balance.md (the "occupier normal" row: the Maquis AI is at normal there too). */
function normalRows(): Map<string, WinRate> {
  const rows = new Map<string, WinRate>();
  for (const line of readFileSync(join(repoRoot, "docs", "balance.md"), "utf8").split("\n")) {
    const cells = line.split("|").map((cell) => cell.trim());
    if (cells[2] !== "occupier normal") continue;
    const percent = (cell: string) => Number(cell.replace(/%$/, ""));
    rows.set(cells[1]!, { maquis: percent(cells[3]!), occupier: percent(cells[4]!), draw: percent(cells[5]!) });
  }
  return rows;
}

describe("a scenario's difficulty label", () => {
  it("comes from a side's wins plus half its draws: gentle above 60%, hard below 40%, fair between", () => {
    expect(sideScore({ maquis: 66, occupier: 4, draw: 30 }, "maquis")).toBe(81);
    expect(sideScore({ maquis: 66, occupier: 4, draw: 30 }, "occupier")).toBe(19);
    expect([60.5, 60, 50, 40, 39.5].map(difficultyFromScore)).toEqual(["gentle", "fair", "fair", "fair", "hard"]);
    expect(difficultyFromBalance({ maquis: 38, occupier: 22, draw: 40 })).toEqual({ maquis: "fair", occupier: "fair" });
    expect(difficultyFromBalance({ maquis: 66, occupier: 34, draw: 0 })).toEqual({ maquis: "gentle", occupier: "hard" });
  });

  it("is set on every bundled scenario but the training, as the rule reads docs/balance.md (re-label after `npm run balance -- --all`)", () => {
    const warnings: string[] = [];
    const summaries = loadScenarioLibrary(join(repoRoot, "assets", "scenarios"), (line) => warnings.push(line)).list();
    expect(warnings).toEqual([]);
    const rows = normalRows();
    const rated = summaries.filter((summary) => !summary.training);
    expect([...rows.keys()].sort()).toEqual(rated.map((summary) => summary.id).sort());
    for (const summary of rated) expect([summary.id, summary.difficulty]).toEqual([summary.id, difficultyFromBalance(rows.get(summary.id)!)]);
    // The measured labels are not all alike, so the menu tells the scenarios apart.
    expect(new Set(rated.map((summary) => JSON.stringify(summary.difficulty))).size).toBeGreaterThan(1);
  });
});

describe("the difficulty in words", () => {
  it("names one label for both sides when they agree, each side's when they differ", () => {
    expect(difficultyLine({ difficulty: { maquis: "fair", occupier: "fair" } })).toBe("Fair for either side");
    expect(difficultyLine({ difficulty: { maquis: "gentle", occupier: "hard" } })).toBe("Gentle as the Maquis, hard as the occupier");
    expect(difficultySentence({ difficulty: { maquis: "hard", occupier: "gentle" } })).toBe(
      "Against the AI at normal: hard as the Maquis, gentle as the occupier (measured with the AI playing in your seat).",
    );
  });

  it("marks a training scenario as training, whatever labels it carries, and says so when nothing was measured", () => {
    expect(difficultyLine({ training: true })).toBe("Training: a guided lesson, not a contest");
    expect(difficultyLine({ training: true, difficulty: { maquis: "hard", occupier: "hard" } })).toBe("Training: a guided lesson, not a contest");
    expect(difficultySentence({ training: true })).toBe("Training: a guided lesson, not a contest.");
    expect(difficultyLine({})).toBe("Difficulty not measured yet");
    expect(difficultySentence({})).toBe("How hard this scenario is has not been measured yet.");
  });
});
