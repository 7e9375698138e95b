import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { editableFile, editableValue } from "../../client/editor/draftFile";
import { referableIds } from "../../client/editor/draftIds";
import { EditorModel } from "../../client/editor/editorModel";
import { defaultFor, idFrom, placeInWords, variantIndex, variantsOf, type FieldSchema } from "../../client/editor/schemaFields";
import { scenarioJsonSchema } from "../../shared/scenario/jsonSchema";
import { validateScenario } from "../../shared/scenario/parseScenario";

const template = JSON.parse(readFileSync(new URL("../../assets/templates/new-scenario.json", import.meta.url), "utf8")) as Record<string, unknown>;
const bundled = (name: string) => readFileSync(new URL(`../../assets/scenarios/${name}.json`, import.meta.url), "utf8");
const schema = scenarioJsonSchema() as FieldSchema;
const clone = <T>(value: T): T => structuredClone(value);

describe("the editor's template", () => {
  it("is a valid scenario", () => {
    const result = validateScenario(clone(template));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});

describe("opening a file in the editor", () => {
  it("writes an atlas map out in full, and the result is the same scenario", () => {
    const opened = editableFile(bundled("badlands-2371"));
    if (!opened.ok) throw new Error(opened.problem.message);
    const map = opened.file.map as Record<string, unknown>;
    expect(map.atlas).toBeUndefined();
    expect(Array.isArray(map.systems)).toBe(true);
    expect(opened.notes.join(" ")).toContain("atlas");
    const before = validateScenario(JSON.parse(bundled("badlands-2371")));
    const after = validateScenario(opened.file);
    expect(after.ok && before.ok && after.scenario).toEqual(before.ok && before.scenario);
  });

  it("upgrades a version 1 file and says so", () => {
    const { forces, rules, ...rest } = clone(template);
    const old = { ...rest, formatVersion: 1, ships: forces, rules: { treaty: (rules as { treatyInForce: boolean }).treatyInForce } };
    const opened = editableValue(old);
    if (!opened.ok) throw new Error(opened.problem.message);
    expect(opened.file.formatVersion).toBe(2);
    expect(opened.notes.join(" ")).toContain("version 1");
    expect(validateScenario(opened.file).ok).toBe(true);
  });

  it("opens a file with problems, so they can be fixed in the editor", () => {
    const broken = { ...clone(template), year: 12 };
    const opened = editableValue(broken);
    expect(opened.ok).toBe(true);
  });

  it("refuses, naming why, what cannot be edited at all", () => {
    const refused = (text: string) => {
      const opened = editableFile(text);
      return opened.ok ? "opened" : opened.problem.message;
    };
    expect(refused("{ not json")).toMatch(/not valid JSON/);
    expect(refused("[1, 2]")).toMatch(/JSON object/);
    expect(refused("x".repeat(1_000_001))).toMatch(/larger than/);
    let deep: unknown = {};
    for (let i = 0; i < 100; i++) deep = { deeper: deep };
    expect(refused(JSON.stringify(deep))).toMatch(/nested/);
    expect(refused(JSON.stringify({ ...template, formatVersion: 99 }))).toMatch(/newer/);
  });
});

describe("the schema-driven forms", () => {
  const ids = referableIds(template);
  const itemsOf = (path: string[]) => {
    let node: FieldSchema | undefined = schema;
    for (const step of path) node = step === "[]" ? node?.items : node?.properties?.[step];
    return node!;
  };

  it("offers the scenario's own ids for references", () => {
    expect(ids.system).toEqual(["haven", "meridian", "tessen", "outpost"]);
    expect(ids.seat).toEqual(["cell-1", "occupier"]);
    expect(ids["maquis-seat"]).toEqual(["cell-1"]);
    expect(ids.objective).toEqual(["win-hearts", "stay-alive", "find-the-base", "keep-order"]);
    expect(ids.ship).toEqual(["raider-1", "patrol-1", "galor-1"]);
  });

  it("gives every kind of condition, effect and goal a starting value the parser accepts", () => {
    const conditions = variantsOf(itemsOf(["triggers", "[]", "when", "[]"]))!;
    const effects = variantsOf(itemsOf(["triggers", "[]", "then", "[]"]))!;
    const goals = variantsOf(itemsOf(["objectives", "[]", "goal"]))!;
    expect(conditions.length).toBeGreaterThan(5);
    expect(effects.length).toBeGreaterThan(10);
    // Texts start empty, for the modder to write ("must not be empty"): the only problems a new kind may bring.
    const otherProblems: string[] = [];
    let emptyTexts = 0;
    const tryValue = (what: string, place: (draft: Record<string, unknown>, value: unknown) => void, value: unknown) => {
      const draft = clone(template);
      place(draft, value);
      const result = validateScenario(draft);
      for (const problem of result.ok ? [] : result.problems) {
        if (problem.message === "must not be empty") emptyTexts += 1;
        else otherProblems.push(`${what} ${JSON.stringify(value)}: ${problem.path} ${problem.message}`);
      }
    };
    type Draft = { triggers: { when: unknown[]; then: unknown[] }[]; objectives: { goal: unknown }[] };
    for (const condition of conditions) tryValue("condition", (draft, value) => ((draft as Draft).triggers[0]!.when = [value]), defaultFor(condition, ids));
    for (const effect of effects) tryValue("effect", (draft, value) => ((draft as Draft).triggers[0]!.then = [value]), defaultFor(effect, ids));
    for (const goal of goals) tryValue("goal", (draft, value) => ((draft as Draft).objectives[0]!.goal = value), defaultFor(goal, ids));
    expect(otherProblems).toEqual([]);
    expect(emptyTexts).toBeGreaterThan(0);
  });

  it("says where a problem is in words, naming items by their ids", () => {
    expect(placeInWords(template, "triggers.0.then.0.text")).toBe("Triggers › “opening” › Then › effect 1 › Text");
    expect(placeInWords(template, "map.systems.2.sympathy")).toBe("Map › Systems › “tessen” › Sympathy");
    expect(placeInWords(template, "seats.0.baseCandidates.1")).toBe("Seats › “cell-1” › Base candidates › base site 2");
    expect(placeInWords(template, "(file)")).toBe("The file");
  });

  it("tells which variant a value is", () => {
    const at = itemsOf(["forces", "[]", "at"]);
    expect(variantIndex(variantsOf(at)!, "haven")).toBe(0);
    expect(variantIndex(variantsOf(at)!, { x: 1, y: 2 })).toBe(1);
    const length = schema.properties!.length!;
    expect(variantIndex(variantsOf(length)!, { hours: 12 })).toBe(1);
    const effects = variantsOf(itemsOf(["triggers", "[]", "then", "[]"]))!;
    expect(effects[variantIndex(effects, { kind: "message", to: "all", text: "x" })]!.properties!.kind!.const).toBe("message");
  });
});

describe("renaming in the editor", () => {
  it("takes every reference to a system, a cell and an objective along, as one undo step", () => {
    const model = new EditorModel();
    model.load(clone(template));
    model.select([{ kind: "system", id: "haven" }]);
    model.renameAt(["map", "systems", 0, "id"], "haven-prime");
    const draft = model.draft as { seats: { baseCandidates?: string[] }[]; forces: { at: string }[] };
    expect(draft.seats[0]!.baseCandidates).toEqual(["haven-prime", "meridian"]);
    expect(draft.forces[0]!.at).toBe("haven-prime");
    expect(model.selection).toEqual([{ kind: "system", id: "haven-prime" }]);
    expect(model.problems).toEqual([]);

    model.undoManager.stopCapturing();
    model.renameAt(["seats", 0, "id"], "haven-cell");
    expect((model.draft as { forces: { seat: string }[] }).forces[0]!.seat).toBe("haven-cell");
    expect(model.problems).toEqual([]);

    model.undo();
    model.check();
    expect((model.draft as { forces: { seat: string; at: string }[] }).forces[0]).toMatchObject({ seat: "cell-1", at: "haven-prime" });
  });

  it("leaves fields that name another kind of thing alone", () => {
    const model = new EditorModel();
    // A ship and a system with the same id: renaming the ship must not touch the system's references.
    const draft = clone(template) as { forces: { id: string; at: string }[] };
    draft.forces[0]!.id = "meridian";
    model.load(draft);
    model.renameAt(["forces", 0, "id"], "lantern");
    const after = model.draft as { forces: { id: string; at: string; route?: string[] }[]; seats: { baseCandidates?: string[] }[] };
    expect(after.forces[0]!.id).toBe("lantern");
    expect(after.seats[0]!.baseCandidates).toEqual(["haven", "meridian"]);
    expect(after.forces[1]!.route).toEqual(["outpost", "tessen", "meridian"]);
  });
});

describe("what the editor adds to the parser's word", () => {
  it("makes what a modder types into an id", () => {
    expect(idFrom("Last Post!")).toBe("last-post");
    expect(idFrom("  Haven -- Prime ")).toBe("haven-prime");
    expect(idFrom("<b>")).toBe("b");
  });

  it("shows what a deletion broke at once, even while another field is wrong", () => {
    const model = new EditorModel();
    model.load({ ...clone(template), year: 12 });
    expect(model.problemsIncomplete).toBe(true);
    model.remove(["map", "systems"], 0);
    model.check();
    const paths = model.problems.map((problem) => `${problem.path}: ${problem.message}`);
    expect(paths).toContain('seats.0.baseCandidates.0: no system has the id "haven"');
    expect(paths).toContain('forces.0.at: no system has the id "haven"');
    expect(paths.some((line) => line.startsWith("year:"))).toBe(true);
  });
});
