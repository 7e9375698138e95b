import { css, html, LitElement } from "lit";
import type { MatchLookup } from "../../shared/protocol/lobbyMessages";
import { SPECTATOR_SEAT } from "../../shared/protocol/joinOptions";
import { inviteHeadline, seatLabel } from "./matchWords";
import { panelStyles } from "./panelStyles";

/**
 * An invite link to a match already under way (client/net lookUpMatch says so before joining): take one
 * of its free seats, which the AI has been playing, or watch it. Fires "choose" with the seat id (or
 * "spectator") and "back".
 */
export class SeatChoice extends LitElement {
  static properties = { match: { attribute: false } };
  declare match: MatchLookup | null;

  constructor() {
    super();
    this.match = null;
  }

  static styles = [
    panelStyles,
    css`
      :host { position: absolute; inset: 0; display: grid; place-items: center; pointer-events: auto; background: rgba(2, 4, 10, 0.55); }
      .panel { width: min(440px, 92vw); padding: 16px 20px; }
      h2 { margin: 0 0 8px; color: #f0a040; letter-spacing: 0.12em; font-size: 16px; }
      p { margin: 6px 0 10px; }
      button[data-back] { width: auto; margin-top: 10px; }
    `,
  ];

  private choose(seat: string): void {
    this.dispatchEvent(new CustomEvent<string>("choose", { detail: seat }));
  }

  render() {
    const match = this.match;
    if (!match) return null;
    return html`<div class="panel" role="dialog" aria-label="Join ${match.title}" data-seat-choice>
      <h2>JOIN A MATCH</h2>
      <p data-invite-headline>${inviteHeadline(match)}</p>
      ${match.freeSeats.map((seat) => html`<button data-seat=${seat.id} @click=${() => this.choose(seat.id)}>Play ${seatLabel(seat)}</button>`)}
      <button data-watch @click=${() => this.choose(SPECTATOR_SEAT)}>Watch as a spectator</button>
      <div class="meta">A spectator sees the match through one side's eyes and chats with other spectators, but gives no orders.</div>
      <button data-back @click=${() => this.dispatchEvent(new CustomEvent("back"))}>← Back to the menu</button>
    </div>`;
  }
}
customElements.define("seat-choice", SeatChoice);
