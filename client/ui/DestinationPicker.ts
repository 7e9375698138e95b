import { css, html, LitElement } from "lit";
import { panelStyles } from "./panelStyles";

/** A place a ship can be sent, with how long it would take. */
export interface Destination {
  id: string;
  name: string;
  hours: number;
}

/** How many destinations the list shows at once; typing narrows it. */
const SHOWN = 8;

/**
 * Sending a ship without a pointer: the systems nearest first, narrowed by typing; Enter or a click sends
 * the ship to the first (or the clicked) one, Esc closes. Emits "pick" with the system id, or "close".
 */
export class DestinationPicker extends LitElement {
  static properties = { shipName: { attribute: false }, destinations: { attribute: false }, filter: { state: true } };
  declare shipName: string;
  declare destinations: Destination[];
  declare filter: string;

  constructor() {
    super();
    this.shipName = "";
    this.destinations = [];
    this.filter = "";
  }

  static styles = [
    panelStyles,
    css`
      :host { position: absolute; inset: 0; display: grid; place-items: center; background: rgba(2, 4, 10, 0.45); pointer-events: auto; }
      .panel { width: min(360px, 92cqw); padding: 12px 14px; }
      input { width: 100%; box-sizing: border-box; font: inherit; background: #131a2a; color: inherit; border: 1px solid #2c3850; border-radius: 4px; padding: 5px 7px; }
      input:focus-visible { border-color: #f0a040; outline: none; }
    `,
  ];

  private shown(): Destination[] {
    const filter = this.filter.trim().toLowerCase();
    return this.destinations.filter((place) => place.name.toLowerCase().includes(filter)).slice(0, SHOWN);
  }

  firstUpdated(): void {
    this.renderRoot.querySelector<HTMLInputElement>("input")?.focus();
  }

  private pick(id: string): void {
    this.dispatchEvent(new CustomEvent<string>("pick", { detail: id }));
  }

  render() {
    const shown = this.shown();
    return html`<div class="panel" role="dialog" aria-modal="true" aria-label="Send ${this.shipName} to" data-destinations>
      <h3>Send ${this.shipName} to</h3>
      <input aria-label="System name" placeholder="Type to narrow the list" .value=${this.filter}
        @input=${(event: Event) => (this.filter = (event.target as HTMLInputElement).value)}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key === "Enter" && shown[0]) this.pick(shown[0].id);
        }} />
      ${shown.map((place) => html`<button data-destination=${place.id} @click=${() => this.pick(place.id)}>${place.name} <span class="meta">· ${place.hours} h</span></button>`)}
      ${shown.length === 0 ? html`<div class="meta">No system by that name.</div>` : null}
    </div>`;
  }
}
customElements.define("destination-picker", DestinationPicker);
