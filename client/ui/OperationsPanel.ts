import { css, html, LitElement } from "lit";
import type { Order } from "../../shared/protocol/orders";
import type { HidingStatus } from "./hidingRisk";
import type { OperationChoice } from "./orderCandidates";
import { hidingStyles, panelStyles } from "./panelStyles";
import { isOpen, rememberToggle } from "./rememberedOpen";
import { OPERATION_KEYS } from "./shortcuts";

/**
 * The selected ship's operations. What it can do now comes first, one line each with its cost and key;
 * what the rules would refuse folds away under "Not now", each with the reason. What only the server
 * can judge (its side's view lacks it) is said in a plain sentence on an enabled button: the order may
 * still be sent, and the server's answer comes back as usual. Refused operations stay focusable
 * (aria-disabled), so a keyboard user can reach them and read why.
 */
export class OperationsPanel extends LitElement {
  static properties = { shipName: { attribute: false }, hiding: { attribute: false }, choices: { attribute: false } };
  declare shipName: string;
  /** A Maquis ship's odds of being seen, beside the choices that would raise them. */
  declare hiding: HidingStatus | null;
  declare choices: OperationChoice[];

  constructor() {
    super();
    this.shipName = "";
    this.hiding = null;
    this.choices = [];
  }

  static styles = [
    panelStyles,
    hidingStyles,
    css`
      button { display: flex; flex-wrap: wrap; gap: 0 6px; align-items: baseline; padding: 4px 7px; }
      button[aria-disabled="true"] { cursor: not-allowed; opacity: 0.6; }
      .key { font-family: ui-monospace, monospace; color: #5ee6ff; min-width: 1.2em; }
      .refusal, [data-server-decides] { flex-basis: 100%; }
      @media (pointer: coarse) { .key { display: none; } }
    `,
  ];

  private line(choice: OperationChoice, index: number) {
    const key = OPERATION_KEYS[index];
    const refused = choice.order === null;
    return html`<button data-operation=${choice.kind} aria-disabled=${refused ? "true" : "false"}
      aria-keyshortcuts=${key ? key.toUpperCase() : ""} title=${choice.refusal || `Costs ${choice.cost}${key ? ` · key ${key.toUpperCase()}` : ""}`}
      @click=${() => choice.order && this.dispatchEvent(new CustomEvent<Order>("order", { detail: choice.order }))}>
      ${key ? html`<span class="key" aria-hidden="true">${key.toUpperCase()}</span>` : null}
      <span>${choice.label}</span> <span class="meta">${choice.cost}</span>
      ${choice.refusal ? html`<span class="refusal" data-refusal>${choice.refusal}</span>` : null}
      ${choice.serverDecides ? html`<span class="meta" data-server-decides>The server decides ${choice.serverDecides}.</span>` : null}
    </button>`;
  }

  render() {
    if (this.choices.length === 0) return null;
    // Keys follow the full list's order, so an operation keeps its key whether or not it is possible now.
    const numbered = this.choices.map((choice, index) => ({ choice, index }));
    const now = numbered.filter(({ choice }) => choice.order !== null);
    const later = numbered.filter(({ choice }) => choice.order === null);
    return html`<div class="panel" data-operations>
      <h3>${this.shipName}: operations</h3>
      ${this.hiding ? html`<div data-hiding=${this.hiding.level} title=${this.hiding.tip}>${this.hiding.text}</div>` : null}
      ${now.length === 0 ? html`<div class="meta">Nothing can be done here now.</div>` : null}
      ${now.map(({ choice, index }) => this.line(choice, index))}
      ${later.length > 0
        ? html`<details ?open=${isOpen("not-now", false)} @toggle=${rememberToggle("not-now")}>
            <summary>Not now (${later.length})</summary>
            ${later.map(({ choice, index }) => this.line(choice, index))}
          </details>`
        : null}
    </div>`;
  }
}
customElements.define("operations-panel", OperationsPanel);
