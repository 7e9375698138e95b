import { css, html, LitElement } from "lit";
import type { MatchLookup } from "../../shared/protocol/lobbyMessages";
import { SPECTATOR_SEAT } from "../../shared/protocol/joinOptions";
import { inviteHeadline, playFromHeadline, seatLabel } from "./matchWords";
import { panelStyles } from "./panelStyles";

/**
 * An invite link to a match already under way (client/net lookUpMatch says so before joining): take one
 * of its free seats, which the AI has been playing, or watch it. Also a replay's "Play from here" (with
 * `fromMoment`): any seat of a new match from that moment, no watching. Fires "choose" with the seat id
 * (or "spectator") and "back".
 */
export class SeatChoice extends LitElement {
  static properties = { match: { attribute: false }, fromMoment: { attribute: false } };
  declare match: MatchLookup | null;
  /** For "Play from here": the replay's moment, as the timeline writes it ("" for an invite). */
  declare fromMoment: string;

  constructor() {
    super();
    this.match = null;
    this.fromMoment = "";
  }

  /** The first seat has the focus, so the choice is made from the keyboard at once. */
  protected firstUpdated(): void {
    this.renderRoot.querySelector<HTMLButtonElement>("button")?.focus();
  }

  static styles = [
    panelStyles,
    css`
      :host { position: absolute; inset: 0; display: grid; place-items: center; pointer-events: auto; background: rgba(2, 4, 10, 0.55); }
      .panel { width: min(440px, 92cqw); padding: 16px 20px; }
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
    const playFrom = this.fromMoment !== "";
    return html`<div class="panel" role="dialog" aria-label=${playFrom ? `Play ${match.title} from ${this.fromMoment}` : `Join ${match.title}`} data-seat-choice>
      <h2>${playFrom ? "PLAY FROM HERE" : "JOIN A MATCH"}</h2>
      <p data-invite-headline>${playFrom ? playFromHeadline(match.title, this.fromMoment) : inviteHeadline(match)}</p>
      ${match.freeSeats.map((seat) => html`<button data-seat=${seat.id} @click=${() => this.choose(seat.id)}>Play ${seatLabel(seat)}</button>`)}
      ${playFrom
        ? null
        : html`<button data-watch @click=${() => this.choose(SPECTATOR_SEAT)}>Watch as a spectator</button>
            <div class="meta">A spectator sees the match through one side's eyes and chats with other spectators, but gives no orders.</div>`}
      <button data-back @click=${() => this.dispatchEvent(new CustomEvent("back"))}>${playFrom ? "← Back to the replay" : "← Back to the menu"}</button>
    </div>`;
  }
}
customElements.define("seat-choice", SeatChoice);
