import { css, html, LitElement } from "lit";
import { chooseBase } from "../../shared/rules/operations/chooseBase";
import { panelStyles } from "./panelStyles";

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
  };
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
  }

  static styles = [
    panelStyles,
    css`
      .mark-line { color: #d6ff9c; cursor: pointer; border-radius: 2px; }
      .mark-line:hover, .mark-line:focus-visible { text-decoration: underline; outline: none; }
      .pin { color: #b8f060; }
      .progress { color: #5ee6ff; white-space: nowrap; }
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

  render() {
    return html`<div class="panel">
      ${this.holdings.length > 0
        ? html`<h3>Holdings</h3>
            <div data-holdings>${this.holdings.map(([name, value]) => html`<div>${name}: <b data-holding=${name}>${value}</b></div>`)}</div>`
        : null}
      ${this.baseOptions.length > 0
        ? html`<div class="meta">Hide the base elsewhere (only before your first operation):</div>
            ${chooseBase.serverDecides ? html`<div class="meta" data-server-decides>The server decides ${chooseBase.serverDecides.question}.</div>` : null}
            ${this.baseOptions.map(
              (option) => html`<button data-base=${option.id} @click=${() => this.dispatchEvent(new CustomEvent<string>("chooseBase", { detail: option.id }))}>
                Move base to ${option.name}
              </button>`,
            )}`
        : null}
      <h3>Objectives</h3>
      ${this.objectives.map(
        (objective) => html`<div data-objective=${objective.id} data-status=${objective.status}>
          ${statusMark[objective.status] ?? "…"} <span class="meta">${objective.side} · ${objective.points} pt</span> ${objective.text}
          ${objective.progress && objective.status === "open" ? html`<span class="progress" data-progress>${objective.progress}</span>` : null}
        </div>`,
      )}
      <h3>Log</h3>
      <div data-log style="max-height: 22vh; overflow: auto">
        ${this.log.map((line) => html`<div data-log-kind=${line.kind}><span class="meta">${line.when}</span> ${this.logLine(line)}</div>`)}
      </div>
    </div>`;
  }
}
customElements.define("side-panel", SidePanel);
