import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { editableValue } from "../../client/editor/draftFile";
import { idKindsAt, namesOfIds, referableIds } from "../../client/editor/draftIds";
import { EditorModel, entriesOf, type Selected } from "../../client/editor/editorModel";
import { formatSchema } from "../../client/editor/formatSchema";
import { placeInWords, referencesTo } from "../../client/editor/schemaFields";
import { draftChangeProblem, readDraft, writeDraft } from "../../shared/scenario/draftDocument";
import { validateScenario } from "../../shared/scenario/parseScenario";

const template = JSON.parse(readFileSync(new URL("../../assets/templates/new-scenario.json", import.meta.url), "utf8")) as Record<string, unknown>;

/** Any JSON value, markup and prototype names among its strings and keys. */
const hostileString = fc.oneof(fc.string(), fc.constantFrom("<img src=x onerror=alert(1)>", "__proto__", "constructor", "", "haven", "cell-1", "x".repeat(5000)));
const json = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    hostileString,
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(hostileString, tie("value"), { maxKeys: 5 }),
  ),
})).value;

/** The template with one part replaced by anything: what a broken file or a hostile co-editor could leave in the draft. */
const hostileDraft = fc
  .tuple(fc.constantFrom("map", "seats", "forces", "objectives", "triggers", "title", "length", "map.systems", "map.regions", "seats.0", "triggers.0.then", "forces.0.at"), json)
  .map(([where, value]) => {
    const draft = structuredClone(template);
    const steps = where.split(".");
    let node = draft as Record<string, unknown>;
    for (const step of steps.slice(0, -1)) node = node[step] as Record<string, unknown>;
    node[steps.at(-1)!] = value;
    return draft;
  });

describe("the editor with a hostile draft", () => {
  it("reads, checks, names and renames whatever a draft holds, never throwing", () => {
    fc.assert(
      fc.property(fc.oneof(hostileDraft, json), (draft) => {
        const opened = editableValue(draft);
        if (!opened.ok) return;
        const model = new EditorModel();
        model.load(opened.file);
        referableIds(model.draft);
        namesOfIds(model.draft);
        for (const kind of ["system", "region", "force"] as Selected["kind"][]) entriesOf(model.draft, kind);
        for (const problem of model.problems) expect(typeof placeInWords(model.draft, problem.path)).toBe("string");
        referencesTo(formatSchema, model.draft, new Set(["system", "seat", "ship"] as const), "haven");
        idKindsAt(["seats", 0, "id"], model.draft);
        model.renameAt(["map", "systems", 0, "id"], "renamed");
        model.undo();
        model.check();
      }),
      { numRuns: 300 },
    );
  });
});

describe("hostile changes to a shared draft", () => {
  /** One edit a hostile co-editor's Yjs copy could make, anywhere in the document. */
  type Step = { kind: "set"; key: string; value: "doc" | "binary" | "object" | "map" | "array" | "text" | "number" } | { kind: "root"; name: string } | { kind: "nest"; depth: number };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant("set" as const), key: fc.constantFrom("title", "map", "forces", "briefing", "__proto__", "x"), value: fc.constantFrom("doc", "binary", "object", "map", "array", "text", "number") as fc.Arbitrary<Extract<Step, { kind: "set" }>["value"]> }),
    fc.record({ kind: fc.constant("root" as const), name: fc.constantFrom("elsewhere", "", "scenario-2") }),
    fc.record({ kind: fc.constant("nest" as const), depth: fc.integer({ min: 1, max: 120 }) }),
  );
  const make = (value: Extract<Step, { kind: "set" }>["value"]): unknown =>
    ({ doc: new Y.Doc(), binary: new Uint8Array(4), object: { a: { b: 1 } }, map: new Y.Map(), array: new Y.Array(), text: new Y.Text("t"), number: 7 })[value];

  it("either refuses a change, or the draft it makes still reads, checks and stays within a file's nesting", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
        const doc = new Y.Doc();
        writeDraft(doc, structuredClone(template));
        const copy = new Y.Doc();
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
        const before = Y.encodeStateVector(copy);
        copy.transact(() => {
          for (const edit of steps) {
            if (edit.kind === "set") copy.getMap("scenario").set(edit.key, make(edit.value));
            else if (edit.kind === "root") copy.getMap(edit.name).set("x", 1);
            else {
              let node = copy.getMap("scenario");
              for (let i = 0; i < edit.depth; i++) {
                const child = new Y.Map<unknown>();
                node.set("deeper", child);
                node = child;
              }
            }
          }
        });
        const update = Y.encodeStateAsUpdate(copy, before);
        if (draftChangeProblem(doc, update) !== null) return;
        Y.applyUpdate(doc, update);
        const draft = readDraft(doc);
        expect(JSON.parse(JSON.stringify(draft))).toEqual(draft);
        validateScenario(draft);
      }),
      { numRuns: 200 },
    );
  });
});
