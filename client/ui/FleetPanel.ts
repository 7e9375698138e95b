import { css, html, LitElement } from "lit";
import type { HidingStatus } from "./hidingRisk";
import { hidingStyles, panelStyles } from "./panelStyles";
import { isOpen, rememberToggle } from "./rememberedOpen";

export interface ShipRow {
  id: string;
  name: string;
  className: string;
  x: number;
  y: number;
  moving: boolean;
  /** Where it is in words: "at Solosos III", "to Bryma, 14 h". */
  where: string;
  /** For Maquis ships seen from the Maquis side: hidden (with the odds of being seen) or seen. */
  hiding?: HidingStatus;
}

/** An enemy ship out of sight, where it was last seen: "Vetar, near Bryma, seen 5 h ago". */
export interface LastSeenRow {
  id: string;
  name: string;
  x: number;
  y: number;
  /** Where and when, in words: "near Bryma, seen 5 h ago". */
  when: string;
}

/** A Maquis ship's "Hidden · risk 3%/h" or "Seen", with what moves the odds in its tooltip. */
function hidingLine(ship: ShipRow) {
  return ship.hiding ? html`<div data-hiding=${ship.hiding.level} title=${ship.hiding.tip}>${ship.hiding.text}</div>` : null;
}

/** Where a ship is, in words; its coordinates ride along (data-at) for tests and tools. */
function whereLine(ship: ShipRow) {
  return html`<div class="meta" data-position data-at=${`${Math.round(ship.x)},${Math.round(ship.y)}`} data-moving=${ship.moving ? "yes" : "no"}>${ship.where}</div>`;
}

/** The player's ships (a click selects one and shows it) and the other side's ships in sight. */
export class FleetPanel extends LitElement {
  static properties = { ownShips: { attribute: false }, contacts: { attribute: false }, lastSeen: { attribute: false }, selected: { attribute: false } };
  declare ownShips: ShipRow[];
  declare contacts: ShipRow[];
  declare lastSeen: LastSeenRow[];
  declare selected: string | null;

  constructor() {
    super();
    this.ownShips = [];
    this.contacts = [];
    this.lastSeen = [];
    this.selected = null;
  }

  static styles = [
    panelStyles,
    hidingStyles,
    css`
      button { padding: 4px 7px; }
      button[aria-pressed="true"] { border-color: #5ee6ff; }
      .row { padding: 3px 0; }
      /* Beside the heading, in the heading's place: a line of its own would cost the map a row. */
      .quiet { text-transform: none; letter-spacing: 0; font-size: 12px; }
    `,
  ];

  render() {
    return html`<div class="panel" data-fleet>
      <h3>Your ships${this.contacts.length === 0 ? html` <span class="quiet" data-no-contacts>· no contacts in sight</span>` : null}</h3>
      ${this.ownShips.length === 0 ? html`<div class="meta">None</div>` : null}
      ${this.ownShips.map(
        (ship) => html`<button data-ship=${ship.id} aria-pressed=${ship.id === this.selected ? "true" : "false"}
          @click=${() => this.dispatchEvent(new CustomEvent<string>("select", { detail: ship.id }))}>
          ${ship.name} <span class="meta">${ship.className}</span>
          ${whereLine(ship)} ${hidingLine(ship)}
        </button>`,
      )}
      ${this.contacts.length === 0
        ? null
        : html`<details ?open=${isOpen("contacts", true)} @toggle=${rememberToggle("contacts")}>
            <summary>Contacts (${this.contacts.length})</summary>
            ${this.contacts.map(
              (ship) => html`<div class="row" data-contact=${ship.id}>
                ${ship.name} <span class="meta">${ship.className}</span>
                ${whereLine(ship)} ${hidingLine(ship)}
              </div>`,
            )}
          </details>`}
      ${this.lastSeen.length === 0
        ? null
        : html`<details ?open=${isOpen("last-seen", false)} @toggle=${rememberToggle("last-seen")}>
            <summary>Last seen (${this.lastSeen.length})</summary>
            ${this.lastSeen.map(
              (ship) => html`<button data-last-seen=${ship.id} title="Look where it was"
                @click=${() => this.dispatchEvent(new CustomEvent<{ x: number; y: number }>("showPoint", { detail: { x: ship.x, y: ship.y } }))}>
                ${ship.name} <span class="meta">${ship.when}</span>
              </button>`,
            )}
          </details>`}
    </div>`;
  }
}
customElements.define("fleet-panel", FleetPanel);
