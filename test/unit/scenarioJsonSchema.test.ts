import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SCHEMA_FILE } from "../../scripts/scenario";
import { repoRoot } from "../../server/config";
import { parseScenarioText, type ScenarioProblem } from "../../shared/scenario/parseScenario";
import { REFERS_TO } from "../../shared/scenario/idSchema";

/*
 * The exported JSON Schema, checked by an independent validator (ajv), must give the same verdict as
 * the game's parser on every bundled scenario and on many mutated ones. The only difference allowed is
 * a file the parser refuses for reasons JSON Schema cannot say (the list in shared/scenario/jsonSchema.ts).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ajv = new Ajv2020({ strict: true });
// The editor's mark for ids that name something else in the file: an annotation, no constraint.
ajv.addKeyword(REFERS_TO);
const schemaAccepts = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, "utf8")));

const scenarioDir = join(repoRoot, "assets", "scenarios");
const bundledNames = readdirSync(scenarioDir).filter((name) => name.endsWith(".json")).sort();
const bundled = new Map(bundledNames.map((name) => [name.replace(/\.json$/, ""), readFileSync(join(scenarioDir, name), "utf8")]));
const copyOf = (id: string): JsonObject => JSON.parse(bundled.get(id)!);

/** Parser problems JSON Schema cannot express, each named by its message (and path where the message is not enough). */
const SEMANTIC_PROBLEMS: { name: string; path?: RegExp; message: RegExp }[] = [
  { name: "duplicate id", path: /\.id$/, message: /^".*" is used by another (system|region|seat|ship|objective|trigger|step)$/ },
  { name: "unknown system", message: /^no system has the id ".*"$/ },
  { name: "unknown seat", message: /^no seat has the id ".*"$/ },
  { name: "not a Maquis cell", message: /^no Maquis cell seat has the id ".*"$/ },
  { name: "unknown objective", message: /^no objective has the id ".*"$/ },
  { name: "unknown ship", message: /^no ship has the id ".*"$/ },
  { name: "off the map", message: /^lies outside the \d+(\.\d+)?×\d+(\.\d+)? map$/ },
  { name: "unreachable colony count", path: /^objectives\.\d+\.goal\.count$/, message: /^asks for \d+ colonies but only \d+ populated systems can count/ },
  { name: "atlas system left off the map", path: /^map\.changes\./, message: /^changes a system that is not on this map/ },
];
const semanticKind = (problem: ScenarioProblem) =>
  SEMANTIC_PROBLEMS.find((rule) => rule.message.test(problem.message) && (rule.path?.test(problem.path) ?? true))?.name;

type Outcome = "both accept" | "both refuse" | "semantic only" | "disagree";
interface Comparison {
  outcome: Outcome;
  schemaErrors: string[];
  parserProblems: string[];
}

/** Both verdicts on one file: ajv on the value, the parser on its text, as `npm run scenario -- check` reads it. */
function compare(file: Json): Comparison {
  const schemaOk = schemaAccepts(file);
  const schemaErrors = schemaOk ? [] : (schemaAccepts.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message}`);
  const parsed = parseScenarioText(JSON.stringify(file, null, 2));
  const problems = parsed.ok ? [] : parsed.problems;
  const parserProblems = problems.map((problem) => `${problem.path}: ${problem.message}`);
  const outcome: Outcome =
    schemaOk === parsed.ok
      ? schemaOk ? "both accept" : "both refuse"
      : schemaOk && problems.every((problem) => semanticKind(problem) !== undefined) ? "semantic only" : "disagree";
  return { outcome, schemaErrors, parserProblems };
}

const describeDisagreement = (name: string, comparison: Comparison) =>
  `${name}: schema ${comparison.schemaErrors.length === 0 ? "accepts" : `refuses (${comparison.schemaErrors.join("; ")})`}, ` +
  `parser ${comparison.parserProblems.length === 0 ? "accepts" : `refuses (${comparison.parserProblems.join("; ")})`}`;

const objectAt = (value: Json): JsonObject => value as JsonObject;
const arrayAt = (value: Json): Json[] => value as Json[];
const seats = (file: JsonObject) => arrayAt(file.seats!).map(objectAt);
const triggers = (file: JsonObject) => arrayAt(file.triggers!).map(objectAt);
const effects = (file: JsonObject) => triggers(file).flatMap((trigger) => arrayAt(trigger.then!).map(objectAt));
const firstSpawn = (file: JsonObject) => objectAt(effects(file).find((effect) => effect.kind === "spawn")!.ship!);
const firstConvoy = (file: JsonObject) => effects(file).find((effect) => effect.kind === "convoy")!;
const tutorialSteps = (file: JsonObject) => arrayAt(objectAt(file.tutorial!).steps!).map(objectAt);
const firstDone = (file: JsonObject, stepId: string) => objectAt(arrayAt(tutorialSteps(file).find((step) => step.id === stepId)!.done!)[0]!);

/** One named mutation per rule the schema now carries (both must refuse), per rule it cannot say (semantic only), and edits both accept. */
const NAMED_MUTATIONS: { name: string; base: string; expected: Outcome; mutate: (file: JsonObject) => void }[] = [
  { name: "a Maquis seat called spectator", base: "dorvan-2370", expected: "both refuse", mutate: (f) => void (seats(f)[0]!.id = "spectator") },
  { name: "the occupier seat called spectator", base: "boknor-2370", expected: "both refuse", mutate: (f) => void (seats(f).find((s) => s.side === "occupier")!.id = "spectator") },
  { name: "a placed ship with a convoy id", base: "dorvan-2370", expected: "both refuse", mutate: (f) => void (objectAt(arrayAt(f.forces!)[0]!).id = "convoy-3") },
  { name: "a placed ship with a fighter id", base: "purge-2373", expected: "both refuse", mutate: (f) => void (objectAt(arrayAt(f.forces!)[1]!).id = "fighter-12") },
  { name: "a spawned ship with a reinforcement id", base: "bryma-2370", expected: "both refuse", mutate: (f) => void (firstSpawn(f).id = "reinforcement-1") },
  { name: "a ship id that only starts like a generated one", base: "dorvan-2370", expected: "both accept", mutate: (f) => void (objectAt(arrayAt(f.forces!)[0]!).id = "convoy-leader") },
  { name: "no Maquis seat", base: "dorvan-2370", expected: "both refuse", mutate: (f) => void (f.seats = [seats(f)[1]!, { ...seats(f)[1]!, id: "occupier-2" }]) },
  { name: "two occupier seats", base: "dorvan-2370", expected: "both refuse", mutate: (f) => void arrayAt(f.seats!).push({ ...seats(f)[1]!, id: "second-occupier" }) },
  { name: "no objective for the occupier", base: "dorvan-2370", expected: "both refuse", mutate: (f) => arrayAt(f.objectives!).forEach((o) => void (objectAt(o).side = "maquis")) },
  { name: "no objective for the Maquis", base: "badlands-2371", expected: "both refuse", mutate: (f) => arrayAt(f.objectives!).forEach((o) => void (objectAt(o).side = "occupier")) },
  { name: "a stance adding reinforcements with no pool", base: "dorvan-2370", expected: "both refuse", mutate: (f) => void delete seats(f)[1]!.reinforcements },
  { name: "a stance adding reinforcements to an occupier without a pool", base: "bryma-2370", expected: "both refuse", mutate: (f) => void arrayAt(triggers(f)[0]!.then!).push({ kind: "stance", reinforcements: 2 }) },
  { name: "a stance adding no reinforcements without a pool", base: "bryma-2370", expected: "both accept", mutate: (f) => void arrayAt(triggers(f)[0]!.then!).push({ kind: "stance", treaty: false, reinforcements: 0 }) },
  { name: "an unknown ship class", base: "dorvan-2370", expected: "both refuse", mutate: (f) => void (objectAt(arrayAt(f.forces!)[0]!).class = "warbird") },
  { name: "an unknown class of reinforcements", base: "dorvan-2370", expected: "both refuse", mutate: (f) => void (objectAt(seats(f)[1]!.reinforcements!).class = "warbird") },
  { name: "an unknown atlas", base: "badlands-2371", expected: "both refuse", mutate: (f) => void (objectAt(f.map!).atlas = "delta-quadrant") },
  { name: "a system the atlas does not have", base: "bryma-2370", expected: "both refuse", mutate: (f) => void arrayAt(objectAt(f.map!).systems!).push("risa") },
  { name: "a region the atlas does not have", base: "bryma-2370", expected: "both refuse", mutate: (f) => void arrayAt(objectAt(f.map!).regions!).push("briar-patch") },
  { name: "a system of another atlas", base: "bryma-2370", expected: "both refuse", mutate: (f) => void arrayAt(objectAt(f.map!).systems!).push("galorndon-core") },
  { name: "a change to a system the atlas does not have", base: "bryma-2370", expected: "both refuse", mutate: (f) => void (objectAt(objectAt(f.map!).changes!).risa = { sympathy: 1 }) },
  { name: "a duplicate system id", base: "dorvan-2370", expected: "semantic only", mutate: (f) => void (objectAt(arrayAt(objectAt(f.map!).systems!)[1]!).id = "dorvan-v") },
  { name: "a duplicate Maquis seat", base: "dorvan-2370", expected: "semantic only", mutate: (f) => void arrayAt(f.seats!).push(seats(f)[0]!) },
  { name: "a duplicate objective", base: "dorvan-2370", expected: "semantic only", mutate: (f) => void arrayAt(f.objectives!).push(arrayAt(f.objectives!)[0]!) },
  { name: "a ship at an unknown system", base: "dorvan-2370", expected: "semantic only", mutate: (f) => void (objectAt(arrayAt(f.forces!)[0]!).at = "risa") },
  { name: "a ship of an unknown seat", base: "dorvan-2370", expected: "semantic only", mutate: (f) => void (objectAt(arrayAt(f.forces!)[0]!).seat = "cell-7") },
  { name: "a ship off the map", base: "dorvan-2370", expected: "semantic only", mutate: (f) => void (objectAt(arrayAt(f.forces!)[0]!).at = { x: 4999, y: 10 }) },
  { name: "a system off the map", base: "dorvan-2370", expected: "semantic only", mutate: (f) => void (objectAt(arrayAt(objectAt(f.map!).systems!)[0]!).y = 701) },
  { name: "a base candidate that is not a system", base: "dorvan-2370", expected: "semantic only", mutate: (f) => void (seats(f)[0]!.baseCandidates = ["risa"]) },
  { name: "a sympathy goal no side can reach", base: "dorvan-2370", expected: "semantic only", mutate: (f) => void (objectAt(objectAt(arrayAt(f.objectives!)[0]!).goal!).count = 100) },
  { name: "an exposure effect on the occupier seat", base: "dorvan-2370", expected: "semantic only", mutate: (f) => void arrayAt(triggers(f)[0]!.then!).push({ kind: "exposure", cell: "occupier", by: 5 }) },
  { name: "a trigger waiting for an unknown objective", base: "dorvan-2370", expected: "semantic only", mutate: (f) => void arrayAt(triggers(f)[0]!.when!).push({ kind: "objective", id: "win-the-war" }) },
  { name: "a reach goal for an unknown ship", base: "badlands-2371", expected: "semantic only", mutate: (f) => void (objectAt(objectAt(arrayAt(f.objectives!).find((o) => objectAt(objectAt(o).goal!).kind === "reach")!).goal!).ship = "enterprise") },
  { name: "a change to an atlas system the map leaves off", base: "bryma-2370", expected: "semantic only", mutate: (f) => void (objectAt(objectAt(f.map!).changes!)["athos-iv"] = { garrison: 1 }) },
  { name: "an older formatVersion written over a current file", base: "dorvan-2370", expected: "both refuse", mutate: (f) => void (f.formatVersion = 1) },
  { name: "a seat name of 40 characters outside the Basic Multilingual Plane", base: "dorvan-2370", expected: "both accept", mutate: (f) => void (seats(f)[0]!.name = "\u{1F680}".repeat(40)) },
  { name: "a seat name of 41 characters outside the Basic Multilingual Plane", base: "dorvan-2370", expected: "both refuse", mutate: (f) => void (seats(f)[0]!.name = "\u{1F680}".repeat(41)) },
  { name: "no rules (the defaults apply)", base: "dorvan-2370", expected: "both accept", mutate: (f) => void delete f.rules },
  { name: "a difficulty label not among gentle, fair and hard", base: "badlands-2371", expected: "both refuse", mutate: (f) => void (objectAt(f.difficulty!).maquis = "brutal") },
  { name: "a difficulty for one side only", base: "badlands-2371", expected: "both refuse", mutate: (f) => void delete objectAt(f.difficulty!).occupier },
  { name: "no difficulty (not measured)", base: "badlands-2371", expected: "both accept", mutate: (f) => void delete f.difficulty },
  { name: "a training flag that is not true or false", base: "training-2370", expected: "both refuse", mutate: (f) => void (f.training = "yes") },
  { name: "a convoy with a generated id", base: "training-2370", expected: "both refuse", mutate: (f) => void (firstConvoy(f).id = "convoy-2") },
  { name: "a convoy of an unknown class", base: "training-2370", expected: "both refuse", mutate: (f) => void (firstConvoy(f).class = "warbird") },
  { name: "a convoy with a one-stop route", base: "training-2370", expected: "both refuse", mutate: (f) => void (firstConvoy(f).route = ["dorvan-v"]) },
  { name: "a convoy with no class (a freighter)", base: "training-2370", expected: "both accept", mutate: (f) => void delete firstConvoy(f).class },
  { name: "a convoy through an unknown system", base: "training-2370", expected: "semantic only", mutate: (f) => void (arrayAt(firstConvoy(f).route!)[1] = "risa") },
  { name: "a convoy with a placed ship's id", base: "training-2370", expected: "semantic only", mutate: (f) => void (firstConvoy(f).id = "sparrow") },
  { name: "a trigger waiting for a ship at an unknown system", base: "training-2370", expected: "semantic only", mutate: (f) => void (objectAt(arrayAt(triggers(f)[1]!.when!)[0]!).system = "risa") },
  { name: "a trigger waiting for an unknown ship", base: "training-2370", expected: "semantic only", mutate: (f) => void (objectAt(arrayAt(triggers(f)[1]!.when!)[0]!).ship = "enterprise") },
  { name: "a trigger waiting for a ship of no side", base: "training-2370", expected: "both refuse", mutate: (f) => void (objectAt(arrayAt(triggers(f)[1]!.when!)[0]!).side = "klingon") },
  { name: "a tutorial with no steps", base: "training-2370", expected: "both refuse", mutate: (f) => void (objectAt(f.tutorial!).steps = []) },
  { name: "a tutorial step with no conditions", base: "training-2370", expected: "both refuse", mutate: (f) => void (tutorialSteps(f)[0]!.done = []) },
  { name: "a tutorial step of an unknown condition", base: "training-2370", expected: "both refuse", mutate: (f) => void (firstDone(f, "select").kind = "clicked") },
  { name: "a tutorial step waiting for an unknown kind of log line", base: "training-2370", expected: "both refuse", mutate: (f) => void (firstDone(f, "agitate").logKind = "gossip") },
  { name: "a tutorial step waiting for an unknown holding", base: "training-2370", expected: "both refuse", mutate: (f) => void (firstDone(f, "recruit").field = "latinum") },
  { name: "a tutorial step with a duplicate id", base: "training-2370", expected: "semantic only", mutate: (f) => void (tutorialSteps(f)[1]!.id = "select") },
  { name: "a tutorial step waiting at an unknown system", base: "training-2370", expected: "semantic only", mutate: (f) => void (firstDone(f, "move").system = "risa") },
  { name: "a tutorial step waiting for an unknown objective", base: "training-2370", expected: "semantic only", mutate: (f) => void (firstDone(f, "raid").id = "win-the-war") },
  { name: "a tutorial step selecting an unknown ship", base: "training-2370", expected: "semantic only", mutate: (f) => void (firstDone(f, "select").ship = "enterprise") },
  { name: "a tutorial step selecting a spawned convoy", base: "training-2370", expected: "both accept", mutate: (f) => void (firstDone(f, "select").ship = "freighter-kessa") },
  { name: "a tutorial step with an extra field", base: "training-2370", expected: "both refuse", mutate: (f) => void (tutorialSteps(f)[0]!.extra = 1) },
];

describe("the JSON Schema in docs/ and the parser agree", () => {
  it("on every bundled scenario: both accept it", () => {
    expect(bundled.size).toBeGreaterThan(0);
    for (const [id, text] of bundled) expect([id, compare(JSON.parse(text))]).toEqual([id, expect.objectContaining({ outcome: "both accept" })]);
  });

  it.each(NAMED_MUTATIONS.map((mutation) => [mutation.name, mutation] as const))("on %s", (_name, mutation) => {
    const file = copyOf(mutation.base);
    mutation.mutate(file);
    const comparison = compare(file);
    expect(comparison.outcome, describeDisagreement(mutation.name, comparison)).toBe(mutation.expected);
  });

  it("on random structural mutations of every bundled scenario (seeded)", () => {
    const samples = fc.sample(mutationArbitrary, { seed: MUTATION_SEED, numRuns: RANDOM_MUTATIONS });
    const counts: Record<Outcome, number> = { "both accept": 0, "both refuse": 0, "semantic only": 0, disagree: 0 };
    const operations = new Set<string>();
    const disagreements: string[] = [];
    for (const sample of samples) {
      const mutated = applyMutation(sample);
      operations.add(mutated.operation);
      const comparison = compare(mutated.file);
      counts[comparison.outcome] += 1;
      if (comparison.outcome === "disagree") disagreements.push(describeDisagreement(mutated.description, comparison));
    }
    expect(disagreements).toEqual([]);
    // The generator must keep reaching every operation and every kind of verdict, or it proves nothing.
    expect([...operations].sort()).toEqual([...OPERATIONS].sort());
    expect(counts["both accept"]).toBeGreaterThan(RANDOM_MUTATIONS / 20);
    expect(counts["both refuse"]).toBeGreaterThan(RANDOM_MUTATIONS / 4);
    expect(counts["semantic only"]).toBeGreaterThan(RANDOM_MUTATIONS / 50);
  });

  it("with the in-process parser being the path `npm run scenario -- check` takes", () => {
    const dir = mkdtempSync(join(tmpdir(), "maquis-schema-"));
    try {
      const files = NAMED_MUTATIONS.filter((m) => m.name === "a Maquis seat called spectator" || m.name === "a ship at an unknown system").map((mutation, i) => {
        const file = copyOf(mutation.base);
        mutation.mutate(file);
        const path = join(dir, `mutation-${i}.json`);
        writeFileSync(path, JSON.stringify(file, null, 2));
        return path;
      });
      const expectedLines = files.flatMap((path) => {
        const result = parseScenarioText(readFileSync(path, "utf8"));
        return result.ok ? [] : result.problems.map((problem) => `${path}: ${problem.path}: ${problem.message}`);
      });
      const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/scenario.ts", "check", ...files], { cwd: repoRoot, encoding: "utf8" });
      expect(run.status).toBe(1);
      expect(expectedLines.length).toBeGreaterThanOrEqual(files.length);
      expect(run.stdout.trim().split("\n")).toEqual(expectedLines);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// The random mutations: a path in a bundled file, an operation on it, and a value from pools of boundary cases.
const MUTATION_SEED = 2370;
const RANDOM_MUTATIONS = 1000;
const OPERATIONS = ["delete", "replace", "add property", "duplicate item", "empty array"] as const;
type Operation = (typeof OPERATIONS)[number];

/** Boundary values of the format's ranges, reserved names, near-miss ids and ids of other kinds of thing. */
const NUMBER_POOL = [-101, -100, -5, -4, -3, -2, -1, -0.5, 0, 0.004, 0.005, 0.5, 1, 1.5, 2, 3, 4, 5, 10, 11, 12, 13, 20, 21, 48, 100, 101, 200, 201, 240, 241, 365, 366, 701, 1000, 1001, 1999, 2000, 3000, 3001, 5000, 5001, 10000, 10001, 2e10, 2e10 + 1, 2 ** 53];
const STRING_POOL = [
  "", "a", "spectator", "convoy-1", "fighter-22", "reinforcement-0", "convoy-x", "Bad Id", "-dash-first", "x".repeat(40), "x".repeat(41), "x".repeat(48), "x".repeat(49),
  "47751.2", "4775", "123456", "47751.25", "maquis", "occupier", "draw", "all", "cardassia", "federation", "zone", "nebula", "episode", "primary", "mirror",
  "survive", "eliminateCells", "day", "spawn", "stance", "message", "days", "hours", "galor", "warbird", "dmz-primary", "mirror-empire", "risa", "cell-1", "cell-2",
];
const OTHER_VALUES: Json[] = [null, true, false, [], {}, [1], { x: 1, y: 1 }, { x: 10, y: 10 }];
const EXTRA_KEYS = ["extra", "ships", "treaty", "notes", "x", "y", "id", "kind", "risa", "bajor", "reinforcements", "systems", "days"];

interface Sample {
  scenario: number;
  path: number;
  operation: Operation;
  pick: number;
}

const mutationArbitrary: fc.Arbitrary<Sample> = fc.record({
  scenario: fc.nat(),
  path: fc.nat(),
  operation: fc.constantFrom(...OPERATIONS),
  pick: fc.nat(),
});

/** Every path to a value in the file, the root's fields included. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => pathsOf(item, [...prefix, i]))];
  if (value !== null && typeof value === "object") return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  return here;
}

/** The file's own ids and strings: reusing them makes duplicates and valid references, not only garbage. */
function stringsOf(value: Json): string[] {
  if (typeof value === "string") return value.length <= 48 ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(stringsOf);
  return [];
}

function replacementFor(current: Json, file: JsonObject, pick: number): Json {
  const own = stringsOf(file);
  const pool: Json[] =
    typeof current === "number" ? NUMBER_POOL
    : typeof current === "string" ? [...STRING_POOL, ...own]
    : [...OTHER_VALUES, 7, "x", ...own.slice(0, 5)];
  // One pick in four crosses to another type, so wrong types are tried on every field.
  const crossType: Json[] = [7, "x", ...OTHER_VALUES];
  return pick % 4 === 0 ? crossType[(pick >> 2) % crossType.length]! : pool[(pick >> 2) % pool.length]!;
}

function applyMutation(sample: Sample): { file: Json; operation: Operation; description: string } {
  const id = [...bundled.keys()][sample.scenario % bundled.size]!;
  const file = copyOf(id);
  const paths = pathsOf(file);
  const path = paths[sample.path % paths.length]!;
  const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as JsonObject)[key as string]!, file) as JsonObject | Json[];
  const key = path[path.length - 1]!;
  const target = (parent as JsonObject)[key as string]!;
  let operation = sample.operation;
  // An operation that does not fit the value falls back to a replacement, so every sample mutates something.
  if ((operation === "duplicate item" || operation === "empty array") && !Array.isArray(target)) operation = "replace";
  if (operation === "add property" && (target === null || typeof target !== "object" || Array.isArray(target))) operation = "replace";
  let change: string;
  if (operation === "delete") {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
    change = "deleted";
  } else if (operation === "duplicate item") {
    const items = target as Json[];
    if (items.length === 0) items.push("x");
    else items.push(structuredClone(items[sample.pick % items.length]!));
    change = "an item duplicated";
  } else if (operation === "empty array") {
    (target as Json[]).length = 0;
    change = "emptied";
  } else if (operation === "add property") {
    const extraKey = EXTRA_KEYS[sample.pick % EXTRA_KEYS.length]!;
    const value = replacementFor(target, file, sample.pick >> 4);
    (target as JsonObject)[extraKey] = value;
    change = `given ${JSON.stringify(extraKey)}: ${JSON.stringify(value)}`;
  } else {
    const value = replacementFor(target, file, sample.pick);
    (parent as JsonObject)[key as string] = value;
    change = `set to ${JSON.stringify(value)}`;
  }
  return { file, operation, description: `${id}: ${path.join(".")} ${change}` };
}
