import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../../server/config";
import { aiSkillsFor, difficulties } from "../../../shared/ai/difficulty";
import { parseScenarioText } from "../../../shared/scenario/parseScenario";
import { summarizeScenario } from "../../../shared/scenario/scenarioSchema";
import { LOG_KINDS } from "../../../shared/scenario/tutorialSchema";
import { scenarioFileText } from "../../support/scenarios";

const ID = "training-2370";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("the training scenario", () => {
  const parsed = parseScenarioText(scenarioFileText(ID));
  const scenario = parsed.ok ? parsed.scenario : undefined;

  it("parses and validates in the current format, as a training scenario with a tutorial", () => {
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    expect(scenario!.training).toBe(true);
    expect(scenario!.title).toBe("Training: First Cell");
    expect(scenario!.seats.map((seat) => seat.side)).toEqual(["maquis", "occupier"]);
    // One base site, so the card may name it.
    expect(scenario!.seats[0]!.side === "maquis" && scenario!.seats[0]!.baseCandidates).toEqual(["athos-iv"]);
    expect(scenario!.map.systems.map((system) => system.id)).toHaveLength(6);
  });

  it("teaches in order: select, move, recruit, agitate, go dark, the sensor picture, a raid, the base, winning", () => {
    expect(scenario!.tutorial!.steps.map((step) => step.id)).toEqual(["select", "move", "recruit", "agitate", "go-dark", "sensors", "raid", "base", "win"]);
    for (const step of scenario!.tutorial!.steps) {
      expect(step.text.length, step.id).toBeLessThanOrEqual(120);
      expect(step.hint?.length ?? 0, step.id).toBeLessThanOrEqual(160);
    }
  });

  it("gives the menu and the match screen what they need: the training flag and the steps", () => {
    const summary = summarizeScenario(scenario!);
    expect(summary.training).toBe(true);
    expect(summary.tutorial?.steps.length).toBe(9);
    expect(summary.minutesAt1x).toBe(32);
    // A scenario without them says nothing of either.
    const dorvan = parseScenarioText(scenarioFileText("dorvan-2370"));
    const plain = summarizeScenario(dorvan.ok ? dorvan.scenario : scenario!);
    expect("training" in plain || "tutorial" in plain).toBe(false);
  });

  it("tames the occupier's AI at every level: it never chases, fires, cracks down, garrisons, searches or runs convoys", () => {
    const skills = aiSkillsFor(scenario!).occupier;
    for (const level of difficulties)
      expect(skills[level]).toMatchObject({ chaseRange: 0, crackdowns: "never", convoys: 0, garrisonTarget: 0, searchesSites: false, guardsTargets: false });
  });
});

describe("log kinds a tutorial step may wait for", () => {
  it("include every kind of line the rules write", () => {
    const written = new Set<string>();
    const unread: string[] = [];
    for (const path of sourceFiles(join(repoRoot, "shared"))) {
      const source = readFileSync(path, "utf8");
      for (const call of source.matchAll(/logEvent\(([^;]*?)\)\s*;/gs)) {
        const kind = /^[^,]+,[^,]+,\s*"([a-z]+)"/s.exec(call[1]!)?.[1];
        if (kind) written.add(kind);
        else unread.push(`${path}: ${call[0].slice(0, 80)}`);
      }
    }
    expect(unread).toEqual([]);
    expect(written.size).toBeGreaterThan(20);
    expect([...written].filter((kind) => !(LOG_KINDS as readonly string[]).includes(kind))).toEqual([]);
  });
});
