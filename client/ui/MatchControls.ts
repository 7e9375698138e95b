import { css, html, LitElement } from "lit";
import type { ChatLine } from "../../shared/protocol/matchMessages";
import { LIMITS } from "../../shared/protocol/limits";
import { panelStyles } from "./panelStyles";

export interface PlayerRow {
  seat: string;
  seatName: string;
  playerName: string;
  occupied: boolean;
  connected: boolean;
  speedVote: number;
}

const speedLabels: [number, string][] = [
  [0, "Pause"],
  [1, "1×"],
  [2, "2×"],
  [4, "4×"],
];
const MAX_CHAT_LINES = 8;

/** Who is playing (and whether they are connected), the speed vote, and the chat. */
export class MatchControls extends LitElement {
  static properties = {
    players: { attribute: false },
    speed: { attribute: false },
    canVote: { attribute: false },
    lines: { attribute: false },
    sensorsAvailable: { attribute: false },
    sensorsShown: { attribute: false },
    canMark: { attribute: false },
    marking: { attribute: false },
  };
  declare players: PlayerRow[];
  declare speed: number;
  declare canVote: boolean;
  declare lines: ChatLine[];
  /** Whether this viewer has a sensor picture to show (the Maquis side's). */
  declare sensorsAvailable: boolean;
  declare sensorsShown: boolean;
  /** Whether this viewer may pin council marks (a seated player in a match under way). */
  declare canMark: boolean;
  /** Whether a mark is being placed now. */
  declare marking: boolean;

  constructor() {
    super();
    this.players = [];
    this.speed = 1;
    this.canVote = false;
    this.lines = [];
    this.sensorsAvailable = false;
    this.sensorsShown = false;
    this.canMark = false;
    this.marking = false;
  }

  static styles = [
    panelStyles,
    css`
      .row { display: flex; gap: 4px; }
      .row button { width: auto; flex: 1; text-align: center; }
      button[aria-pressed="true"] { border-color: #5ee6ff; }
      button[data-mark][aria-pressed="true"] { border-color: #b8f060; }
      .pin { color: #b8f060; }
      .chat { max-height: 16vh; overflow: auto; }
      input, select { font: inherit; background: #131a2a; color: inherit; border: 1px solid #2c3850; border-radius: 4px; padding: 3px 5px; }
      form { display: flex; gap: 4px; margin-top: 4px; }
      form input { flex: 1; min-width: 0; }
      /* A keyboard shortcut means nothing on a touch screen. */
      @media (pointer: coarse) { .key { display: none; } }
    `,
  ];

  addLine(line: ChatLine): void {
    this.lines = [...this.lines, line].slice(-MAX_CHAT_LINES);
  }

  private send(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const input = form.querySelector<HTMLInputElement>("input")!;
    const to = form.querySelector<HTMLSelectElement>("select")?.value ?? "all";
    const text = input.value.trim();
    if (text === "") return;
    this.dispatchEvent(new CustomEvent("chat", { detail: { to, text } }));
    input.value = "";
  }

  render() {
    return html`<div class="panel" data-controls>
      <h3>Speed</h3>
      <div class="row">
        ${speedLabels.map(
          ([speed, label]) => html`<button data-speed=${speed} aria-pressed=${this.speed === speed ? "true" : "false"} ?disabled=${!this.canVote}
            title=${this.canVote ? "Vote for this speed; the host breaks ties" : "Only players vote"}
            @click=${() => this.dispatchEvent(new CustomEvent("voteSpeed", { detail: speed }))}>${label}</button>`,
        )}
      </div>
      ${this.sensorsAvailable
        ? html`<button data-sensors aria-pressed=${this.sensorsShown ? "true" : "false"}
            title="The occupier's sensor ranges you know of: solid rings for their ships, dashed for garrison sensor posts (key V)"
            @click=${() => this.dispatchEvent(new CustomEvent("toggleSensors"))}>Sensor picture: ${this.sensorsShown ? "on" : "off"} <span class="meta key">(V)</span></button>`
        : null}
      ${this.canMark
        ? html`<button data-mark aria-pressed=${this.marking ? "true" : "false"}
            title="Pin a note to a point of the map for your side only: click this, then the map (key M)"
            @click=${() => this.dispatchEvent(new CustomEvent("mark"))}><span class="pin">⚑</span> ${this.marking ? "Cancel the mark" : "Mark the map"} <span class="meta key">(${this.marking ? "Esc" : "M"})</span></button>`
        : null}
      <h3>Players</h3>
      ${this.players.map(
        (player) => html`<div data-player=${player.seat}>
          ${player.seatName}: <b>${player.occupied ? player.playerName : "AI"}</b>
          <span class="meta">${player.occupied ? (player.connected ? "connected" : "reconnecting…") : ""}${player.speedVote >= 0 ? ` · votes ${speedLabels.find(([s]) => s === player.speedVote)?.[1]}` : ""}</span>
        </div>`,
      )}
      <h3>Chat</h3>
      <div class="chat" data-chat>${this.lines.map((line) => html`<div><span class="meta">${line.to === "side" ? "(side) " : ""}${line.from}:</span> ${line.text}</div>`)}</div>
      <form @submit=${(event: Event) => this.send(event)}>
        <input data-chat-input maxlength=${LIMITS.chatCharacters} placeholder="Message" />
        ${this.canVote ? html`<select data-chat-to><option value="side">side</option><option value="all">all</option></select>` : null}
        <button style="width:auto">Send</button>
      </form>
    </div>`;
  }
}
customElements.define("match-controls", MatchControls);
