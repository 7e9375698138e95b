import { css, html, LitElement } from "lit";
import { panelStyles } from "./panelStyles";

export interface SheetTab {
  id: string;
  label: string;
}

/**
 * A phone's panels: a row of tabs along the bottom edge and, above it, the open tab's panel as a sheet
 * over the lower part of the map. Tapping the open tab folds the sheet away. The panels are its children;
 * the owner shows the open tab's and hides the rest when told "opened".
 */
export class BottomSheet extends LitElement {
  static properties = { tabs: { attribute: false }, open: { attribute: false } };
  declare tabs: SheetTab[];
  /** The open tab's id, or "" when the sheet is folded away. */
  declare open: string;

  constructor() {
    super();
    this.tabs = [];
    this.open = "";
  }

  static styles = [
    panelStyles,
    css`
      :host { position: absolute; left: 0; right: 0; bottom: 0; display: flex; flex-direction: column; pointer-events: none; }
      .sheet { pointer-events: auto; max-height: 46cqh; overflow-y: auto; background: rgba(10, 14, 24, 0.94); border-top: 1px solid #2c3850; }
      .sheet[hidden] { display: none; }
      .tabs { pointer-events: auto; display: flex; background: rgba(10, 14, 24, 0.96); border-top: 1px solid #2c3850; padding-bottom: env(safe-area-inset-bottom); }
      .tabs button { flex: 1; margin: 0; border: none; border-radius: 0; text-align: center; padding: 12px 4px; background: transparent; }
      .tabs button[aria-selected="true"] { color: #f0a040; box-shadow: inset 0 2px 0 #f0a040; }
    `,
  ];

  /** Opens a tab (or folds the sheet away with ""), and tells the owner which panel to show. */
  show(id: string): void {
    this.open = id;
    this.dispatchEvent(new CustomEvent<string>("opened", { detail: this.open }));
  }

  private choose(id: string): void {
    this.show(this.open === id ? "" : id);
  }

  render() {
    return html`<div class="sheet" ?hidden=${this.open === ""} data-sheet=${this.open}><slot></slot></div>
      <div class="tabs" role="tablist" aria-label="Panels">
        ${this.tabs.map(
          (tab) => html`<button role="tab" data-tab=${tab.id} aria-selected=${this.open === tab.id ? "true" : "false"} @click=${() => this.choose(tab.id)}>${tab.label}</button>`,
        )}
      </div>`;
  }
}
customElements.define("bottom-sheet", BottomSheet);
