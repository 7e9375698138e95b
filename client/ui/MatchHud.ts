import { css, html, LitElement, type PropertyValues } from "lit";
import { panelStyles } from "./panelStyles";

export type { ShipRow } from "./FleetPanel";

/** The public politics: the occupier's reputation and the Maquis movement's standing, each 0–100. */
export interface Politics {
  reputation: number;
  standing: number;
}

/**
 * The match's status in the top-left corner: which match, which seat, the clock and the politics, the
 * buttons for the briefing, the keys, the settings and leaving (which asks first), and the notice line.
 */
export class MatchHud extends LitElement {
  static properties = {
    matchTitle: { attribute: false },
    seatName: { attribute: false },
    clock: { attribute: false },
    politics: { attribute: false },
    notice: { attribute: false },
    noticeIsError: { attribute: false },
    leaveWarning: { attribute: false },
    confirmingLeave: { state: true },
  };
  declare matchTitle: string;
  declare seatName: string;
  declare clock: string;
  declare politics: Politics | null;
  declare notice: string;
  declare noticeIsError: boolean;
  /** What leaving means for this player, asked before they go ("" to leave without asking: a replay, a finished match). */
  declare leaveWarning: string;
  declare confirmingLeave: boolean;

  constructor() {
    super();
    this.matchTitle = "";
    this.seatName = "Connecting…";
    this.clock = "";
    this.politics = null;
    this.notice = "";
    this.noticeIsError = false;
    this.leaveWarning = "";
    this.confirmingLeave = false;
  }

  static styles = [
    panelStyles,
    css`
      :host { position: absolute; inset: 0; pointer-events: none; }
      .panel { position: absolute; }
      .status { top: 8px; left: 8px; max-width: min(330px, 46cqw); padding: 6px 9px; }
      .title { color: #f0a040; font-weight: bold; }
      .buttons { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }
      .buttons button { width: auto; margin: 0; padding: 3px 8px; }
      .confirm { margin-top: 6px; }
      .confirm .buttons button.go { border-color: #ff8a75; }
      .notice { bottom: 10px; left: 50%; transform: translateX(-50%); max-width: 90cqw; }
      /* On a phone (MatchPanels' PHONE_QUERY) the panels' tabs take the bottom edge: the notice sits above them. */
      @media (max-width: 640px) { .notice { bottom: 56px; } }
      .error { color: #ff8a75; }
      /* A keyboard's shortcuts mean nothing on a touch screen. */
      @media (pointer: coarse) { [data-open-keys] { display: none; } }
    `,
  ];

  private emit(name: string): void {
    this.dispatchEvent(new CustomEvent(name));
  }

  private askToLeave(): void {
    if (this.leaveWarning === "") this.emit("leave");
    else this.confirmingLeave = true;
  }

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
        ${this.confirmingLeave
          ? html`<div class="confirm" role="alertdialog" aria-label="Leave the match?" data-confirm>
              <div>${this.leaveWarning}</div>
              <div class="buttons">
                <button class="go" data-confirm-leave @click=${() => this.emit("leave")}>Leave</button>
                <button data-stay autofocus @click=${() => (this.confirmingLeave = false)}>Stay</button>
              </div>
            </div>`
          : html`<div class="buttons">
              <button class="briefing" data-open-briefing title="Read the briefing again (B)" @click=${() => this.emit("briefing")}>Briefing</button>
              <button data-open-keys title="Keyboard shortcuts (?)" @click=${() => this.emit("keys")}>Keys ?</button>
              <button data-open-settings title="Sound and display" @click=${() => this.emit("settings")}>Settings</button>
              <button class="leave" @click=${() => this.askToLeave()}>Leave match</button>
            </div>`}
      </div>
      ${this.notice
        ? html`<div class="panel notice ${this.noticeIsError ? "error" : ""}" role="status" data-notice>${this.notice}</div>`
        : null}
    `;
  }

  updated(changed: PropertyValues<this>): void {
    // Once, as the question opens: the panel re-renders with the clock, and must not pull the focus back each time.
    if (changed.has("confirmingLeave") && this.confirmingLeave) this.renderRoot.querySelector<HTMLButtonElement>("[data-stay]")?.focus();
  }
}
customElements.define("match-hud", MatchHud);
