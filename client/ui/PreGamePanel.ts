import { css, html, LitElement } from "lit";
import { panelStyles } from "./panelStyles";

export interface PreGameSeat {
  id: string;
  name: string;
  side: string;
  playerName: string;
  ready: boolean;
  occupied: boolean;
}

/** Before a lobby match starts: the invite code and link, the seats and who sits in them, ready-up and start. */
export class PreGamePanel extends LitElement {
  static properties = {
    code: { attribute: false },
    seats: { attribute: false },
    mySeat: { attribute: false },
    isHost: { attribute: false },
    hostName: { attribute: false },
  };
  declare code: string;
  declare seats: PreGameSeat[];
  declare mySeat: string;
  declare isHost: boolean;
  declare hostName: string;

  constructor() {
    super();
    this.code = "";
    this.seats = [];
    this.mySeat = "";
    this.isHost = false;
    this.hostName = "";
  }

  static styles = [
    panelStyles,
    css`
      :host { position: absolute; inset: 0; display: grid; place-items: center; pointer-events: auto; background: rgba(2, 4, 10, 0.5); }
      .panel { width: min(480px, 92cqw); padding: 18px 22px; }
      h2 { margin: 0 0 6px; color: #f0a040; }
      code { font-size: 18px; letter-spacing: 0.2em; color: #5ee6ff; }
      .seat { display: flex; justify-content: space-between; align-items: center; gap: 8px; margin: 4px 0; }
      .seat button { width: auto; }
    `,
  ];

  private emit(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }

  render() {
    const mine = this.seats.find((seat) => seat.id === this.mySeat);
    const link = `${location.origin}/?join=${this.code}`;
    // Pressing Start is the host's own "ready": the host waits only for the others.
    const waiting = this.seats.filter((seat) => seat.occupied && !seat.ready && !(this.isHost && seat.id === this.mySeat)).length;
    return html`<div class="panel" data-pregame>
      <h2>Waiting to start</h2>
      <div>Invite code <code data-code>${this.code}</code></div>
      <div class="meta">or share the link <span data-link>${link}</span> · host: ${this.hostName}</div>
      <h3>Seats</h3>
      ${this.seats.map(
        (seat) => html`<div class="seat" data-seat-row=${seat.id}>
          <span>${seat.name} <span class="meta">${seat.side}</span></span>
          <span class="meta">${seat.occupied ? `${seat.playerName}${seat.ready ? " · ready" : ""}` : "AI"}</span>
          ${!seat.occupied ? html`<button data-take=${seat.id} @click=${() => this.emit("takeSeat", seat.id)}>Take</button>` : null}
        </div>`,
      )}
      <div class="seat"><span>Spectators</span>${this.mySeat !== "spectator" ? html`<button data-take="spectator" @click=${() => this.emit("takeSeat", "spectator")}>Watch</button>` : null}</div>
      ${mine
        ? html`<button data-ready @click=${() => this.emit("ready", !mine.ready)}>${mine.ready ? "Not ready" : "I'm ready"}</button>`
        : null}
      ${this.isHost
        ? html`<button data-start ?disabled=${waiting > 0} @click=${() => this.emit("start")}>
            Start the match${waiting > 0 ? ` (waiting for ${waiting})` : ""}<div class="meta">The AI plays every empty seat.</div>
          </button>`
        : html`<div class="meta">The host starts the match when everyone is ready.</div>`}
      <button data-leave style="width:auto" @click=${() => this.emit("leave")}>Leave</button>
    </div>`;
  }
}
customElements.define("pre-game-panel", PreGamePanel);
