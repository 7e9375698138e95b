import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemaText, SCHEMA_FILE } from "../../scripts/scenario";
import { repoRoot } from "../../server/config";
import { atlases } from "../../shared/scenario/atlases";
import { MAX_SCENARIO_BYTES, parseScenarioText, validateScenario } from "../../shared/scenario/parseScenario";
import { CURRENT_FORMAT_VERSION } from "../../shared/scenario/scenarioSchema";
import { bundledScenario, scenarioFileText } from "../support/scenarios";

const fixture = (name: string) => readFileSync(join(repoRoot, "test", "fixtures", "scenarios", name), "utf8");
const problemsOf = (value: unknown) => {
  const result = validateScenario(value);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};

/** A small scenario on the primary atlas, in the current format. */
function atlasScenario() {
  const dorvan = JSON.parse(scenarioFileText("dorvan-2370"));
  return {
    ...dorvan,
    id: "atlas-test",
    map: {
      atlas: "dmz-primary",
      systems: ["solosos-iii", "tracken-ii", "dorvan-v", "bryma", "hakton-vii", "umoth-viii", "volan-iii", "quatal-prime", "juhraya", "veloz-prime", "dreon-vii", "athos-iv"],
      regions: ["dmz", "badlands"],
      changes: { "dorvan-v": { sympathy: 1, garrison: 0 } },
    },
  };
}

describe("the JSON Schema in docs/", () => {
  it("is up to date with the format (run `npm run scenario -- schema` after changing it)", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(schemaText());
  });

  it("describes the current version and its required fields", () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, "utf8"));
    expect(schema.properties.formatVersion.const).toBe(CURRENT_FORMAT_VERSION);
    expect(schema.required).toEqual(expect.arrayContaining(["id", "title", "universe", "year", "sources", "briefing", "map", "seats", "forces", "objectives", "length"]));
  });
});

describe("migrations", () => {
  it("upgrades a version 1 file on load instead of rejecting it", () => {
    const result = parseScenarioText(fixture("dorvan-2370.v1.json"));
    if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
    expect(result.migratedFrom).toBe(1);
    expect(result.scenario.formatVersion).toBe(CURRENT_FORMAT_VERSION);
    expect(result.scenario.rules.treatyInForce).toBe(true);
    expect(result.scenario.forces.map((ship) => ship.id)).toEqual(bundledScenario("dorvan-2370").forces.map((ship) => ship.id));
  });

  it("says so plainly when a file is newer than the game", () => {
    const file = JSON.parse(scenarioFileText("dorvan-2370"));
    file.formatVersion = CURRENT_FORMAT_VERSION + 1;
    expect(problemsOf(file)).toEqual([`formatVersion: formatVersion ${CURRENT_FORMAT_VERSION + 1} is newer than this game understands (${CURRENT_FORMAT_VERSION}); update the game`]);
  });
});

describe("maps from an atlas", () => {
  it("takes the chosen systems and regions with the scenario's changes", () => {
    const result = validateScenario(atlasScenario());
    if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
    const atlas = atlases.get("dmz-primary")!;
    expect(result.scenario.map.width).toBe(atlas.width);
    expect(result.scenario.map.systems).toHaveLength(12);
    const dorvan = result.scenario.map.systems.find((s) => s.id === "dorvan-v")!;
    expect([dorvan.sympathy, dorvan.garrison]).toEqual([1, 0]);
    expect(dorvan.x).toBe(atlas.systems.find((s) => s.id === "dorvan-v")!.x);
    expect(result.scenario.map.regions.map((r) => r.id)).toEqual(["dmz", "badlands"]);
  });

  it("names an unknown atlas, an unknown system and a change to a system not on the map", () => {
    expect(problemsOf({ ...atlasScenario(), map: { atlas: "delta-quadrant" } })[0]).toMatch(/^map\.atlas: no atlas has the id "delta-quadrant"/);
    const scenario = atlasScenario();
    scenario.map.systems[0] = "risa";
    scenario.map.changes = { "earth": { sympathy: 2 } };
    expect(problemsOf(scenario)).toEqual(['map.systems.0: atlas "dmz-primary" has no system "risa"', 'map.changes.earth: changes a system that is not on this map ("earth")']);
  });

  it("the primary atlas follows the canon clues: Badlands at the Bajoran end, Quatal nearest Cardassia, Tracken near Solosos", () => {
    const atlas = atlases.get("dmz-primary")!;
    const at = (id: string) => atlas.systems.find((s) => s.id === id)!;
    const badlands = atlas.regions.find((r) => r.id === "badlands")!;
    const badlandsX = Math.max(...badlands.outline.map((p) => p.x));
    expect(badlandsX).toBeLessThan(at("solosos-iii").x);
    expect(Math.hypot(at("deep-space-9").x - badlands.outline[0]!.x, at("deep-space-9").y - badlands.outline[0]!.y)).toBeLessThan(150);
    const colonies = atlas.systems.filter((s) => ["dorvan-v", "volan-iii", "umoth-viii", "hakton-vii", "bryma", "juhraya", "veloz-prime", "quatal-prime"].includes(s.id));
    expect(Math.max(...colonies.map((s) => s.y))).toBe(at("quatal-prime").y);
    const trackenToSolosos = Math.hypot(at("tracken-ii").x - at("solosos-iii").x, at("tracken-ii").y - at("solosos-iii").y);
    for (const other of atlas.systems.filter((s) => s.id !== "tracken-ii" && s.id !== "solosos-iii"))
      expect(Math.hypot(at("tracken-ii").x - other.x, at("tracken-ii").y - other.y)).toBeGreaterThanOrEqual(trackenToSolosos);
  });
});

describe("npm run scenario -- check", () => {
  let dir: string;
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const check = (...files: string[]) => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/scenario.ts", "check", ...files], { cwd: repoRoot, encoding: "utf8" });
    return { code: run.status, lines: run.stdout.trim().split("\n"), stderr: run.stderr };
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "maquis-check-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("exits 0 for valid files, older versions included", () => {
    const run = check(join(repoRoot, "assets", "scenarios", "dorvan-2370.json"), join(repoRoot, "test", "fixtures", "scenarios", "dorvan-2370.v1.json"));
    expect(run.code).toBe(0);
    expect(run.lines).toEqual(["2 files valid"]);
  });

  it("exits 1 with one line per problem, FILE: path: message, for every kind of broken file, and never a stack trace", () => {
    const wrongTypes = JSON.parse(scenarioFileText("dorvan-2370"));
    Object.assign(wrongTypes, { id: 7, title: [], year: "soon", sources: "TNG", seats: {}, forces: null });
    const crossRefs = JSON.parse(scenarioFileText("dorvan-2370"));
    crossRefs.forces[0].class = "warbird";
    crossRefs.triggers[0].then[0] = { kind: "sympathy", system: "risa", by: 1 };
    const files = {
      notJson: file("not-json.json", "{ this is not json"),
      empty: file("empty.json", ""),
      binary: file("binary.json", Buffer.from([0x7b, 0x00, 0xff, 0x13])),
      huge: file("huge.json", " ".repeat(MAX_SCENARIO_BYTES + 10)),
      deep: file("deep.json", "[".repeat(50_000) + "]".repeat(50_000)),
      deepObject: file("deep-object.json", '{"a":'.repeat(60) + "1" + "}".repeat(60)),
      wrongTypes: file("wrong-types.json", JSON.stringify(wrongTypes)),
      crossRefs: file("cross-refs.json", JSON.stringify(crossRefs)),
    };
    const run = check(...Object.values(files), join(dir, "missing.json"));
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    for (const line of run.lines) expect(line).toMatch(/^.+\.json: [^:]+: .+$/);
    const linesFor = (path: string) => run.lines.filter((line) => line.startsWith(`${path}: `));
    expect(linesFor(files.notJson)[0]).toContain("(file): is not valid JSON");
    expect(linesFor(files.empty)).toEqual([`${files.empty}: (file): is empty`]);
    expect(linesFor(files.binary)).toEqual([`${files.binary}: (file): is binary data, not a JSON text file`]);
    expect(linesFor(files.huge)[0]).toContain(`more than the ${MAX_SCENARIO_BYTES}-byte limit`);
    expect(linesFor(files.deep)).toHaveLength(1);
    expect(linesFor(files.deepObject)).toEqual([`${files.deepObject}: (file): is nested deeper than 32 levels`]);
    const wrong = linesFor(files.wrongTypes).map((line) => line.slice(files.wrongTypes.length + 2));
    for (const field of ["id", "title", "year", "sources", "seats", "forces"]) expect(wrong.some((line) => line.startsWith(`${field}: `))).toBe(true);
    const refs = linesFor(files.crossRefs).map((line) => line.slice(files.crossRefs.length + 2));
    expect(refs.some((line) => line.startsWith('forces.0.class: unknown ship class "warbird"'))).toBe(true);
    expect(refs).toContain('triggers.0.then.0.system: no system has the id "risa"');
    expect(linesFor(join(dir, "missing.json"))).toEqual([`${join(dir, "missing.json")}: (file): cannot be read (ENOENT)`]);
  });
});
