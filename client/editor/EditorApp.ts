import { css, html, LitElement, nothing, type TemplateResult } from "lit";
import { factions } from "../../shared/scenario/factionSchema";
import { shipClasses } from "../../shared/scenario/shipClassSchema";
import { panelStyles } from "../ui/panelStyles";
import { newDraftKey, readSavedDrafts, saveDraft } from "./draftStorage";
import { formatSchema } from "./formatSchema";
import { entriesOf, indexOf, listPath, type EditorModel, type Selected } from "./editorModel";
import { EDITOR_TUNING } from "./editorTuning";
import type { OpenRequest } from "./EditorStart";
import "./EditorStart";
import { editableValue } from "./draftFile";
import { exportDraft } from "./exportDraft";
import "./MapSurface";
import type { MapSurface, MapTool, RegionKind } from "./MapSurface";
import "./SchemaForm";
import type { SchemaForm } from "./SchemaForm";
import { placeInWords, type FieldSchema } from "./schemaFields";
import "./BalancePanel";
import "./PublishPanel";
import { startPlaytest } from "./playtest";
import { CoEditing } from "./coEditing";
import { browserStorage } from "../browserStorage";
import { NAME_KEY, rememberedName } from "../ui/LobbyBrowser";

type Tab = "problems" | "selected" | "scenario" | "seats" | "forces" | "objectives" | "triggers" | "balance" | "publish";

/** The top-level fields each tab holds; the scenario tab holds the rest. */
const TAB_FIELDS: Partial<Record<Tab, string>> = { seats: "seats", forces: "forces", objectives: "objectives", triggers: "triggers" };
const TAB_NAMES: Record<Tab, string> = {
  problems: "Problems",
  selected: "On the map",
  scenario: "Scenario",
  seats: "Seats",
  forces: "Forces",
  objectives: "Objectives",
  triggers: "Triggers",
  balance: "Balance",
  publish: "Publish",
};
const REGION_KINDS: RegionKind[] = ["nebula", "plasma-storm", "asteroid-field", "zone", "treaty-border"];
const TOOLS: { tool: MapTool; name: string; key: string }[] = [
  { tool: "select", name: "Select", key: "v" },
  { tool: "system", name: "System", key: "s" },
  { tool: "region", name: "Region", key: "r" },
  { tool: "force", name: "Ship", key: "f" },
  { tool: "base", name: "Base site", key: "b" },
];

/** A touch screen: the hints speak of taps and pinches rather than the mouse and keys. */
const TOUCH = typeof matchMedia === "function" && matchMedia("(pointer: coarse)").matches;
const TOUCH_HINTS: Record<MapTool, string> = {
  select: "Tap to select, drag to move, drag empty space to pan, pinch to zoom. The Delete button removes what is selected; Undo takes it back.",
  system: "Tap the map to place a system.",
  region: "Tap to add corners; tap the first corner to close the region.",
  force: "Tap a system (or anywhere) to place a ship of the chosen seat. Drag ships to move them.",
  base: "Tap systems to add them to, or take them from, the chosen cell's candidate base sites.",
};

/** The name the other editors see: the player's own, or one told apart from the other "Player"s. */
function editorName(): string {
  const name = rememberedName();
  return name === "Player" ? `Modder ${Math.floor(10 + Math.random() * 90)}` : name;
}

/** A saved draft made ready again (it was ready when saved; a draft saved by an older editor may need upgrading). */
function editableOrRaw(file: Record<string, unknown>): OpenRequest {
  const opened = editableValue(file);
  return opened.ok ? { file: opened.file, notes: opened.notes } : { file, notes: [] };
}

/** The dotted path of the form field an event came from, if any. */
function fieldPathOf(event: Event): string | null {
  for (const target of event.composedPath()) if (target instanceof HTMLElement && target.dataset.path !== undefined && target.classList.contains("row")) return target.dataset.path;
  return null;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The scenario editor: the map on the left, the draft's forms on the right, the problem count, undo,
 * playtest and export always in reach. It opens on a choice of where to start; the draft it works on
 * is saved in the browser as it changes.
 */
export class EditorApp extends LitElement {
  static properties = {
    tab: { state: true },
    tool: { state: true },
    regionKind: { state: true },
    forceSeat: { state: true },
    forceClass: { state: true },
    starting: { state: true },
    startProblem: { state: true },
    notice: { state: true },
    playtestSeat: { state: true },
    sharing: { state: true },
  };
  declare tab: Tab;
  declare tool: MapTool;
  declare regionKind: RegionKind;
  declare forceSeat: string;
  declare forceClass: string;
  declare starting: boolean;
  /** Why the start screen is back (a shared draft that could not be opened). */
  declare startProblem: string;
  declare notice: string;
  declare playtestSeat: string;
  /** The co-editing session, while the draft is shared. */
  declare sharing: CoEditing | null;
  readonly model: EditorModel;
  private readonly schema = formatSchema;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  /** Which of this browser's saved drafts is being edited. */
  private draftKey = newDraftKey();
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(model: EditorModel) {
    super();
    this.model = model;
    this.tab = "problems";
    this.tool = "select";
    this.regionKind = "nebula";
    this.forceSeat = "";
    this.forceClass = "";
    this.starting = true;
    this.startProblem = "";
    this.notice = "";
    this.playtestSeat = "";
    this.sharing = null;
  }

  static styles = [
    panelStyles,
    css`
      :host { position: fixed; inset: 0; display: grid; grid-template-rows: auto 1fr; pointer-events: auto; background: #05070d; }
      header { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 6px 8px; border-bottom: 1px solid #2c3850; background: #0a0e18; }
      header h1 { font-size: 14px; margin: 0 8px 0 0; letter-spacing: 0.1em; }
      .shared { display: inline-flex; flex-wrap: wrap; gap: 6px; align-items: center; color: #9fb0cf; font-size: 12px; }
      .own-name { width: 9em; background: #0b1222; color: #e6ecf7; border: 1px solid #34425f; border-radius: 4px; padding: 4px 6px; font: inherit; }
      header .title { flex: 1; min-width: 120px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: #c9d2e3; }
      button, select { width: auto; display: inline-block; margin: 0; }
      select { background: #131a2a; color: inherit; border: 1px solid #2c3850; border-radius: 4px; padding: 5px 6px; font: inherit; }
      .count { padding: 5px 9px; border-radius: 12px; font-weight: bold; }
      .count[data-problems="0"] { background: #1d3b2a; color: #8fd694; }
      .count:not([data-problems="0"]) { background: #4a1f1a; color: #ffb3a3; }
      main { display: grid; grid-template-columns: 1fr minmax(320px, 38%); min-height: 0; }
      .map { display: grid; grid-template-rows: auto 1fr auto; min-height: 0; min-width: 0; }
      .tools { display: flex; flex-wrap: wrap; gap: 4px; padding: 6px; align-items: center; }
      .tools button[aria-pressed="true"] { border-color: #f0a040; background: #2a2112; }
      map-surface { min-height: 0; }
      /* Two lines always, so the map does not jump as the hint changes with the tool. */
      .hint, .notice { padding: 4px 8px; color: #8994ab; font-size: 12px; min-height: 2.8em; box-sizing: content-box; }
      aside { display: grid; grid-template-rows: auto 1fr; min-height: 0; border-left: 1px solid #2c3850; background: #0a0e18; }
      nav { display: flex; flex-wrap: wrap; gap: 2px; padding: 4px; border-bottom: 1px solid #2c3850; }
      nav button { padding: 4px 7px; font-size: 12px; }
      nav button[aria-selected="true"] { border-color: #f0a040; }
      .pane { overflow: auto; padding: 8px; min-height: 0; }
      .problem { display: block; width: 100%; text-align: left; margin: 3px 0; }
      .problem .where { color: #ffd27a; font-size: 12px; }
      .notice { color: #ffd27a; }
      @media (max-width: 760px) {
        main { grid-template-columns: 1fr; grid-template-rows: minmax(240px, 45%) 1fr; }
        aside { border-left: none; border-top: 1px solid #2c3850; }
        header h1 { display: none; }
        /* Fewer rows for the bar, so the map keeps its height: the title is on the Scenario tab. */
        header .title { display: none; }
        header { gap: 4px; padding: 4px; }
        header button, header select { padding: 4px 6px; font-size: 12px; }
      }
    `,
  ];

  connectedCallback(): void {
    super.connectedCallback();
    this.model.onChange(() => {
      this.requestUpdate();
      this.scheduleSave();
    });
    window.addEventListener("keydown", this.onKey);
    window.addEventListener("pagehide", this.saveNow);
    window.addEventListener("dragover", this.onDragOver);
    window.addEventListener("drop", this.onDrop);
    const params = new URLSearchParams(location.search);
    const invited = params.get("draft");
    // Back from a playtest: straight into the draft that was played.
    const back = readSavedDrafts().find((draft) => draft.key === params.get("continue"));
    if (invited) void this.join(invited);
    else if (back && !back.sharedDraftId) {
      history.replaceState(null, "", "/editor");
      this.open({ ...editableOrRaw(back.file), key: back.key });
    }
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener("keydown", this.onKey);
    window.removeEventListener("pagehide", this.saveNow);
    window.removeEventListener("dragover", this.onDragOver);
    window.removeEventListener("drop", this.onDrop);
  }

  /** Starts editing this file: a new history, the whole map in view. */
  open(request: OpenRequest): void {
    this.draftKey = request.key ?? newDraftKey();
    this.model.load(request.file);
    this.starting = false;
    this.notice = request.notes.join(" ");
    this.tab = this.model.valid ? "scenario" : "problems";
    this.chooseDefaults();
    void this.updateComplete.then(() => this.surface?.frameAll());
  }

  private chooseDefaults(): void {
    const seats = Array.isArray(this.model.draft.seats) ? (this.model.draft.seats as Record<string, unknown>[]).filter(isObject) : [];
    const first = seats[0];
    this.forceSeat = String(first?.id ?? "");
    this.playtestSeat = String(seats.find((seat) => seat.side === "maquis")?.id ?? first?.id ?? "");
    this.forceClass = this.classesFor(this.forceSeat)[0] ?? "";
  }

  /** The ship classes that suit a seat's side (Maquis ships for a cell, the occupier's for the occupier) in the scenario's universe, any class else. */
  private classesFor(seatId: string): string[] {
    const seat = (Array.isArray(this.model.draft.seats) ? (this.model.draft.seats as Record<string, unknown>[]) : []).find((s) => s?.id === seatId);
    const universe = String(this.model.draft.universe ?? "");
    const inUniverse = [...shipClasses.values()].filter((shipClass) => factions.get(shipClass.faction)?.universes.includes(universe as never) ?? true);
    const all = inUniverse.length > 0 ? inUniverse : [...shipClasses.values()];
    const suits = all.filter((shipClass) => (seat?.side === "maquis" ? ["maquis", "rebel"].includes(shipClass.faction) : !["maquis", "rebel", "civilian"].includes(shipClass.faction)));
    return (suits.length > 0 ? suits : all).map((shipClass) => shipClass.id);
  }

  private get surface(): MapSurface | null {
    return this.renderRoot.querySelector("map-surface");
  }

  private scheduleSave(): void {
    if (this.starting) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(this.saveNow, EDITOR_TUNING.autosaveMs);
  }

  /** Saves at once what is waiting to be saved (the page is going away: a reload, a closed tab, a playtest). */
  private readonly saveNow = () => {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (!this.starting)
      saveDraft({ key: this.draftKey, file: this.model.draft, savedAt: new Date().toISOString(), ...(this.sharing ? { sharedDraftId: this.sharing.session.draftId } : {}) });
  };

  private readonly onDragOver = (event: DragEvent) => event.preventDefault();
  private readonly onDrop = (event: DragEvent) => {
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    void file.text().then((text) => {
      this.starting = true;
      void this.updateComplete.then(() => this.renderRoot.querySelector<import("./EditorStart").EditorStart>("editor-start")?.openText(text, file.name));
    });
  };

  private readonly onKey = (event: KeyboardEvent) => {
    if (this.starting) return;
    const typing = event.composedPath().some((target) => target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement);
    const command = event.ctrlKey || event.metaKey;
    if (command && event.key.toLowerCase() === "z") {
      event.preventDefault();
      if (event.shiftKey) this.model.redo();
      else this.model.undo();
    } else if (command && event.key.toLowerCase() === "y") {
      event.preventDefault();
      this.model.redo();
    } else if (typing || command) {
      return;
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      this.deleteSelection();
    } else if (event.key === "Escape") {
      if (!this.surface?.cancelDrawing()) this.model.select([]);
    } else if (event.key === "Enter") {
      this.surface?.finishDrawing();
    } else {
      const tool = TOOLS.find((entry) => entry.key === event.key.toLowerCase());
      if (tool) this.selectTool(tool.tool);
    }
  };

  /** The base-site tool works on a Maquis cell: it takes the first if the seat chosen for ships is not one. */
  private selectTool(tool: MapTool): void {
    this.tool = tool;
    if (tool !== "base") return;
    const seats = Array.isArray(this.model.draft.seats) ? (this.model.draft.seats as Record<string, unknown>[]).filter(isObject) : [];
    if (!seats.some((seat) => seat.id === this.forceSeat && seat.side === "maquis")) this.forceSeat = String(seats.find((seat) => seat.side === "maquis")?.id ?? "");
  }

  /** Says something for a while, then gives the line back to the tool's hint. */
  private say(notice: string): void {
    this.notice = notice;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => {
      if (this.notice === notice) this.notice = "";
    }, EDITOR_TUNING.noticeMs);
  }

  /** Removes what is selected on the map (references to it then show as problems, to be fixed or undone). */
  private deleteSelection(): void {
    const selection = this.model.selection;
    if (selection.length === 0) return;
    this.model.batch(() => {
      for (const kind of ["system", "region", "force"] as const) {
        const indexes = selection
          .filter((item) => item.kind === kind)
          .map((item) => indexOf(this.model.draft, item))
          .filter((index) => index >= 0)
          .sort((a, b) => b - a);
        for (const index of indexes) this.model.remove(listPath(kind), index);
      }
    });
    this.model.select([]);
  }

  /** Puts the draft on the server to edit with others: the page's address becomes the invitation. */
  private async share(): Promise<void> {
    this.notice = "Sharing the draft…";
    try {
      this.sharing = await CoEditing.open(this.model, editorName(), () => this.requestUpdate(), { file: this.model.draft });
      history.replaceState(null, "", `/editor?draft=${this.sharing.session.draftId}`);
      this.say("Shared: send the link to whoever should edit with you.");
      this.scheduleSave();
    } catch (error) {
      this.notice = `The draft could not be shared: ${(error as Error).message}`;
    }
  }

  /** Opens a shared draft by its invitation link. */
  private async join(draftId: string): Promise<void> {
    this.starting = false;
    this.notice = "Opening the shared draft…";
    try {
      this.sharing = await CoEditing.open(this.model, editorName(), () => this.requestUpdate(), { draftId });
      this.notice = "";
      this.chooseDefaults();
      this.tab = this.model.valid ? "scenario" : "problems";
      await this.updateComplete;
      this.surface?.frameAll();
    } catch (error) {
      history.replaceState(null, "", "/editor");
      this.starting = true;
      this.notice = "";
      this.startProblem = `The shared draft could not be opened: ${(error as Error).message}`;
    }
  }

  private async stopSharing(): Promise<void> {
    const sharing = this.sharing;
    this.sharing = null;
    history.replaceState(null, "", "/editor");
    await sharing?.close();
  }

  /** A problem clicked: the thing it is about selected on the map, its field shown in the form. */
  private async goToProblem(path: string): Promise<void> {
    const steps = path.split(".");
    const index = Number(steps[2] ?? steps[1]);
    const kind: Selected["kind"] | null = steps[0] === "map" && steps[1] === "systems" ? "system" : steps[0] === "map" && steps[1] === "regions" ? "region" : steps[0] === "forces" ? "force" : null;
    if (kind && Number.isInteger(index)) {
      const entry = entriesOf(this.model.draft, kind).find((candidate) => candidate.index === index);
      if (entry) {
        this.model.select([{ kind, id: String(entry.item.id) }]);
        if (kind === "system") this.surface?.centreOn({ x: Number(entry.item.x), y: Number(entry.item.y) });
      }
    }
    this.tab = kind === "system" || kind === "region" ? "selected" : ((Object.entries(TAB_FIELDS).find(([, field]) => field === steps[0])?.[0] as Tab | undefined) ?? (steps[0] === "map" ? "selected" : "scenario"));
    await this.updateComplete;
    const forms = [...this.renderRoot.querySelectorAll<SchemaForm>("schema-form")];
    await Promise.all(forms.map((form) => form.updateComplete));
    for (const form of forms) if (form.reveal(path)) break;
  }

  render() {
    if (this.starting)
      return html`<editor-start .drafts=${readSavedDrafts()} .problem=${this.startProblem} @open=${(event: CustomEvent<OpenRequest>) => this.open(event.detail)}></editor-start>`;
    const problems = this.model.problems.length;
    const draft = this.model.draft;
    const seats = Array.isArray(draft.seats) ? (draft.seats as Record<string, unknown>[]).filter(isObject) : [];
    return html`<header>
        <h1>EDITOR</h1>
        <span class="title" data-draft-title>${String(draft.title ?? "")}</span>
        <button class="count" data-problem-count data-problems=${problems} @click=${() => (this.tab = "problems")}
          title=${problems === 0 ? "The scenario is valid" : "Show the problems"}>${problems === 0 ? "No problems" : `${problems}${this.model.problemsIncomplete ? "+" : ""} problem${problems === 1 ? "" : "s"}`}</button>
        <button data-undo ?disabled=${this.model.undoManager.undoStack.length === 0} @click=${() => this.model.undo()} title="Undo (Ctrl+Z)">Undo</button>
        <button data-redo ?disabled=${this.model.undoManager.redoStack.length === 0} @click=${() => this.model.redo()} title="Redo (Ctrl+Shift+Z)">Redo</button>
        <select aria-label="Seat to playtest" data-playtest-seat @change=${(event: Event) => (this.playtestSeat = (event.target as HTMLSelectElement).value)}>
          ${seats.map((seat) => html`<option value=${String(seat.id)} ?selected=${seat.id === this.playtestSeat}>${String(seat.name ?? seat.id)}</option>`)}
        </select>
        <button data-playtest ?disabled=${problems > 0} title=${problems > 0 ? "Fix the problems first" : "Play the draft against the AI"} @click=${() => void this.playtest()}>Playtest</button>
        <button data-export @click=${() => exportDraft(draft)}>Export</button>
        ${this.renderSharing()}
        <button data-new @click=${() => void this.stopSharing().then(() => (this.starting = true))}>Open…</button>
      </header>
      <main>
        <section class="map">
          ${this.renderTools(seats)}
          <map-surface .model=${this.model} .tool=${this.tool} .regionKind=${this.regionKind} .forceSeat=${this.forceSeat} .forceClass=${this.forceClass}
            .remotes=${this.sharing?.remotes() ?? []} @picked=${() => this.tab !== "selected" && (this.tab = "selected")} @cursor=${(event: CustomEvent<{ x: number; y: number }>) => this.sharing?.moveCursor(event.detail)}
            @pointerleave=${() => this.sharing?.moveCursor(null)}></map-surface>
          ${this.notice ? html`<div class="notice" role="status" data-notice>${this.notice}</div>` : html`<div class="hint">${this.hint()}</div>`}
        </section>
        <aside @focusin=${(event: FocusEvent) => this.sharing?.focusField(fieldPathOf(event))} @focusout=${() => this.sharing?.focusField(null)}>
          <nav role="tablist">
            ${(Object.keys(TAB_NAMES) as Tab[]).map(
              (tab) => html`<button role="tab" data-tab=${tab} aria-selected=${this.tab === tab} @click=${() => (this.tab = tab)}>
                ${TAB_NAMES[tab]}${tab === "problems" ? ` (${problems})` : ""}</button>`,
            )}
          </nav>
          <div class="pane" role="tabpanel">${this.renderTab()}</div>
        </aside>
      </main>`;
  }

  private renderSharing(): TemplateResult {
    const sharing = this.sharing;
    if (!sharing) return html`<button data-share @click=${() => void this.share()} title="Put the draft on the server and edit it with others">Edit together</button>`;
    const others = sharing.remotes();
    const status = { synced: "", sending: "saving…", reconnecting: "reconnecting…", outOfStep: "out of step: undo your last change and reopen the link", closed: "disconnected" }[sharing.status];
    const refusal = sharing.refusal ? html`<span class="refusal" role="alert" data-share-refusal>The server refused: ${sharing.refusal}</span>` : nothing;
    return html`<span class="shared" data-shared=${sharing.status}>
      ${refusal}
      Shared${others.length > 0 ? html` with ${others.map((other) => html`<b style=${`color:${other.color}`} data-editor-name>${other.name}</b> `)}` : " (nobody else yet)"}${status ? ` · ${status}` : ""}
      <input class="own-name" data-own-name aria-label="Your name, as the others see it" maxlength="24" .value=${editorName()}
        @change=${(event: Event) => {
          const name = (event.target as HTMLInputElement).value;
          browserStorage()?.setItem(NAME_KEY, name.trim());
          sharing.rename(name);
        }} />
      <button data-copy-link title=${sharing.session.inviteLink} @click=${() => void navigator.clipboard?.writeText(sharing.session.inviteLink).then(() => this.say("Link copied."))}>Copy link</button>
    </span>`;
  }

  private hint(): string {
    if (TOUCH) return TOUCH_HINTS[this.tool];
    switch (this.tool) {
      case "system":
        return "Click the map to place a system. Hold Alt to place it off the grid.";
      case "region":
        return "Click to add corners; click the first corner, double-click or press Enter to close the region. Escape cancels.";
      case "force":
        return "Click a system (or anywhere) to place a ship of the chosen seat. Drag ships to move them.";
      case "base":
        return "Click systems to add them to, or take them from, the chosen cell's candidate base sites.";
      default:
        return "Drag to move; Shift-click to select several, Shift-drag for a box; drag empty space to pan, wheel to zoom. A region's corners drag; double-click one to remove it. Delete removes; Ctrl+Z undoes.";
    }
  }

  private renderTools(seats: Record<string, unknown>[]): TemplateResult {
    const cells = seats.filter((seat) => seat.side === "maquis");
    return html`<div class="tools" role="toolbar" aria-label="Map tools">
      ${TOOLS.map((entry) => html`<button data-tool=${entry.tool} aria-pressed=${this.tool === entry.tool} title=${`${entry.name} (${entry.key.toUpperCase()})`} @click=${() => this.selectTool(entry.tool)}>${entry.name}</button>`)}
      ${this.model.selection.length > 0
        ? html`<button data-delete title="Delete what is selected (Delete key)" @click=${() => this.deleteSelection()}>Delete ${this.model.selection.length > 1 ? `${this.model.selection.length} things` : "it"}</button>`
        : nothing}
      ${this.tool === "region"
        ? html`<select aria-label="Region kind" data-region-kind @change=${(event: Event) => (this.regionKind = (event.target as HTMLSelectElement).value as RegionKind)}>
            ${REGION_KINDS.map((kind) => html`<option ?selected=${kind === this.regionKind}>${kind}</option>`)}</select>`
        : nothing}
      ${this.tool === "force" || this.tool === "base"
        ? html`<select aria-label="Seat" data-force-seat @change=${(event: Event) => {
            this.forceSeat = (event.target as HTMLSelectElement).value;
            this.forceClass = this.classesFor(this.forceSeat)[0] ?? "";
          }}>
            ${(this.tool === "base" ? cells : seats).map((seat) => html`<option value=${String(seat.id)} ?selected=${seat.id === this.forceSeat}>${String(seat.name ?? seat.id)}</option>`)}</select>`
        : nothing}
      ${this.tool === "force"
        ? html`<select aria-label="Ship class" data-force-class @change=${(event: Event) => (this.forceClass = (event.target as HTMLSelectElement).value)}>
            ${this.classesFor(this.forceSeat).map((id) => html`<option ?selected=${id === this.forceClass}>${id}</option>`)}</select>`
        : nothing}
    </div>`;
  }

  private renderTab(): TemplateResult {
    const properties = this.schema.properties ?? {};
    switch (this.tab) {
      case "problems":
        return this.renderProblems();
      case "selected":
        return this.renderSelected();
      case "balance":
        return html`<balance-panel .draft=${() => this.model.draft}></balance-panel>`;
      case "publish":
        return html`<publish-panel .model=${this.model}></publish-panel>`;
      case "scenario": {
        const rest = Object.fromEntries(Object.entries(properties).filter(([key]) => key !== "map" && !Object.values(TAB_FIELDS).includes(key)));
        return html`<schema-form .model=${this.model} .remoteFields=${this.sharing?.remoteFields() ?? []} .schema=${{ ...this.schema, properties: rest, anyOf: undefined, oneOf: undefined }} .path=${[]}></schema-form>`;
      }
      default: {
        const field = TAB_FIELDS[this.tab]!;
        return html`<schema-form .model=${this.model} .remoteFields=${this.sharing?.remoteFields() ?? []} .schema=${properties[field]} .path=${[field]} label=${TAB_NAMES[this.tab]}></schema-form>`;
      }
    }
  }

  private renderProblems(): TemplateResult {
    const problems = this.model.problems;
    if (problems.length === 0) return html`<p data-no-problems>No problems: the scenario can be playtested and published.</p>`;
    return html`<p class="meta">Each problem names its field. Click one to go to it. A draft with problems is still saved; it cannot be playtested or published until they are fixed.</p>
      ${this.model.problemsIncomplete
        ? html`<p class="meta" data-problems-incomplete>These are checked first. Names that point nowhere and ids used twice are checked once they are fixed, so more may show then.</p>`
        : nothing}
      ${problems.map(
        (problem) => html`<button class="problem" data-problem=${problem.path} @click=${() => void this.goToProblem(problem.path)}>
          <span class="where" title=${problem.path}>${placeInWords(this.model.draft, problem.path)}</span><br />${problem.message}</button>`,
      )}`;
  }

  /** The form of what is selected on the map, and the map's own size. */
  private renderSelected(): TemplateResult {
    const map = this.mapSchema();
    const selection = this.model.selection;
    const one = selection.length === 1 ? selection[0]! : null;
    const index = one ? indexOf(this.model.draft, one) : -1;
    const itemSchema = one?.kind === "system" ? map?.properties?.systems?.items : one?.kind === "region" ? map?.properties?.regions?.items : (this.schema.properties?.forces?.items as FieldSchema | undefined);
    const size: FieldSchema = { type: "object", properties: { width: map!.properties!.width!, height: map!.properties!.height! }, required: ["width", "height"] };
    return html`${one && index >= 0 && itemSchema
        ? html`<schema-form .model=${this.model} .remoteFields=${this.sharing?.remoteFields() ?? []} .schema=${itemSchema} .path=${[...listPath(one.kind), index]} label=${`${one.kind}: ${one.id}`} data-selected-form></schema-form>`
        : html`<p class="meta">${selection.length > 1 ? `${selection.length} things selected: drag to move them together, Delete removes them.` : "Select a system, region or ship on the map to edit it here."}</p>`}
      <schema-form .model=${this.model} .remoteFields=${this.sharing?.remoteFields() ?? []} .schema=${size} .path=${["map"]} label="Map size"></schema-form>`;
  }

  /** The written-out map's schema (the editor always writes maps out in full). */
  private mapSchema(): FieldSchema | undefined {
    const map = this.schema.properties?.map;
    return (map?.anyOf ?? map?.oneOf)?.find((variant) => variant.properties?.systems?.type === "array" && variant.properties.width) ?? map;
  }

  private async playtest(): Promise<void> {
    this.notice = "Starting a playtest…";
    this.saveNow();
    const problem = await startPlaytest(this.model.draft, this.playtestSeat, this.sharing ? `/editor?draft=${this.sharing.session.draftId}` : `/editor?continue=${this.draftKey}`);
    if (problem) this.notice = problem;
  }
}

customElements.define("scenario-editor", EditorApp);
