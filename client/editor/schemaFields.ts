import { REFERS_TO, type IdKind } from "../../shared/scenario/idSchema";

/** The parts of JSON Schema the scenario format's exported schema uses (shared/scenario/jsonSchema.ts). */
export interface FieldSchema {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  properties?: Record<string, FieldSchema>;
  required?: string[];
  items?: FieldSchema;
  anyOf?: FieldSchema[];
  oneOf?: FieldSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  maxLength?: number;
  /** What the field means, from the format's own `.describe()`: shown under it. */
  description?: string;
  [REFERS_TO]?: IdKind;
}

/** Where a field's own name reads badly as a heading: a trigger's "when" and "then" lists. */
export const FIELD_LABELS: Record<string, string> = { when: "When (conditions, all must hold)", then: "Then (effects)" };
/** What one item of a list is called on its "Add" button, where the list's name minus an "s" would not do. */
export const ITEM_NAMES: Record<string, string> = { when: "condition", then: "effect", baseCandidates: "base site", forces: "ship", route: "stop", systems: "system", outline: "corner", steps: "step", done: "condition" };

/** The kind a new item of these lists starts as: the simplest to fill in (others are a choice away). */
export const FIRST_KINDS: Record<string, string> = { when: "day", then: "message" };

/** The variant a new item of the list `listKey` starts as (FIRST_KINDS), or the item schema itself. */
export function preferredVariant(items: FieldSchema, listKey: string | number | undefined): FieldSchema {
  const kind = typeof listKey === "string" ? FIRST_KINDS[listKey] : undefined;
  return (kind && variantsOf(items)?.find((variant) => variant.properties?.kind?.const === kind)) || items;
}

/** "baseCandidates" → "Base candidates". */
export function labelOf(key: string | number): string {
  if (typeof key === "number") return `#${key + 1}`;
  if (FIELD_LABELS[key]) return FIELD_LABELS[key];
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const variantsOf = (schema: FieldSchema) => schema.oneOf ?? schema.anyOf;
export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The property that tells a union's objects apart ("kind" for goals, conditions and effects, "side" for seats), if any. */
export function discriminatorOf(variants: FieldSchema[]): string | undefined {
  const first = variants[0]?.properties;
  if (!first) return undefined;
  return Object.keys(first).find((key) => variants.every((variant) => variant.properties?.[key]?.const !== undefined));
}

/** What a union variant is called in its chooser. */
export function variantName(variant: FieldSchema, discriminator: string | undefined): string {
  if (discriminator) return String(variant.properties![discriminator]!.const).replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  if (variant[REFERS_TO]) return `a ${variant[REFERS_TO]}`;
  if (variant.type === "object") return Object.keys(variant.properties ?? {}).join(" and ") || "object";
  return variant.type ?? "value";
}

/** Which variant a value is, so the form shows the right fields. */
export function variantIndex(variants: FieldSchema[], value: unknown): number {
  const discriminator = discriminatorOf(variants);
  if (discriminator && isObject(value)) {
    const found = variants.findIndex((variant) => variant.properties![discriminator]!.const === value[discriminator]);
    return Math.max(0, found);
  }
  const byType = variants.findIndex((variant) => {
    if (variant.type === "object") return isObject(value) && (variant.required ?? []).every((key) => key in value);
    return typeof value === (variant.type === "integer" ? "number" : variant.type);
  });
  return Math.max(0, byType);
}

/** A value that fills the schema's required parts, for a field or item the modder adds. */
export function defaultFor(schema: FieldSchema, ids: Record<IdKind, string[]>, key?: string | number): unknown {
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const refersTo = schema[REFERS_TO];
  // A reference starts unchosen ("— choose —", a problem until chosen): a guess would quietly name the first system.
  if (refersTo) return "";
  const variants = variantsOf(schema);
  if (variants) return defaultFor(variants[0]!, ids, key);
  switch (schema.type) {
    case "object":
      return Object.fromEntries((schema.required ?? []).map((name) => [name, defaultFor(schema.properties![name]!, ids, name)]));
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, (_, i) => defaultFor(preferredVariant(schema.items ?? {}, key), ids, i));
    case "string":
      return key === "id" ? `new-${Math.random().toString(36).slice(2, 6)}` : "";
    case "number":
    case "integer": {
      const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
      return Math.min(schema.maximum ?? Infinity, Math.max(low, 0));
    }
    case "boolean":
      return false;
    default:
      return null;
  }
}


/**
 * Every place in the draft where a field that names things of these kinds names `id`, found by walking
 * the draft beside the format's schema (each union by the variant the value is). A renamed system,
 * seat, objective or ship takes these along.
 */
export function referencesTo(schema: FieldSchema, value: unknown, kinds: ReadonlySet<IdKind>, id: string, path: (string | number)[] = []): (string | number)[][] {
  const refersTo = schema[REFERS_TO];
  if (refersTo && kinds.has(refersTo)) return value === id ? [path] : [];
  const variants = variantsOf(schema);
  if (variants) return variants.length > 0 ? referencesTo(variants[variantIndex(variants, value)]!, value, kinds, id, path) : [];
  if (schema.type === "array" && Array.isArray(value) && schema.items) return value.flatMap((item, index) => referencesTo(schema.items!, item, kinds, id, [...path, index]));
  if (schema.type === "object" && isObject(value))
    return Object.entries(schema.properties ?? {}).flatMap(([key, child]) => (key in value ? referencesTo(child, value[key], kinds, id, [...path, key]) : []));
  return [];
}

/**
 * Where a problem is, in words a modder reads: "Triggers › “opening” › Then › effect 1 › Text"
 * rather than "triggers.0.then.0.text". Items with an id are named by it.
 */
export function placeInWords(draft: unknown, path: string): string {
  if (path === "(file)") return "The file";
  const words: string[] = [];
  let node: unknown = draft;
  let listKey = "";
  for (const step of path.split(".")) {
    const index = /^\d+$/.test(step) ? Number(step) : null;
    const child = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[step] : undefined;
    if (index !== null && Array.isArray(node)) {
      const id = isObject(child) && typeof child.id === "string" && child.id !== "" ? child.id : null;
      words.push(id ? `“${id}”` : `${ITEM_NAMES[listKey] ?? listKey.replace(/s$/, "")} ${index + 1}`);
    } else {
      words.push(FIELD_LABELS[step] ? labelOf(step).replace(/ \(.*\)$/, "") : labelOf(step));
      listKey = step;
    }
    node = child;
  }
  return words.join(" › ");
}

/**
 * Fields that name something the draft does not have (a deleted system, a renamed seat), found the
 * same way as referencesTo. The parser reports these only once every field is well formed; the editor
 * shows them at once, so a modder sees what a deletion broke.
 */
export function danglingReferences(schema: FieldSchema, value: unknown, ids: Record<IdKind, string[]>, path: (string | number)[] = []): { path: string; message: string }[] {
  const refersTo = schema[REFERS_TO];
  if (refersTo) {
    const what = refersTo === "maquis-seat" ? "Maquis cell seat" : refersTo;
    return typeof value === "string" && value !== "" && !ids[refersTo].includes(value) ? [{ path: path.join("."), message: `no ${what} has the id "${value}"` }] : [];
  }
  const variants = variantsOf(schema);
  if (variants) return variants.length > 0 ? danglingReferences(variants[variantIndex(variants, value)]!, value, ids, path) : [];
  if (schema.type === "array" && Array.isArray(value) && schema.items) return value.flatMap((item, index) => danglingReferences(schema.items!, item, ids, [...path, index]));
  if (schema.type === "object" && isObject(value))
    return Object.entries(schema.properties ?? {}).flatMap(([key, child]) => (key in value ? danglingReferences(child, value[key], ids, [...path, key]) : []));
  return [];
}

/** What a modder types as an id, made into one: "Last Post!" → "last-post". */
export function idFrom(typed: string): string {
  return typed
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
}
