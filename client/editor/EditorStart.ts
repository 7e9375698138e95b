import { css, html, LitElement, nothing } from "lit";
import type { ScenarioSummary } from "../../shared/scenario/scenarioSchema";
import { panelStyles } from "../ui/panelStyles";
import { editableFile, editableValue, type OpenedFile } from "./draftFile";
import type { SavedDraft } from "./draftStorage";
import template from "../../assets/templates/new-scenario.json";

/** A new draft from the template, with an id of its own (one published under the template's id would be someone else's). */
function fromTemplate(): Record<string, unknown> {
  return { ...structuredClone(template), id: `${template.id}-${Math.random().toString(36).slice(2, 6)}` };
}

/** A published scenario as the community list gives it. */
interface CommunityEntry {
  id: string;
  title: string;
  author: string;
  version: number;
}

/** What the editor opens: the file, a line on what was done to it (upgraded, map written out), and which saved draft it is, if one. */
export interface OpenRequest {
  file: Record<string, unknown>;
  notes: string[];
  key?: string;
}

/**
 * Where a draft starts: the template, the draft this browser was working on, any bundled or published
 * scenario, or a file (picked, or dropped anywhere on the page; older format versions are upgraded).
 */
export class EditorStart extends LitElement {
  static properties = { drafts: { attribute: false }, problem: { state: true }, bundled: { state: true }, community: { state: true }, busy: { state: true } };
  /** The drafts this browser is working on, the most recent first. */
  declare drafts: SavedDraft[];
  declare problem: string;
  declare bundled: ScenarioSummary[];
  declare community: CommunityEntry[];
  declare busy: boolean;

  constructor() {
    super();
    this.drafts = [];
    this.problem = "";
    this.bundled = [];
    this.community = [];
    this.busy = false;
  }

  static styles = [
    panelStyles,
    css`
      :host { position: absolute; inset: 0; display: grid; place-items: center; background: rgba(5, 7, 13, 0.92); overflow: auto; pointer-events: auto; z-index: 5; }
      .panel { width: min(640px, calc(100vw - 24px)); max-height: calc(100% - 24px); overflow: auto; box-sizing: border-box; }
      h1 { font-size: 20px; margin: 4px 0 8px; letter-spacing: 0.08em; }
      .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
      @media (max-width: 560px) { .columns { grid-template-columns: 1fr; } }
      .drop { border: 1px dashed #56688f; border-radius: 6px; padding: 10px; text-align: center; margin: 6px 0; }
      .problem { color: #ff9b85; }
      .list { max-height: 220px; overflow: auto; }
    `,
  ];

  connectedCallback(): void {
    super.connectedCallback();
    void this.loadLists();
  }

  private async loadLists(): Promise<void> {
    const read = async <T>(url: string): Promise<T[]> => {
      try {
        const response = await fetch(url);
        return response.ok ? ((await response.json()) as T[]) : [];
      } catch {
        return [];
      }
    };
    [this.bundled, this.community] = await Promise.all([read<ScenarioSummary>("/api/scenarios"), read<CommunityEntry>("/api/community/scenarios")]);
  }

  /** Opens text from a file: upgraded and ready, or the reason it cannot be opened. */
  openText(text: string, name: string): void {
    this.finish(editableFile(text), name);
  }

  private finish(opened: OpenedFile, name: string, key?: string): void {
    if (!opened.ok) {
      this.problem = `${name} ${opened.problem.message}.`;
      return;
    }
    this.problem = "";
    this.dispatchEvent(new CustomEvent<OpenRequest>("open", { detail: { file: opened.file, notes: opened.notes, ...(key ? { key } : {}) } }));
  }

  /** Goes on with a saved draft: a shared one by its link, else from this browser's copy. */
  private continueDraft(draft: SavedDraft): void {
    if (draft.sharedDraftId) location.assign(`/editor?draft=${encodeURIComponent(draft.sharedDraftId)}`);
    else this.finish(editableValue(draft.file), "Your draft", draft.key);
  }

  private async openFromServer(url: string, name: string): Promise<void> {
    this.busy = true;
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      this.finish(editableValue(await response.json()), name);
    } catch (error) {
      this.problem = `${name} could not be loaded: ${(error as Error).message}.`;
    } finally {
      this.busy = false;
    }
  }

  private async pickFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) this.openText(await file.text(), file.name);
  }

  render() {
    return html`<div class="panel" data-editor-start>
      <h1>Scenario editor</h1>
      <p class="meta">Build a scenario on the map, fill in its sides, objectives and triggers, then playtest and publish it. Everything you change is checked as you go.</p>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      <button data-start-template @click=${() => this.finish(editableValue(fromTemplate()), "The template")}>
        New scenario from the template<div class="meta">A small map with a cell, a patrol, objectives and a trigger to change</div>
      </button>
      ${this.drafts.length > 0
        ? html`<h3>Your drafts</h3>
            <div class="list">
              ${this.drafts.map(
                (draft) => html`<button data-start-saved=${draft.key} @click=${() => this.continueDraft(draft)}>
                  Continue: ${String(draft.file.title ?? "untitled")}
                  <div class="meta">${String(draft.file.id ?? "")} · ${draft.sharedDraftId ? "shared with others: opens the shared draft" : `saved ${new Date(draft.savedAt).toLocaleString()}`}</div>
                </button>`,
              )}
            </div>
            <h3>Or start another</h3>`
        : nothing}
      <div class="drop">Drop a scenario file here, or
        <label><input type="file" accept=".json,application/json" data-file-input @change=${(event: Event) => void this.pickFile(event)} /></label>
      </div>
      <div class="columns">
        <div>
          <h3>From a bundled scenario</h3>
          <div class="list">
            ${this.bundled.map(
              (scenario) => html`<button data-start-bundled=${scenario.id} ?disabled=${this.busy} @click=${() => void this.openFromServer(`/api/scenarios/${encodeURIComponent(scenario.id)}`, scenario.title)}>
                ${scenario.title}<div class="meta">${scenario.year}</div></button>`,
            )}
          </div>
        </div>
        <div>
          <h3>From a published scenario</h3>
          <div class="list">
            ${this.community.length === 0 ? html`<p class="meta">None published yet.</p>` : nothing}
            ${this.community.map(
              (entry) => html`<button data-start-community=${entry.id} ?disabled=${this.busy}
                  @click=${() => void this.openFromServer(`/api/community/scenarios/${encodeURIComponent(entry.id)}`, entry.title)}>
                ${entry.title}<div class="meta">by ${entry.author} · version ${entry.version}</div></button>`,
            )}
          </div>
        </div>
      </div>
      <p class="meta"><a href="/" style="color:#9fb0cf">Back to the game's menu</a></p>
    </div>`;
  }
}

customElements.define("editor-start", EditorStart);
