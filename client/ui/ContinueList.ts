import { css, html, LitElement } from "lit";
import type { ContinueEntry } from "../../shared/protocol/lobbyMessages";
import { continueLine } from "./matchWords";
import { panelStyles } from "./panelStyles";

/**
 * The unfinished matches this browser held a seat in (client/net listContinuable), newest first: pick
 * one to go back to it, in the seat held there. Fires "continue" with the entry (for client/net
 * continueMatch). Shows nothing when there is nothing to continue.
 */
export class ContinueList extends LitElement {
  static properties = { entries: { attribute: false } };
  declare entries: ContinueEntry[];

  constructor() {
    super();
    this.entries = [];
  }

  static styles = [
    panelStyles,
    css`
      :host { display: block; }
      h3 { margin: 12px 0 4px; }
    `,
  ];

  render() {
    if (this.entries.length === 0) return null;
    return html`<h3>Continue</h3>
      ${this.entries.map(
        (entry) => html`<button data-continue=${entry.matchId} @click=${() => this.dispatchEvent(new CustomEvent<ContinueEntry>("continue", { detail: entry }))}>
          ${continueLine(entry)}
          <div class="meta">${entry.running ? "running now" : `set aside ${savedWhen(entry.savedAt)}; it goes on from there`}${entry.private ? " · your own match" : ""}</div>
        </button>`,
      )}`;
  }
}
customElements.define("continue-list", ContinueList);

/** "on 3 December, 14:05", in the reader's own locale and time zone. */
function savedWhen(iso: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return "";
  return `on ${when.toLocaleDateString(undefined, { day: "numeric", month: "long" })}, ${when.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })}`;
}
