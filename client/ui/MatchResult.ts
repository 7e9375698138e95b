import { css, html, LitElement } from "lit";
import type { ObjectiveRow } from "./SidePanel";
import "./HistoryCharts";
import type { HistoryPoint } from "./historyPoints";
import { panelStyles } from "./panelStyles";

/** The end of the match: who prevailed, why, the score, and each objective's fate. */
export class MatchResult extends LitElement {
  static properties = {
    winner: { attribute: false },
    reason: { attribute: false },
    scores: { attribute: false },
    objectives: { attribute: false },
    yourSide: { attribute: false },
    history: { attribute: false },
    replayLink: { attribute: false },
  };
  /** Where to watch this match again ("" when this already is the replay). */
  declare replayLink: string;
  declare history: HistoryPoint[];
  declare winner: string;
  declare reason: string;
  declare scores: { maquis: number; occupier: number };
  declare objectives: ObjectiveRow[];
  declare yourSide: string;

  constructor() {
    super();
    this.winner = "";
    this.reason = "";
    this.scores = { maquis: 0, occupier: 0 };
    this.objectives = [];
    this.yourSide = "";
    this.history = [];
    this.replayLink = "";
  }

  static styles = [
    panelStyles,
    css`
      :host { position: absolute; inset: 0; display: grid; place-items: center; pointer-events: auto; background: rgba(2, 4, 10, 0.55); }
      /* Opaque: the match panels behind it would read through its charts. */
      .panel { width: min(520px, 92cqw); max-height: 92cqh; overflow: auto; padding: 20px 24px; background: rgba(10, 14, 24, 0.98); }
      h2 { margin: 0 0 6px; color: #f0a040; }
      button { width: auto; display: inline-block; margin-top: 12px; }
    `,
  ];

  render() {
    const headline =
      this.winner === "draw" ? "Neither side prevails" : this.winner === this.yourSide ? "Victory" : this.yourSide === "spectator" ? `The ${this.winner} side prevails` : "Defeat";
    return html`<div class="panel" data-result data-winner=${this.winner}>
      <h2>${headline}</h2>
      <div>${this.reason}.</div>
      <p>Maquis <b data-score="maquis">${this.scores.maquis}</b> · Occupier <b data-score="occupier">${this.scores.occupier}</b></p>
      <history-charts .points=${this.history}></history-charts>
      ${this.objectives.map(
        (objective) => html`<div>${objective.status === "done" ? "✓" : "✗"} <span class="meta">${objective.side} · ${objective.points} pt</span> ${objective.text}</div>`,
      )}
      <button @click=${() => this.dispatchEvent(new CustomEvent("leave"))}>Back to the menu</button>
      ${this.replayLink ? html`<a data-replay-link href=${this.replayLink} style="margin-left:12px;color:#5ee6ff">Watch the replay</a>` : null}
    </div>`;
  }
}
customElements.define("match-result", MatchResult);
