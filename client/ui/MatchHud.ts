import { css, html, LitElement } from "lit";
import type { HidingStatus } from "./hidingRisk";
import { hidingStyles } from "./panelStyles";

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

/** The public politics: the occupier's reputation and the Maquis movement's standing, each 0–100. */
export interface Politics {
  reputation: number;
  standing: number;
}

/** A Maquis ship's "Hidden · risk 3%/h" or "Seen", with what moves the odds in its tooltip. */
function hidingLine(ship: ShipRow) {
  return ship.hiding ? html`<div data-hiding=${ship.hiding.level} title=${ship.hiding.tip}>${ship.hiding.text}</div>` : null;
}

/** The panels over the match map: who you are, the clock, your ships, what you can see, and notices. */
export class MatchHud extends LitElement {
  static properties = {
    matchTitle: { attribute: false },
    seatName: { attribute: false },
    clock: { attribute: false },
    politics: { attribute: false },
    ownShips: { attribute: false },
    contacts: { attribute: false },
    selected: { attribute: false },
    notice: { attribute: false },
    noticeIsError: { attribute: false },
  };
  declare matchTitle: string;
  declare seatName: string;
  declare clock: string;
  declare politics: Politics | null;
  declare ownShips: ShipRow[];
  declare contacts: ShipRow[];
  declare selected: string | null;
  declare notice: string;
  declare noticeIsError: boolean;

  constructor() {
    super();
    this.matchTitle = "";
    this.seatName = "Connecting…";
    this.clock = "";
    this.politics = null;
    this.ownShips = [];
    this.contacts = [];
    this.selected = null;
    this.notice = "";
    this.noticeIsError = false;
  }

  static styles = [
    hidingStyles,
    css`
      :host { position: absolute; inset: 0; pointer-events: none; font: 13px/1.35 "Trebuchet MS", system-ui, sans-serif; color: #d8dce6; }
      .panel { position: absolute; pointer-events: auto; background: rgba(10, 14, 24, 0.85); border: 1px solid #2c3850; border-radius: 6px; padding: 8px 10px; }
      .status { top: 10px; left: 10px; max-width: 46vw; }
      .title { color: #f0a040; font-weight: bold; }
      .fleet { top: 10px; right: 10px; width: min(240px, 44vw); max-height: 70vh; overflow: auto; }
      h3 { margin: 4px 0; font-size: 11px; letter-spacing: 0.12em; text-transform: uppercase; color: #8994ab; }
      button { display: block; width: 100%; text-align: left; margin: 3px 0; padding: 5px 7px; border-radius: 4px; cursor: pointer;
        background: #131a2a; color: inherit; border: 1px solid #2c3850; font: inherit; }
      button[aria-pressed="true"] { border-color: #5ee6ff; }
      .row { padding: 3px 0; }
      .meta { color: #8994ab; font-size: 12px; }
      .notice { bottom: 10px; left: 50%; transform: translateX(-50%); max-width: 90vw; }
      .error { color: #ff8a75; }
      .leave, .briefing { width: auto; display: inline-block; margin-top: 6px; }
    `,
  ];

  render() {
    return html`
      <div class="panel status">
        <div class="title">${this.matchTitle}</div>
        <div data-seat-name>${this.seatName}</div>
        <div class="meta" data-clock>${this.clock}</div>
        ${this.politics
          ? html`<div class="meta" data-politics>
              <span title="The occupier's political capital, 0–100">occupier reputation <b data-reputation>${Math.round(this.politics.reputation)}</b></span>
              · <span title="The Maquis movement's standing with the colonists, 0–100">Maquis standing <b data-standing>${Math.round(this.politics.standing)}</b></span>
            </div>`
          : null}
        <button class="briefing" data-open-briefing @click=${() => this.dispatchEvent(new CustomEvent("briefing"))}>Briefing</button>
        <button class="leave" @click=${() => this.dispatchEvent(new CustomEvent("leave"))}>Leave match</button>
      </div>
      <div class="panel fleet">
        <h3>Your ships</h3>
        ${this.ownShips.length === 0 ? html`<div class="meta">None</div>` : null}
        ${this.ownShips.map(
          (ship) => html`<button data-ship=${ship.id} aria-pressed=${ship.id === this.selected ? "true" : "false"}
            @click=${() => this.dispatchEvent(new CustomEvent<string>("select", { detail: ship.id }))}>
            ${ship.name} <span class="meta">${ship.className}</span>
            <div class="meta" data-position data-at=${`${Math.round(ship.x)},${Math.round(ship.y)}`} data-moving=${ship.moving ? "yes" : "no"}>${ship.where}</div>
            ${hidingLine(ship)}
          </button>`,
        )}
        <h3>Contacts</h3>
        ${this.contacts.length === 0 ? html`<div class="meta">None in sight</div>` : null}
        ${this.contacts.map(
          (ship) => html`<div class="row" data-contact=${ship.id}>
            ${ship.name} <span class="meta">${ship.className}</span>
            <div class="meta" data-position data-at=${`${Math.round(ship.x)},${Math.round(ship.y)}`} data-moving=${ship.moving ? "yes" : "no"}>${ship.where}</div>
            ${hidingLine(ship)}
          </div>`,
        )}
      </div>
      ${this.notice
        ? html`<div class="panel notice ${this.noticeIsError ? "error" : ""}" role="status" data-notice>${this.notice}</div>`
        : null}
    `;
  }
}
customElements.define("match-hud", MatchHud);
