import { html, LitElement } from "lit";
import type { Order } from "../../shared/protocol/orders";
import type { OperationChoice } from "./orderCandidates";
import { panelStyles } from "./panelStyles";

/** The selected ship's operations: each with its cost, greyed out with the reason when the rules would refuse it. */
export class OperationsPanel extends LitElement {
  static properties = { shipName: { attribute: false }, choices: { attribute: false } };
  declare shipName: string;
  declare choices: OperationChoice[];

  constructor() {
    super();
    this.shipName = "";
    this.choices = [];
  }

  static styles = [panelStyles];

  render() {
    if (this.choices.length === 0) return null;
    return html`<div class="panel" data-operations>
      <h3>${this.shipName}: operations</h3>
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
