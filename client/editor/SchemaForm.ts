import { css, html, LitElement, nothing, type TemplateResult } from "lit";
import { live } from "lit/directives/live.js";
import type { DraftPath } from "../../shared/scenario/draftDocument";
import { REFERS_TO, type IdKind } from "../../shared/scenario/idSchema";
import { panelStyles } from "../ui/panelStyles";
import { valueAtPath, type EditorModel } from "./editorModel";
import { defaultFor, discriminatorOf, idFrom, isObject, ITEM_NAMES, labelOf, preferredVariant, variantIndex, variantName, variantsOf, type FieldSchema } from "./schemaFields";
import type { RemoteField } from "./coEditing";
import { freeId } from "./editorModel";
import { namesOfIds, pathKey, referableIds } from "./draftIds";
import { EDITOR_TUNING } from "./editorTuning";

/** A field's meaning, from the format's own description, under it; field names in it read as their labels (`atLeast` → “At least”). */
const help = (schema: FieldSchema) =>
  schema.description ? html`<div class="help" data-help>${schema.description.replace(/`(\w+)`/g, (_, key: string) => `“${labelOf(key)}”`)}</div>` : nothing;

/** Free texts this long or longer get a text area. */
const LONG_TEXT = 300;

/**
 * A form for one part of the scenario, drawn from the format's own JSON Schema: a field added to the
 * format shows up here without editor code. Unions become a chooser (a goal's kind, a trigger's
 * condition and effect, a ship at a system or at a point), ids that name something else become lists of
 * the scenario's own systems, seats, objectives or ships, never free text. Every change goes through
 * the model: undoable, shared with co-editors, checked within a frame.
 *
 * One small renderer rather than a form library: the well-kept JSON Schema form libraries (JSON Forms,
 * react-jsonschema-form) are built for React, Angular or Vue, not lit; the format uses a small part of
 * JSON Schema (objects, arrays, unions, enums, numbers, texts), and the part a library would not give
 * (lists of the scenario's own ids from "x-refers-to", edits through the shared document) is the most of it.
 */
export class SchemaForm extends LitElement {
  static properties = { model: { attribute: false }, schema: { attribute: false }, path: { attribute: false }, label: {}, remoteFields: { attribute: false } };
  declare model: EditorModel;
  declare schema: FieldSchema;
  declare path: DraftPath;
  declare label: string;
  /** The fields other editors are in, outlined in their colours. */
  declare remoteFields: RemoteField[];
  private ids: Record<IdKind, string[]> = { system: [], seat: [], "maquis-seat": [], objective: [], ship: [] };
  private names = new Map<string, string>();
  private unsubscribe: (() => void) | null = null;

  constructor() {
    super();
    this.path = [];
    this.label = "";
    this.remoteFields = [];
  }

  static styles = [
    panelStyles,
    css`
      :host { display: block; }
      fieldset { border: 1px solid #2a3550; border-radius: 6px; margin: 6px 0; padding: 6px 8px; min-width: 0; }
      legend { color: #9fb0cf; font-size: 12px; padding: 0 4px; }
      .row { display: grid; grid-template-columns: minmax(90px, 34%) 1fr auto; gap: 6px; align-items: center; margin: 4px 0; }
      .row > label { color: #9fb0cf; font-size: 13px; overflow-wrap: anywhere; }
      input, select, textarea { width: 100%; box-sizing: border-box; background: #0b1222; color: #e6ecf7; border: 1px solid #34425f; border-radius: 4px; padding: 4px 6px; font: inherit; font-size: 13px; }
      input[type="checkbox"] { width: auto; }
      textarea { min-height: 90px; resize: vertical; }
      .item { border-left: 2px solid #34425f; padding-left: 8px; margin: 6px 0; }
      .item-head { display: flex; gap: 6px; align-items: center; color: #9fb0cf; font-size: 12px; }
      .item-head .grow { flex: 1; }
      button.small { display: inline-block; padding: 2px 8px; font-size: 12px; min-height: 0; width: auto; margin: 0 0 0 4px; }
      .add { display: flex; flex-wrap: wrap; gap: 4px; margin: 4px 0; }
      .fixed { color: #c9d2e3; font-size: 13px; }
      .help { grid-column: 1 / -1; color: #7d8aa5; font-size: 11.5px; margin: -2px 0 2px; }
      [data-flash] { outline: 2px solid #ffd27a; outline-offset: 2px; border-radius: 4px; }
    `,
  ];

  connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = this.model.onChange(() => this.requestUpdate());
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  /** Scrolls to the field at this dotted path (or its nearest shown parent) and marks it a moment. */
  reveal(path: string): boolean {
    const fields = [...this.renderRoot.querySelectorAll<HTMLElement>("[data-path]")];
    let best: HTMLElement | undefined;
    for (const field of fields) {
      const fieldPath = field.dataset.path!;
      if ((path === fieldPath || path.startsWith(`${fieldPath}.`)) && (!best || fieldPath.length > best.dataset.path!.length)) best = field;
    }
    if (!best) return false;
    best.scrollIntoView({ block: "center" });
    best.toggleAttribute("data-flash", true);
    setTimeout(() => best.toggleAttribute("data-flash", false), EDITOR_TUNING.focusFlashMs);
    best.querySelector<HTMLElement>("input, select, textarea")?.focus({ preventScroll: true });
    return true;
  }

  render() {
    this.ids = referableIds(this.model.draft);
    this.names = namesOfIds(this.model.draft);
    return this.field(this.schema, this.path, valueAtPath(this.model.draft, this.path), this.label);
  }

  private field(schema: FieldSchema, path: DraftPath, value: unknown, label: string, remove?: () => void): TemplateResult {
    const variants = variantsOf(schema);
    if (variants) return this.union(variants, path, value, label, remove);
    if (schema.type === "object") return this.object(schema, path, value, label, remove);
    if (schema.type === "array") return this.array(schema, path, value, label, remove);
    const other = this.remoteFields.find((field) => field.path === pathKey(path));
    return html`<div class="row" data-path=${pathKey(path)} style=${other ? `outline: 2px solid ${other.color}; outline-offset: 2px; border-radius: 4px` : ""}>
      <label for=${pathKey(path)}>${label}${other ? html` <span class="editing" data-remote-field style=${`color:${other.color}`}>(${other.name})</span>` : nothing}</label>
      ${this.input(schema, path, value)}
      ${remove ? html`<button class="small" title="Remove" aria-label=${`Remove ${label}`} @click=${remove}>×</button>` : html`<span></span>`}
      ${help(schema)}
    </div>`;
  }

  private input(schema: FieldSchema, path: DraftPath, value: unknown): TemplateResult {
    const id = pathKey(path);
    const set = (next: unknown) => this.model.set(path, next);
    if (schema.const !== undefined) return html`<span class="fixed" id=${id}>${String(schema.const)}</span>`;
    const refersTo = schema[REFERS_TO];
    if (refersTo || schema.enum) {
      const options = (refersTo ? this.ids[refersTo] : schema.enum!).map(String);
      const current = value === undefined || value === null ? "" : String(value);
      const known = options.includes(current);
      return html`<select id=${id} data-refers-to=${refersTo ?? nothing} @change=${(event: Event) => set((event.target as HTMLSelectElement).value)}>
        ${known ? nothing : html`<option value=${current} selected>${current ? `${current} (missing)` : "— choose —"}</option>`}
        ${options.map((option) => {
          const name = refersTo ? this.names.get(option) : undefined;
          return html`<option value=${option} ?selected=${option === current}>${name && name !== option ? `${name} (${option})` : option}</option>`;
        })}
      </select>`;
    }
    if (schema.type === "boolean")
      return html`<input id=${id} type="checkbox" .checked=${live(value === true)} @change=${(event: Event) => set((event.target as HTMLInputElement).checked)} />`;
    if (schema.type === "number" || schema.type === "integer")
      return html`<input id=${id} type="number" step=${schema.type === "integer" ? 1 : "any"} min=${schema.minimum ?? nothing} max=${schema.maximum ?? nothing}
        .value=${live(typeof value === "number" ? String(value) : "")}
        @input=${(event: Event) => {
          const text = (event.target as HTMLInputElement).value;
          set(text.trim() === "" || !Number.isFinite(Number(text)) ? null : Number(text));
        }} />`;
    const text = typeof value === "string" ? value : "";
    // An id is taken when the modder is done with it (Enter, or leaving the field), and what names it is renamed along.
    if (path[path.length - 1] === "id")
      return html`<input id=${id} type="text" data-id-field maxlength=${schema.maxLength ?? nothing} .value=${live(text)}
        @change=${(event: Event) => {
          const input = event.target as HTMLInputElement;
          input.value = idFrom(input.value);
          this.model.renameAt(path, input.value);
        }} />`;
    const onInput = (event: Event) => set((event.target as HTMLInputElement | HTMLTextAreaElement).value);
    return (schema.maxLength ?? 0) >= LONG_TEXT
      ? html`<textarea id=${id} maxlength=${schema.maxLength ?? nothing} .value=${live(text)} @input=${onInput}></textarea>`
      : html`<input id=${id} type="text" maxlength=${schema.maxLength ?? nothing} .value=${live(text)} @input=${onInput} />`;
  }

  private union(variants: FieldSchema[], path: DraftPath, value: unknown, label: string, remove?: () => void): TemplateResult {
    const discriminator = discriminatorOf(variants);
    const chosen = variantIndex(variants, value);
    const choose = (index: number) => {
      const next = defaultFor(variants[index]!, this.ids, path[path.length - 1]) as unknown;
      // A new kind keeps the id it had, so references to it survive the change.
      if (isObject(next) && isObject(value) && typeof value.id === "string" && "id" in next) next.id = value.id;
      this.model.set(path, next);
    };
    const chooser = html`<select aria-label=${`${label || labelOf(path[path.length - 1] ?? "value")}: kind`} data-variant @change=${(event: Event) => choose(Number((event.target as HTMLSelectElement).value))}>
      ${variants.map((variant, index) => html`<option value=${index} ?selected=${index === chosen}>${variantName(variant, discriminator)}</option>`)}
    </select>`;
    const variant = variants[chosen]!;
    if (variant.type !== "object")
      return html`<div class="row" data-path=${pathKey(path)}><label>${label}</label><div>${chooser} ${this.input(variant, path, value)}</div>
        ${remove ? html`<button class="small" aria-label=${`Remove ${label}`} @click=${remove}>×</button>` : html`<span></span>`}</div>`;
    const fields = { ...variant, properties: Object.fromEntries(Object.entries(variant.properties ?? {}).filter(([key]) => key !== discriminator)) };
    return this.object(fields, path, value, label, remove, chooser);
  }

  private object(schema: FieldSchema, path: DraftPath, value: unknown, label: string, remove?: () => void, chooser?: TemplateResult): TemplateResult {
    const object = isObject(value) ? value : {};
    const required = new Set(schema.required ?? []);
    const entries = Object.entries(schema.properties ?? {});
    const shown = entries.filter(([key]) => required.has(key) || object[key] !== undefined);
    const addable = entries.filter(([key]) => !required.has(key) && object[key] === undefined);
    const body = html`${chooser ? html`<div class="row"><label>Kind</label>${chooser}<span></span>${help(schema)}</div>` : !label ? nothing : help(schema)}
      ${shown.map(([key, child]) =>
        this.field(child, [...path, key], object[key], labelOf(key), required.has(key) ? undefined : () => this.model.set([...path, key], undefined)),
      )}
      ${addable.length > 0
        ? html`<div class="add">${addable.map(
            ([key, child]) => html`<button class="small" data-add=${key} @click=${() => this.addProperty(path, value, key, child)}>+ ${labelOf(key)}</button>`,
          )}</div>`
        : nothing}`;
    if (!label) return html`<div data-path=${pathKey(path)}>${body}</div>`;
    return html`<fieldset data-path=${pathKey(path)}>
      <legend>${label} ${remove ? html`<button class="small" aria-label=${`Remove ${label}`} @click=${remove}>×</button>` : nothing}</legend>
      ${body}
    </fieldset>`;
  }

  private addProperty(path: DraftPath, value: unknown, key: string, schema: FieldSchema): void {
    const next = defaultFor(schema, this.ids, key);
    if (isObject(value)) this.model.set([...path, key], next);
    else this.model.set(path, { [key]: next });
  }

  private array(schema: FieldSchema, path: DraftPath, value: unknown, label: string, remove?: () => void): TemplateResult {
    const items = Array.isArray(value) ? value : [];
    const itemSchema = schema.items ?? {};
    const full = schema.maxItems !== undefined && items.length >= schema.maxItems;
    const add = () => {
      const item = this.newItem(itemSchema, String(path[path.length - 1]), items);
      if (!Array.isArray(value)) this.model.set(path, [item]);
      else this.model.insert(path, items.length, [item]);
      // The new item is in view, its first field ready to type in, once the check has drawn it.
      const where = `${pathKey(path)}.${items.length}`;
      requestAnimationFrame(() => void this.updateComplete.then(() => this.reveal(where)));
    };
    const simple = !variantsOf(itemSchema) && itemSchema.type !== "object" && itemSchema.type !== "array";
    return html`<fieldset data-path=${pathKey(path)}>
      <legend>${label} (${items.length}) ${remove ? html`<button class="small" aria-label=${`Remove ${label}`} @click=${remove}>×</button>` : nothing}</legend>
      ${items.map((item, index) => {
        const removeItem = () => this.model.remove(path, index);
        if (simple) return this.field(itemSchema, [...path, index], item, labelOf(index), removeItem);
        const title = isObject(item) && typeof item.id === "string" ? item.id : labelOf(index);
        return html`<div class="item">
          <div class="item-head"><span class="grow">${title}</span>
            <button class="small" ?disabled=${index === 0} aria-label=${`Move ${title} up`} @click=${() => this.move(path, index, item)}>↑</button>
            <button class="small" aria-label=${`Remove ${title}`} @click=${removeItem}>×</button>
          </div>
          ${this.field(itemSchema, [...path, index], item, "")}
        </div>`;
      })}
      <div class="add"><button class="small" data-add-item=${pathKey(path)} ?disabled=${full} @click=${add}>+ Add ${ITEM_NAMES[String(path[path.length - 1])] ?? label.toLowerCase().replace(/s$/, "")}</button></div>
    </fieldset>`;
  }

  /** A new item for a list: of the simplest kind where the list takes several, with an id of its own (trigger-2, objective-4). */
  private newItem(schema: FieldSchema, listKey: string, items: unknown[]): unknown {
    const item = defaultFor(preferredVariant(schema, listKey), this.ids, items.length);
    if (isObject(item) && "id" in item) {
      const stem = ITEM_NAMES[listKey] ?? listKey.replace(/s$/, "");
      item.id = freeId(items.filter(isObject).map((other) => String(other.id)), `${stem.replace(/\s+/g, "-")}-${items.length + 1}`);
    }
    return item;
  }

  private move(path: DraftPath, index: number, item: unknown): void {
    this.model.batch(() => {
      this.model.remove(path, index);
      this.model.insert(path, index - 1, [item]);
    });
  }
}

customElements.define("schema-form", SchemaForm);
