import * as Y from "yjs";
import { insertAt, readDraft, removeAt, setAt, writeDraft, type DraftPath } from "../../shared/scenario/draftDocument";
import { validateScenario, type ScenarioProblem } from "../../shared/scenario/parseScenario";
import { idKindsAt, referableIds } from "./draftIds";
import { formatSchema } from "./formatSchema";
import { danglingReferences, referencesTo } from "./schemaFields";

/** Edits run together into one undo step when they come closer than this (typing a word, not each letter). */
const UNDO_CAPTURE_MS = 500;

/** Something on the map the modder has picked: a system, a region or a starting ship, by its id. */
export interface Selected {
  kind: "system" | "region" | "force";
  id: string;
}

export const sameSelected = (a: Selected, b: Selected) => a.kind === b.kind && a.id === b.id;

/**
 * The draft being edited: a shared document (so a co-editing session can bind it to the editor room),
 * undo and redo of the modder's own edits, what is selected, and the draft checked by the same parser
 * as `npm run scenario -- check` once per frame after any change, wherever the change came from.
 */
export class EditorModel {
  readonly doc: Y.Doc;
  /** Marks this browser's edits, so undo takes back only these and never another modder's. */
  readonly localOrigin = { editor: "local" };
  readonly undoManager: Y.UndoManager;
  draft: Record<string, unknown> = {};
  problems: ScenarioProblem[] = [];
  /** The check stopped before the cross-references: more problems may show once these are fixed. */
  problemsIncomplete = false;
  selection: Selected[] = [];
  private readonly listeners = new Set<() => void>();
  private checkPending = false;

  constructor(doc = new Y.Doc()) {
    this.doc = doc;
    this.undoManager = new Y.UndoManager(this.doc.getMap("scenario"), { trackedOrigins: new Set([this.localOrigin]), captureTimeout: UNDO_CAPTURE_MS });
    this.doc.on("update", () => this.scheduleCheck());
    this.check();
  }

  get valid(): boolean {
    return this.problems.length === 0;
  }

  /** A new start: the whole draft replaced (not an undoable edit: the history begins again). */
  load(file: Record<string, unknown>): void {
    writeDraft(this.doc, file);
    this.undoManager.clear();
    this.selection = [];
    this.check();
  }

  set(path: DraftPath, value: unknown): boolean {
    return setAt(this.doc, path, value, this.localOrigin);
  }

  insert(path: DraftPath, index: number, items: readonly unknown[]): boolean {
    return insertAt(this.doc, path, index, items, this.localOrigin);
  }

  remove(path: DraftPath, index: number, count = 1): boolean {
    return removeAt(this.doc, path, index, count, this.localOrigin);
  }

  /**
   * Gives the thing whose id is at `path` a new id, and every field that names it (found through the
   * format's schema) the new id too; what was selected stays selected. One undo step.
   */
  renameAt(path: DraftPath, to: string): void {
    // Read afresh: the last check may be a frame behind the document.
    const draft = readDraft(this.doc);
    const from = valueAtPath(draft, path);
    if (typeof from !== "string" || from === to) {
      this.set(path, to);
      return;
    }
    const references = from === "" ? [] : referencesTo(formatSchema, draft, new Set(idKindsAt(path, draft)), from);
    this.batch(() => {
      this.set(path, to);
      for (const reference of references) this.set(reference, to);
    });
    this.selection = this.selection.map((item) => (item.id === from && listPath(item.kind).every((step, i) => path[i] === step) ? { ...item, id: to } : item));
    this.check();
  }

  /** Several edits as one (one undo step, one check). */
  batch(edits: () => void): void {
    this.doc.transact(edits, this.localOrigin);
  }

  /** A gesture (a drag) is about to make many edits: they become one undo step, ended by `endGesture`. */
  beginGesture(): void {
    this.undoManager.stopCapturing();
    this.undoManager.captureTimeout = Number.POSITIVE_INFINITY;
  }

  endGesture(): void {
    this.undoManager.captureTimeout = UNDO_CAPTURE_MS;
    this.undoManager.stopCapturing();
  }

  undo(): void {
    this.undoManager.undo();
  }

  redo(): void {
    this.undoManager.redo();
  }

  select(selection: Selected[]): void {
    this.selection = selection;
    this.notify();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private scheduleCheck(): void {
    if (this.checkPending) return;
    this.checkPending = true;
    const run = () => {
      this.checkPending = false;
      this.check();
    };
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(run);
    else queueMicrotask(run);
  }

  /** Reads the draft and checks it; a selection whose thing is gone is dropped. */
  check(): void {
    let result: ReturnType<typeof validateScenario>;
    try {
      this.draft = readDraft(this.doc);
      result = validateScenario(this.draft);
    } catch (error) {
      // The room refuses what a draft cannot hold; this is the last guard, so the editor goes on whatever arrives.
      result = { ok: false, problems: [{ path: "(file)", message: `the draft cannot be read (${(error as Error).message})` }] };
    }
    this.problems = result.ok ? [] : result.problems;
    this.problemsIncomplete = !result.ok && result.incomplete === true;
    if (this.problemsIncomplete) {
      const listed = new Set(this.problems.map((problem) => problem.path));
      this.problems = [...this.problems, ...danglingReferences(formatSchema, this.draft, referableIds(this.draft)).filter((problem) => !listed.has(problem.path))];
    }
    this.selection = this.selection.filter((item) => idsOf(this.draft, item.kind).includes(item.id));
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The things of this kind in the draft with their places in its list, read defensively: a broken draft may hold anything. */
export function entriesOf(draft: Record<string, unknown>, kind: Selected["kind"]): { index: number; item: Record<string, unknown> }[] {
  const map = draft.map as Record<string, unknown> | undefined;
  const list = kind === "system" ? map?.systems : kind === "region" ? map?.regions : draft.forces;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown, index) => (typeof item === "object" && item !== null && !Array.isArray(item) ? [{ index, item: item as Record<string, unknown> }] : []));
}

export function idsOf(draft: Record<string, unknown>, kind: Selected["kind"]): string[] {
  return entriesOf(draft, kind).map(({ item }) => String(item.id));
}

/** The place in its list of the thing with this id, or -1. */
export function indexOf(draft: Record<string, unknown>, selected: Selected): number {
  return entriesOf(draft, selected.kind).find(({ item }) => item.id === selected.id)?.index ?? -1;
}

/** Where a thing of this kind sits in the draft: its list's path. */
export const listPath = (kind: Selected["kind"]): DraftPath => (kind === "system" ? ["map", "systems"] : kind === "region" ? ["map", "regions"] : ["forces"]);

/** An id not yet taken in the list: the stem, then stem-2, stem-3… */
export function freeId(taken: readonly string[], stem: string): string {
  const used = new Set(taken);
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** The plain value at `path` in a JSON value, or undefined. */
export function valueAtPath(value: unknown, path: DraftPath): unknown {
  let node = value;
  for (const step of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node;
}
