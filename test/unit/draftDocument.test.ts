import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { draftChangeProblem, insertAt, readDraft, removeAt, setAt, valueAt, writeDraft } from "../../shared/scenario/draftDocument";
import { validateScenario } from "../../shared/scenario/parseScenario";

const file = JSON.parse(readFileSync(new URL("../../assets/scenarios/dorvan-2370.json", import.meta.url), "utf8")) as Record<string, unknown>;

/** Two documents that exchange every update, as two modders' browsers do through the editor room. */
function pair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  writeDraft(a, file);
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return [a, b];
}
const exchange = (a: Y.Doc, b: Y.Doc) => {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
};

describe("a scenario draft as a shared document", () => {
  it("gives back the file it was given, which still parses", () => {
    const doc = new Y.Doc();
    writeDraft(doc, file);
    expect(readDraft(doc)).toEqual(JSON.parse(JSON.stringify(file)));
    expect(validateScenario(readDraft(doc)).ok).toBe(true);
  });

  it("sets, inserts and removes by path, and says when a path leads nowhere", () => {
    const doc = new Y.Doc();
    writeDraft(doc, file);
    expect(setAt(doc, ["map", "systems", 0, "x"], 123)).toBe(true);
    expect(valueAt(doc, ["map", "systems", 0, "x"])).toBe(123);
    const systems = (valueAt(doc, ["map", "systems"]) as unknown[]).length;
    insertAt(doc, ["map", "systems"], systems, [{ id: "new-world", name: "New World", x: 10, y: 10, population: 0, sympathy: 0, controller: "independent" }]);
    expect((valueAt(doc, ["map", "systems"]) as unknown[]).length).toBe(systems + 1);
    removeAt(doc, ["map", "systems"], systems);
    expect((valueAt(doc, ["map", "systems"]) as unknown[]).length).toBe(systems);
    expect(setAt(doc, ["map", "systems", 999, "x"], 1)).toBe(false);
    expect(setAt(doc, ["nothing", "here"], 1)).toBe(false);
  });

  it("merges two modders' edits to different fields and keeps both", () => {
    const [a, b] = pair();
    setAt(a, ["map", "systems", 0, "x"], 50);
    setAt(b, ["map", "systems", 1, "y"], 60);
    setAt(b, ["title"], "A new title");
    exchange(a, b);
    expect(readDraft(a)).toEqual(readDraft(b));
    expect(valueAt(a, ["map", "systems", 0, "x"])).toBe(50);
    expect(valueAt(a, ["map", "systems", 1, "y"])).toBe(60);
    expect(valueAt(a, ["title"])).toBe("A new title");
  });

  it("keeps both modders' words when they type in one briefing at once", () => {
    const [a, b] = pair();
    const briefing = valueAt(a, ["briefing"]) as string;
    setAt(a, ["briefing"], `Opening words. ${briefing}`);
    setAt(b, ["briefing"], `${briefing} Closing words.`);
    exchange(a, b);
    expect(valueAt(a, ["briefing"])).toBe(`Opening words. ${briefing} Closing words.`);
    expect(valueAt(b, ["briefing"])).toBe(valueAt(a, ["briefing"]));
  });

  it("changes an emoji in a text whole, for both modders", () => {
    const [a, b] = pair();
    setAt(a, ["briefing"], "Flag 😀 day");
    exchange(a, b);
    setAt(a, ["briefing"], "Flag 😁 day");
    exchange(a, b);
    expect(valueAt(a, ["briefing"])).toBe("Flag 😁 day");
    expect(valueAt(b, ["briefing"])).toBe("Flag 😁 day");
  });

  it("keeps both systems when two modders add one each at the same moment", () => {
    const [a, b] = pair();
    const count = (valueAt(a, ["map", "systems"]) as unknown[]).length;
    const world = (id: string) => ({ id, name: id, x: 1, y: 1, population: 0, sympathy: 0, controller: "independent" });
    insertAt(a, ["map", "systems"], count, [world("alpha-new")]);
    insertAt(b, ["map", "systems"], count, [world("beta-new")]);
    exchange(a, b);
    const ids = (valueAt(a, ["map", "systems"]) as { id: string }[]).map((system) => system.id);
    expect(ids).toContain("alpha-new");
    expect(ids).toContain("beta-new");
    expect(readDraft(a)).toEqual(readDraft(b));
  });

  it("undoes one's own edits and leaves the other modder's", () => {
    const [a, b] = pair();
    const mine = { who: "a" };
    const undo = new Y.UndoManager(a.getMap("scenario"), { trackedOrigins: new Set([mine]), captureTimeout: 0 });
    setAt(a, ["map", "systems", 0, "x"], 77, mine);
    setAt(b, ["map", "systems", 1, "x"], 88);
    exchange(a, b);
    undo.undo();
    exchange(a, b);
    expect(valueAt(b, ["map", "systems", 0, "x"])).toBe((file.map as { systems: { x: number }[] }).systems[0]!.x);
    expect(valueAt(b, ["map", "systems", 1, "x"])).toBe(88);
  });
});

describe("what a change may bring into a draft", () => {
  const base = () => {
    const doc = new Y.Doc();
    writeDraft(doc, file);
    return doc;
  };
  /** The update a hostile editor's copy would send after `edit`. */
  const changeFrom = (doc: Y.Doc, edit: (copy: Y.Doc) => void) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(copy);
    edit(copy);
    return Y.encodeStateAsUpdate(copy, before);
  };

  it("takes the edits the editor makes", () => {
    const doc = base();
    expect(draftChangeProblem(doc, changeFrom(doc, (copy) => setAt(copy, ["map", "systems", 0, "x"], 5)))).toBeNull();
    expect(draftChangeProblem(doc, changeFrom(doc, (copy) => setAt(copy, ["briefing"], "New words.")))).toBeNull();
    const world = { id: "new-world", name: "New World", x: 1, y: 1, population: 0, sympathy: 0, controller: "independent" };
    expect(draftChangeProblem(doc, changeFrom(doc, (copy) => insertAt(copy, ["map", "systems"], 0, [world])))).toBeNull();
  });

  it("refuses embedded documents, objects stored whole, binary, other roots, and nesting past a file's", () => {
    const doc = base();
    const refusals = [
      changeFrom(doc, (copy) => (copy.getMap("scenario").get("forces") as Y.Array<unknown>).insert(0, [1, new Y.Doc()])),
      changeFrom(doc, (copy) => copy.getMap("scenario").set("ai", { deep: { deeper: {} } })),
      changeFrom(doc, (copy) => copy.getMap("scenario").set("title", new Uint8Array(8))),
      changeFrom(doc, (copy) => copy.getMap("elsewhere").set("x", 1)),
      changeFrom(doc, (copy) => {
        let node = copy.getMap("scenario");
        for (let i = 0; i < 40; i++) {
          const child = new Y.Map<unknown>();
          node.set("deeper", child);
          node = child;
        }
      }),
    ].map((update) => draftChangeProblem(doc, update));
    expect(refusals.every((problem) => typeof problem === "string")).toBe(true);
    expect(refusals.join("\n")).toMatch(/deeper than 32 levels/);
    expect(draftChangeProblem(doc, new Uint8Array([1, 2, 3, 250, 250]))).toMatch(/could not be read/);
  });
});
