import * as Y from "yjs";
import { MAX_DEPTH } from "./parseScenario";

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

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Edits a Y.Text to read `next` by replacing only the span that changed, so a concurrent edit elsewhere in it survives. */
function retype(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  let start = 0;
  while (start < current.length && start < next.length && current[start] === next[start]) start++;
  // Never between the two halves of one character (an emoji is two UTF-16 units): the span takes the whole character.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < current.length - start && end < next.length - start && current[current.length - 1 - end] === next[next.length - 1 - end]) end++;
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--;
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

/** Whether a value the document stores as it is (Yjs "any" content) is one a scenario file holds: a plain value, never an object. */
const isPlainValue = (value: unknown) => value === null || ["string", "number", "boolean"].includes(typeof value);

/** How deep the shared types of the draft nest, walking without recursion; stops once past `limit`. */
/** Any shared type (Yjs types differ in their event type; only their children are read here). */
type AnyType = Y.AbstractType<any>;

function typeDepth(root: AnyType, limit: number): number {
  let deepest = 0;
  const stack: [AnyType, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [type, depth] = stack.pop()!;
    if (depth > limit) return depth;
    deepest = Math.max(deepest, depth);
    const children = type instanceof Y.Map ? [...type.values()] : type instanceof Y.Array ? type.toArray() : [];
    for (const child of children) if (child instanceof Y.AbstractType) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Why a change from an editor cannot go into the draft, or null if it can. A draft holds what a
 * scenario file holds: maps, lists, texts and plain values under the one root, nested no deeper than
 * a file may be. Anything else Yjs can carry (embedded documents, binary, formatting, objects stored
 * whole, other roots) is refused before it is applied, so no editor's copy and no check ever sees it.
 */
export function draftChangeProblem(doc: Y.Doc, update: Uint8Array): string | null {
  let structs: ReturnType<typeof Y.decodeUpdate>["structs"];
  try {
    structs = Y.decodeUpdate(update).structs;
  } catch {
    return "the change could not be read (malformed bytes)";
  }
  let addsTypes = false;
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (typeof struct.parent === "string" && struct.parent !== DRAFT_ROOT) return `a draft keeps everything under its one root, "${DRAFT_ROOT}"`;
    const content = struct.content;
    if (content instanceof Y.ContentType) {
      if (!(content.type instanceof Y.Map || content.type instanceof Y.Array || content.type instanceof Y.Text)) return "a draft holds only maps, lists and texts";
      addsTypes = true;
    } else if (content instanceof Y.ContentAny) {
      if (!content.arr.every(isPlainValue)) return "a draft stores objects and lists as maps and lists, never whole";
    } else if (!(content instanceof Y.ContentString || content instanceof Y.ContentDeleted)) {
      return "a draft holds only maps, lists, texts and plain values";
    }
  }
  if (!addsTypes) return null;
  // New maps or lists: how deep they sit shows only once placed, so they are placed on a copy first.
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  Y.applyUpdate(copy, update);
  const depth = typeDepth(copy.getMap(DRAFT_ROOT), MAX_DEPTH);
  copy.destroy();
  return depth > MAX_DEPTH ? `the change nests the draft deeper than ${MAX_DEPTH} levels` : null;
}
