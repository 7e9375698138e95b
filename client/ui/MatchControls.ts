import { css, html, LitElement, type PropertyValues } from "lit";
import { SPEEDS, type ChatLine } from "../../shared/protocol/matchMessages";
import { LIMITS } from "../../shared/protocol/limits";
import { panelStyles } from "./panelStyles";
import "./ReplayTimeline";
import { isOpen, rememberToggle } from "./rememberedOpen";

export interface PlayerRow {
  seat: string;
  seatName: string;
  playerName: string;
  occupied: boolean;
  connected: boolean;
  speedVote: number;
}

const speedLabel = (speed: number) => (speed === 0 ? "Pause" : `${speed}×`);
/** Lines the chat keeps (it scrolls); a reload brings back up to the server's CHAT_HISTORY_LINES. */
const MAX_CHAT_LINES = 50;

/** Who is playing (and whether they are connected), the speed vote, and the chat. */
export class MatchControls extends LitElement {
  static properties = {
    players: { attribute: false },
    speed: { attribute: false },
    canVote: { attribute: false },
    lines: { attribute: false },
    sensorsShown: { attribute: false },
    canMark: { attribute: false },
    marking: { attribute: false },
    chatAvailable: { attribute: false },
    speeds: { attribute: false },
    replay: { attribute: false },
    replayEndHours: { attribute: false },
    replayHours: { attribute: false },
  };
  /** Whether there is anyone to talk to (another person in a seat, or this viewer watches others play). */
  declare chatAvailable: boolean;
  declare players: PlayerRow[];
  declare speed: number;
  declare canVote: boolean;
  declare lines: ChatLine[];
  declare sensorsShown: boolean;
  /** Whether this viewer may pin council marks (a seated player in a match under way). */
  declare canMark: boolean;
  /** Whether a mark is being placed now. */
  declare marking: boolean;
  /** The speeds offered, 0 (pause) first: a live match's SPEEDS, or a replay's REPLAY_SPEEDS. */
  declare speeds: readonly number[];
  /** A replay: any viewer pauses it or sets its speed, no vote. */
  declare replay: boolean;
  /** A replay's recorded length in game hours (the server's ReplayInfo); with it the controls show the timeline, which fires "seek", and "Play from here", which fires "playFromHere". */
  declare replayEndHours: number;
  /** Where the replay stands (the state's hours). */
  declare replayHours: number;

  constructor() {
    super();
    this.players = [];
    this.speed = 1;
    this.canVote = false;
    this.lines = [];
    this.sensorsShown = false;
    this.canMark = false;
    this.marking = false;
    this.chatAvailable = false;
    this.speeds = SPEEDS;
    this.replay = false;
    this.replayEndHours = 0;
    this.replayHours = 0;
  }

  static styles = [
    panelStyles,
    css`
      :host { container-type: inline-size; }
      .row { display: flex; flex-wrap: wrap; gap: 4px; }
      .row button { width: auto; flex: 1; text-align: center; white-space: nowrap; padding: 5px 3px; }
      /* Too narrow for five buttons in a row (a phone's half width): pause above the speeds. */
      @container (max-width: 260px) { .row button[data-pause] { flex-basis: 100%; } }
      button[aria-pressed="true"] { border-color: #5ee6ff; }
      button[data-mark][aria-pressed="true"] { border-color: #b8f060; }
      .pin { color: #b8f060; }
      .chat { max-height: 16cqh; overflow: auto; }
      button[data-pause][aria-pressed="true"] { border-color: #f0a040; color: #f0c070; }
      [data-speed-note] { margin: 2px 0; }
      .toggles { display: flex; gap: 4px; }
      .toggles button { flex: 1; margin: 3px 0 0; padding: 4px 6px; }
      input, select { font: inherit; background: #131a2a; color: inherit; border: 1px solid #2c3850; border-radius: 4px; padding: 3px 5px; }
      form { display: flex; gap: 4px; margin-top: 4px; }
      form input { flex: 1; min-width: 0; }
      /* A keyboard shortcut means nothing on a touch screen. */
      @media (pointer: coarse) { .key { display: none; } }
    `,
  ];

  /** Back to the "Play from here" button, once the seat choice it opened is closed. */
  focusPlayFromHere(): void {
    this.renderRoot.querySelector<HTMLButtonElement>("[data-play-from-here]")?.focus();
  }

  addLine(line: ChatLine): void {
    this.lines = [...this.lines, line].slice(-MAX_CHAT_LINES);
  }

  /** The chat the server keeps for this viewer (on joining, and again after a reload): it replaces what is shown. */
  setHistory(lines: ChatLine[]): void {
    this.lines = lines.slice(-MAX_CHAT_LINES);
  }

  protected updated(changed: PropertyValues): void {
    // The newest line in view.
    if (changed.has("lines")) {
      const chat = this.renderRoot.querySelector<HTMLElement>("[data-chat]");
      if (chat) chat.scrollTop = chat.scrollHeight;
    }
  }

  /** What pausing does here, on the pause button. */
  private pauseTitle(): string {
    if (this.replay) return "Pause the replay (Space)";
    if (!this.canVote) return "Only players pause the match";
    return "Pause for everyone, at once: any player may. It runs again when more players vote for a speed than for the pause (Space)";
  }

  /** A line under the speeds while paused: who paused what, and how it runs again. */
  private pausedNote() {
    if (this.speed !== 0) return null;
    const note = this.replay ? "Paused: pick a speed to play on." : "Paused for everyone. It runs again when more players vote for a speed than for the pause.";
    return html`<div class="meta" data-speed-note>${note}</div>`;
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

  private chatForm() {
    return html`<form @submit=${(event: Event) => this.send(event)}>
        <input data-chat-input maxlength=${LIMITS.chatCharacters} placeholder="Message" />
        ${this.canVote ? html`<select data-chat-to><option value="side">side</option><option value="all">all</option></select>` : null}
        <button style="width:auto">Send</button>
      </form>`;
  }

  /** Who holds each seat, and the chat: none of it in a match of one's own against the AI. */
  private playersAndChat() {
    return html`<details ?open=${isOpen("players", false)} @toggle=${rememberToggle("players")}>
      <summary>Players and chat${this.lines.length > 0 ? ` (${this.lines.length})` : ""}</summary>
      ${this.players.map(
        (player) => html`<div data-player=${player.seat}>
          ${player.seatName}: <b>${player.occupied ? player.playerName : "AI"}</b>
          <span class="meta">${player.occupied ? (player.connected ? "connected" : "reconnecting…") : ""}${player.speedVote >= 0 ? ` · votes ${speedLabel(player.speedVote)}` : ""}</span>
        </div>`,
      )}
      <div class="chat" data-chat>${this.lines.map((line) => html`<div><span class="meta">${line.to === "side" ? "(side) " : ""}${line.from}:</span> ${line.text}</div>`)}</div>
      </details>
      ${this.chatForm()}`;
  }

  render() {
    return html`<div class="panel" data-controls>
      <div class="row">
        ${this.speeds.map((speed) =>
          speed === 0
            ? html`<button data-speed="0" data-pause aria-pressed=${this.speed === 0 ? "true" : "false"} ?disabled=${!this.canVote} title=${this.pauseTitle()}
                @click=${() => this.dispatchEvent(new CustomEvent("voteSpeed", { detail: 0 }))}>${this.speed === 0 ? "Paused" : this.replay ? "Pause" : "Pause all"}</button>`
            : html`<button data-speed=${speed} aria-pressed=${this.speed === speed ? "true" : "false"} ?disabled=${!this.canVote}
                title=${this.replay ? `Play the replay at ${speed}×` : this.canVote ? `Vote for ${speed}×; the host breaks ties` : "Only players vote"}
                @click=${() => this.dispatchEvent(new CustomEvent("voteSpeed", { detail: speed }))}>${speedLabel(speed)}</button>`,
        )}
      </div>
      ${this.pausedNote()}
      ${this.replay && this.replayEndHours > 0
        ? html`<replay-timeline .endHours=${this.replayEndHours} .hours=${this.replayHours}
            @seek=${(event: CustomEvent<number>) => this.dispatchEvent(new CustomEvent<number>("seek", { detail: event.detail }))}></replay-timeline>
          <button data-play-from-here ?disabled=${this.replayHours >= this.replayEndHours}
            title="Start a match of your own from this moment of the replay, in the seat you choose"
            @click=${() => this.dispatchEvent(new CustomEvent("playFromHere"))}>Play from here…</button>`
        : null}
      <div class="toggles">
      <button data-sensors aria-pressed=${this.sensorsShown ? "true" : "false"}
        title="Sensor ranges as your side knows them: your own as bare rings, the other side's filled; solid for ships, dashed for sensor posts and informants (key V)"
        @click=${() => this.dispatchEvent(new CustomEvent("toggleSensors"))}>Sensors: ${this.sensorsShown ? "on" : "off"} <span class="meta key">(V)</span></button>
      ${this.canMark
        ? html`<button data-mark aria-pressed=${this.marking ? "true" : "false"}
            title="Pin a note to a point of the map for your side only: click this, then the map (key M)"
            @click=${() => this.dispatchEvent(new CustomEvent("mark"))}><span class="pin">⚑</span> ${this.marking ? "Cancel mark" : "Mark map"} <span class="meta key">(${this.marking ? "Esc" : "M"})</span></button>`
        : null}
      </div>
      ${this.chatAvailable ? this.playersAndChat() : null}
    </div>`;
  }
}
customElements.define("match-controls", MatchControls);
