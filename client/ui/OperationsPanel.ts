import { html, LitElement } from "lit";
import type { Order } from "../../shared/protocol/orders";
import type { HidingStatus } from "./hidingRisk";
import type { OperationChoice } from "./orderCandidates";
import { hidingStyles, panelStyles } from "./panelStyles";

/** The selected ship's operations: each with its cost, greyed out with the reason when the rules would refuse it. */
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

  static styles = [panelStyles, hidingStyles];

  render() {
    if (this.choices.length === 0) return null;
    return html`<div class="panel" data-operations>
      <h3>${this.shipName}: operations</h3>
      ${this.hiding ? html`<div data-hiding=${this.hiding.level} title=${this.hiding.tip}>${this.hiding.text}</div>` : null}
      ${this.choices.map(
        (choice) => html`<button data-operation=${choice.kind} ?disabled=${choice.order === null}
          title=${choice.refusal || `Costs ${choice.cost}`}
          @click=${() => choice.order && this.dispatchEvent(new CustomEvent<Order>("order", { detail: choice.order }))}>
          ${choice.label} <span class="meta">· ${choice.cost}</span>
          ${choice.refusal ? html`<div class="refusal" data-refusal>${choice.refusal}</div>` : null}
        </button>`,
      )}
    </div>`;
  }
}
customElements.define("operations-panel", OperationsPanel);
