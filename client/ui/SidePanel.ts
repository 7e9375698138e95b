import { css, html, LitElement } from "lit";
import { chooseBase } from "../../shared/rules/operations/chooseBase";
import { panelStyles } from "./panelStyles";
import "./MapKey";
import { isOpen, rememberToggle } from "./rememberedOpen";

export interface ObjectiveRow {
  id: string;
  side: string;
  text: string;
  points: number;
  status: string;
  /** A counted goal's progress, "4 of 6"; "" when the goal is not a count or its side's count is not this viewer's to see. */
  progress: string;
}

export interface LogRow {
  key: string;
  when: string;
  text: string;
  kind: string;
  /** The point a council mark's line points at; a click on the line shows it on the map. */
  at?: { x: number; y: number };
}

const statusMark: Record<string, string> = { open: "…", done: "✓", failed: "✗" };

/** Holdings, objectives and the match log. */
export class SidePanel extends LitElement {
  static properties = {
    holdings: { attribute: false },
    objectives: { attribute: false },
    log: { attribute: false },
    baseOptions: { attribute: false },
    ownSide: { attribute: false },
  };
  /** The side whose objectives come first (the player's, or the one a spectator watches); the other side's fold away. */
  declare ownSide: string;
  /** Candidate base sites while the base may still move (before the cell's first operation). */
  declare baseOptions: { id: string; name: string }[];
  declare holdings: [string, string][];
  declare objectives: ObjectiveRow[];
  declare log: LogRow[];

  constructor() {
    super();
    this.holdings = [];
    this.objectives = [];
    this.log = [];
    this.baseOptions = [];
    this.ownSide = "";
  }

  static styles = [
    panelStyles,
    css`
      .mark-line { color: #d6ff9c; cursor: pointer; border-radius: 2px; }
      .mark-line:hover, .mark-line:focus-visible { text-decoration: underline; outline: none; }
      .pin { color: #b8f060; }
      .progress { color: #5ee6ff; white-space: nowrap; }
      .holdings { display: flex; flex-wrap: wrap; gap: 2px 12px; }
      .objective { margin: 2px 0; }
      .base { display: flex; gap: 6px; align-items: center; margin: 4px 0; }
      .base select { flex: 1; min-width: 0; font: inherit; background: #131a2a; color: inherit; border: 1px solid #2c3850; border-radius: 4px; padding: 3px 5px; }
      .base button { width: auto; margin: 0; }
    `,
  ];

  private logLine(line: LogRow) {
    const at = line.at;
    if (!at) return line.text;
    const show = () => this.dispatchEvent(new CustomEvent<{ x: number; y: number }>("showPoint", { detail: at }));
    // A span, not a button: a button would break the line after its date.
    return html`<span class="mark-line" role="button" tabindex="0" data-mark-line title="Show this mark on the map" @click=${show}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        show();
      }}><span class="pin">⚑</span> ${line.text}</span>`;
  }

  private objectiveLine(objective: ObjectiveRow) {
    return html`<div class="objective" data-objective=${objective.id} data-status=${objective.status}>
      ${statusMark[objective.status] ?? "…"} <span class="meta">${objective.points} pt</span> ${objective.text}
      ${objective.progress && objective.status === "open" ? html`<span class="progress" data-progress>${objective.progress}</span>` : null}
    </div>`;
  }

  private moveBase(event: Event): void {
    event.preventDefault();
    const system = (event.target as HTMLFormElement).querySelector("select")?.value;
    if (system) this.dispatchEvent(new CustomEvent<string>("chooseBase", { detail: system }));
  }

  render() {
    const own = this.ownSide === "maquis" || this.ownSide === "occupier";
    const mine = own ? this.objectives.filter((objective) => objective.side === this.ownSide) : this.objectives;
    const theirs = own ? this.objectives.filter((objective) => objective.side !== this.ownSide) : [];
    return html`<div class="panel">
      ${this.holdings.length > 0
        ? html`<div class="holdings" data-holdings>${this.holdings.map(([name, value]) => html`<span>${name} <b data-holding=${name}>${value}</b></span>`)}</div>`
        : null}
      ${this.baseOptions.length > 0
        ? html`<form class="base" @submit=${(event: Event) => this.moveBase(event)}
            title=${`The base may move only before the cell's first operation; the server decides ${chooseBase.serverDecides?.question ?? ""}.`}>
            <label for="base-choice" class="meta">Hide the base at</label>
            <select id="base-choice" data-base-choice>${this.baseOptions.map((option) => html`<option value=${option.id}>${option.name}</option>`)}</select>
            <button data-move-base>Move</button>
          </form>`
        : null}
      <details ?open=${isOpen("objectives", true)} @toggle=${rememberToggle("objectives")}>
        <summary>Objectives</summary>
        ${mine.map((objective) => this.objectiveLine(objective))}
        ${theirs.length > 0
          ? html`<details ?open=${isOpen("their-objectives", false)} @toggle=${rememberToggle("their-objectives")}>
              <summary>The other side's (${theirs.length})</summary>
              ${theirs.map((objective) => this.objectiveLine(objective))}
            </details>`
          : null}
      </details>
      <details ?open=${isOpen("log", false)} @toggle=${rememberToggle("log")}>
        <summary>Log</summary>
        <div data-log style="max-height: 22cqh; overflow: auto">
          ${this.log.map((line) => html`<div data-log-kind=${line.kind}><span class="meta">${line.when}</span> ${this.logLine(line)}</div>`)}
        </div>
      </details>
      <map-key embedded></map-key>
    </div>`;
  }
}
customElements.define("side-panel", SidePanel);
