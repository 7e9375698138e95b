import * as Y from "yjs";

/**
 * A scenario draft as a Yjs document, so several modders can edit one draft at once and their edits
 * merge field by field (the editor room relays the document's updates; see server/rooms/EditorRoom.ts).
 * Objects are Y.Maps, arrays Y.Arrays, free texts Y.Texts (two people typing in one briefing both keep
 * their words), and every other value is stored as it is. `readDraft` gives back plain JSON, which the
 * shared parser checks exactly as it checks a file.
 */

/** The name of the document's one root map. */
export const DRAFT_ROOT = "scenario";

/** Fields whose strings are prose people write together, merged character by character. Everything else (ids, kinds) is replaced whole. */
const FREE_TEXT_KEYS = new Set(["briefing", "notes", "text", "title", "name", "fate", "reason"]);

export type DraftPath = readonly (string | number)[];
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Container = Y.Map<unknown> | Y.Array<unknown>;

/** The JSON value as the document holds it: containers for objects and arrays, Y.Text for prose. */
function toShared(value: unknown, key: string | number | undefined): unknown {
  if (Array.isArray(value)) {
    const array = new Y.Array<unknown>();
    array.insert(0, value.map((item) => toShared(item, key)));
    return array;
  }
  if (typeof value === "object" && value !== null) {
    const map = new Y.Map<unknown>();
    for (const [childKey, child] of Object.entries(value)) if (child !== undefined) map.set(childKey, toShared(child, childKey));
    return map;
  }
  if (typeof value === "string" && typeof key === "string" && FREE_TEXT_KEYS.has(key)) return new Y.Text(value);
  return value;
}

export function draftRoot(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(DRAFT_ROOT);
}

/** Replaces the whole draft (a new start: a template, a scenario, a file). */
export function writeDraft(doc: Y.Doc, file: Record<string, unknown>, origin?: unknown): void {
  doc.transact(() => {
    const root = draftRoot(doc);
    for (const key of [...root.keys()]) root.delete(key);
    for (const [key, value] of Object.entries(file)) if (value !== undefined) root.set(key, toShared(value, key));
  }, origin);
}

/** The draft as plain JSON, as a scenario file would hold it. */
export function readDraft(doc: Y.Doc): Record<string, unknown> {
  return draftRoot(doc).toJSON() as Record<string, unknown>;
}

/** The container at `path`, or undefined if the path leads nowhere (someone else removed it meanwhile). */
function containerAt(doc: Y.Doc, path: DraftPath): Container | undefined {
  let node: unknown = draftRoot(doc);
  for (const step of path) {
    if (node instanceof Y.Map && typeof step === "string") node = node.get(step);
    else if (node instanceof Y.Array && typeof step === "number" && step >= 0 && step < node.length) node = node.get(step);
    else return undefined;
  }
  return node instanceof Y.Map || node instanceof Y.Array ? node : undefined;
}

/** Edits a Y.Text to read `next` by replacing only the span that changed, so a concurrent edit elsewhere in it survives. */
function retype(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  let start = 0;
  while (start < current.length && start < next.length && current[start] === next[start]) start++;
  let end = 0;
  while (end < current.length - start && end < next.length - start && current[current.length - 1 - end] === next[next.length - 1 - end]) end++;
  text.delete(start, current.length - start - end);
  text.insert(start, next.slice(start, next.length - end));
}

/**
 * Sets the value at `path` (the last step a key or an index). An undefined value removes the key.
 * Returns false when the path no longer leads anywhere.
 */
export function setAt(doc: Y.Doc, path: DraftPath, value: unknown, origin?: unknown): boolean {
  const parent = containerAt(doc, path.slice(0, -1));
  const last = path[path.length - 1];
  if (!parent || last === undefined) return false;
  doc.transact(() => {
    if (parent instanceof Y.Map && typeof last === "string") {
      const current = parent.get(last);
      if (value === undefined) parent.delete(last);
      else if (current instanceof Y.Text && typeof value === "string") retype(current, value);
      else if (current !== value) parent.set(last, toShared(value, last));
    } else if (parent instanceof Y.Array && typeof last === "number" && last >= 0 && last < parent.length) {
      if (parent.get(last) === value) return;
      const key = path.length >= 2 ? path[path.length - 2] : undefined;
      parent.delete(last, 1);
      parent.insert(last, [toShared(value, key)]);
    }
  }, origin);
  return true;
}

/** Inserts items into the array at `path` at `index` (clamped to its length). */
export function insertAt(doc: Y.Doc, path: DraftPath, index: number, items: readonly unknown[], origin?: unknown): boolean {
  const array = containerAt(doc, path);
  if (!(array instanceof Y.Array)) return false;
  const key = path[path.length - 1];
  doc.transact(() => array.insert(Math.max(0, Math.min(index, array.length)), items.map((item) => toShared(item, key))), origin);
  return true;
}

/** Removes `count` items from the array at `path`, from `index`. */
export function removeAt(doc: Y.Doc, path: DraftPath, index: number, count = 1, origin?: unknown): boolean {
  const array = containerAt(doc, path);
  if (!(array instanceof Y.Array) || index < 0 || index >= array.length) return false;
  doc.transact(() => array.delete(index, Math.min(count, array.length - index)), origin);
  return true;
}

/** The plain value at `path`, or undefined. */
export function valueAt(doc: Y.Doc, path: DraftPath): unknown {
  let node: unknown = draftRoot(doc);
  for (const step of path) {
    if (node instanceof Y.Map && typeof step === "string") node = node.get(step);
    else if (node instanceof Y.Array && typeof step === "number") node = node.get(step);
    else return undefined;
  }
  return node instanceof Y.AbstractType ? (node.toJSON() as Json) : node;
}
