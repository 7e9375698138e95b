import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../server/config";
import { loadScenarioLibrary } from "../../server/scenarioLibrary";
import { aiSkillsFor, maquisAiSkill, occupierAiSkill } from "../../shared/ai/difficulty";
import { classOf } from "../../shared/rules/shipStats";
import { createMatchState } from "../../shared/scenario/createMatchState";
import { MAX_SCENARIO_BYTES, parseScenarioText, validateScenario } from "../../shared/scenario/parseScenario";
import { bundledScenario, scenarioFileText } from "../support/scenarios";

const problemsOf = (value: unknown) => {
  const result = typeof value === "string" ? parseScenarioText(value) : validateScenario(value);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};

const dorvan = () => JSON.parse(scenarioFileText("dorvan-2370"));

describe("scenario files", () => {
  it("every bundled scenario validates", () => {
    const files = readdirSync(join(repoRoot, "assets", "scenarios")).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(problemsOf(scenarioFileText(file.replace(/\.json$/, "")))).toEqual([]);
  });

  it("loads Dorvan into the match state: systems, regions, seats, ships at their start systems", () => {
    const state = createMatchState(bundledScenario("dorvan-2370"), 1);
    expect(state.systems.size).toBeGreaterThanOrEqual(8);
    expect(state.systems.size).toBeLessThanOrEqual(12);
    expect(state.regions.find((r) => r.id === "badlands")?.kind).toBe("plasma-storm");
    expect([...state.seats.keys()]).toEqual(["cell-1", "occupier"]);
    const raider = state.ships.get("raider-1")!;
    const solosos = state.systems.get("solosos-iii")!;
    expect([raider.x, raider.y]).toEqual([solosos.x, solosos.y]);
    expect([...state.ships.get("patrol-1")!.route]).toEqual(["bryma", "dorvan-v", "hakton-vii", "umoth-viii"]);
  });

  it("starts a force already hurt when the file gives its hull share, whole otherwise", () => {
    const file = dorvan();
    file.forces[0].hull = 0.5;
    const result = validateScenario(file);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const state = createMatchState(result.scenario, 1);
    const hurt = state.ships.get(file.forces[0].id)!;
    expect(hurt.hull).toBe(classOf(hurt).hull / 2);
    const whole = state.ships.get(file.forces[1].id)!;
    expect(whole.hull).toBe(classOf(whole).hull);
    for (const bad of [0, 1.5, "half"]) {
      file.forces[0].hull = bad;
      expect(problemsOf(file).some((problem) => problem.startsWith("forces.0.hull: "))).toBe(true);
    }
  });

  it("lays a scenario's own AI tuning over the game's level tables, field by field, and refuses what is not a skill", () => {
    const file = dorvan();
    file.ai = { occupier: { hard: { garrisonTarget: 2, chaseRange: 250 } }, maquis: { easy: { thinkEveryHours: 16 } } };
    const result = validateScenario(file);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const skills = aiSkillsFor(result.scenario);
    expect(skills.occupier.hard).toEqual({ ...occupierAiSkill.hard, garrisonTarget: 2, chaseRange: 250 });
    expect(skills.occupier.normal).toEqual(occupierAiSkill.normal);
    expect(skills.maquis.easy).toEqual({ ...maquisAiSkill.easy, thinkEveryHours: 16 });
    expect(aiSkillsFor(bundledScenario("dorvan-2370")).occupier.hard).toEqual(occupierAiSkill.hard);
    file.ai = { occupier: { hard: { garrisonTarget: -1 }, brutal: {} }, maquis: { easy: { seesEverything: true } } };
    const problems = problemsOf(file);
    expect(problems.some((problem) => problem.startsWith("ai.occupier.hard.garrisonTarget: "))).toBe(true);
    expect(problems.some((problem) => problem.startsWith("ai.occupier") && problem.includes("brutal"))).toBe(true);
    expect(problems.some((problem) => problem.startsWith("ai.maquis.easy") && problem.includes("seesEverything"))).toBe(true);
  });

  it("names the field and the problem for out-of-range and wrongly typed values", () => {
    const file = dorvan();
    file.map.systems[3].sympathy = 5;
    file.year = "2370";
    file.universe = "alternate";
    const problems = problemsOf(file);
    expect(problems).toContain("map.systems.3.sympathy: must be between -2 and 2");
    expect(problems.some((p) => p.startsWith("year: "))).toBe(true);
    expect(problems.some((p) => p.startsWith("universe: "))).toBe(true);
  });

  it("reports broken cross-references: duplicate ids, unknown classes, seats and systems, off-map pieces", () => {
    const file = dorvan();
    file.map.systems[1].id = file.map.systems[0].id;
    file.forces[0].class = "warbird";
    file.forces[0].seat = "cell-7";
    file.forces[1].route[1] = "risa";
    file.forces[2].at = { x: 1200, y: 10 };
    const problems = problemsOf(file);
    expect(problems).toContain('map.systems.1.id: "dorvan-v" is used by another system');
    expect(problems.some((p) => p.startsWith('forces.0.class: unknown ship class "warbird"'))).toBe(true);
    expect(problems).toContain('forces.0.seat: no seat has the id "cell-7"');
    expect(problems).toContain('forces.1.route.1: no system has the id "risa"');
    expect(problems).toContain("forces.2.at: lies outside the 1000×700 map");
  });

  it("refuses ship ids the game reserves for the ships it creates", () => {
    const file = dorvan();
    file.forces[0].id = "convoy-1";
    expect(problemsOf(file)).toContain('forces.0.id: "convoy-1" looks like an id the game gives the ships it creates; choose another');
  });

  it("rejects unknown fields rather than silently ignoring a modder's typo", () => {
    const file = dorvan();
    file.breifing = "typo";
    expect(problemsOf(file).some((p) => p.includes("breifing"))).toBe(true);
  });

  it.each([
    ["empty text", "", "(file): is empty"],
    ["whitespace", "  \n ", "(file): is empty"],
    ["not JSON", "{ systems: [", "(file): is not valid JSON"],
    ["binary bytes", "\u0000\u0001\u00ff\u0002", "(file): is not valid JSON"],
    ["a JSON array", "[]", "(file): "],
    ["null", "null", "(file): "],
  ])("never throws on %s", (_label, text, expected) => {
    const problems = problemsOf(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.startsWith(expected)).toBe(true);
  });

  it("refuses an oversized file without parsing it", () => {
    const problems = problemsOf(" ".repeat(MAX_SCENARIO_BYTES + 1));
    expect(problems).toEqual([`(file): is larger than ${MAX_SCENARIO_BYTES} bytes`]);
  });

  it("survives deep nesting", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect(problemsOf(deep).length).toBeGreaterThan(0);
  });

  it("the server's library skips a broken file with a readable warning and keeps the good ones", () => {
    const dir = mkdtempSync(join(tmpdir(), "maquis-scenarios-"));
    try {
      const broken = { ...dorvan(), id: "broken" };
      broken.map.systems[0].sympathy = 9;
      writeFileSync(join(dir, "broken.json"), JSON.stringify(broken));
      writeFileSync(join(dir, "dorvan-2370.json"), scenarioFileText("dorvan-2370"));
      writeFileSync(join(dir, "garbage.json"), "\u0000not json");
      const warnings: string[] = [];
      const library = loadScenarioLibrary(dir, (line) => warnings.push(line));
      expect(library.list().map((s) => s.id)).toEqual(["dorvan-2370"]);
      expect(warnings).toContain("scenario broken.json: map.systems.0.sympathy: must be between -2 and 2");
      expect(warnings.some((w) => w.startsWith("scenario garbage.json: (file): is not valid JSON"))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
