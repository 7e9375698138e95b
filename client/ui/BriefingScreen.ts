import { css, html, LitElement } from "lit";
import { formatHours } from "../../shared/rules/timeScale";
import type { ScenarioSummary } from "../../shared/scenario/scenarioSchema";
import { difficultySentence } from "./difficultyWords";

export type AiLevel = "easy" | "normal" | "hard";

/** What the player settled on: a seat (or to watch one side) and the level of the AI in every other seat. */
export interface PlayRequest {
  scenario: string;
  seat: string;
  watch?: "maquis" | "occupier";
  difficulty: AiLevel;
}

/**
 * "choose": from the menu, pick a seat and the AI's level, then play. "start": the match is made and
 * waits for its player. "read": reopened during the match.
 */
export type BriefingMode = "choose" | "start" | "read";

const LEVEL_KEY = "maquis.aiLevel";
const levels: { id: AiLevel; name: string; text: string }[] = [
  { id: "easy", name: "Easy", text: "slow to decide, fights only what comes close" },
  { id: "normal", name: "Normal", text: "a fair contest" },
  { id: "hard", name: "Hard", text: "decides fast, reads the chase, guards what you are after" },
];
const sides = ["maquis", "occupier"] as const;
const sideNames: Record<string, string> = { maquis: "Maquis", occupier: "Occupier" };
const sideText: Record<string, string> = {
  maquis: "Hide among the colonies, win them over, strike and vanish. Your ships are hidden until they are seen.",
  occupier: "Patrol the zone, find the cells and their bases, and keep the colonies loyal without losing the trust of your own side.",
};
export const universeNames: Record<string, string> = { primary: "Primary universe", mirror: "Mirror universe", reborn: "Maquis Reborn" };

/** The AI level this browser played last, or normal. */
export function rememberedLevel(): AiLevel {
  const saved = localStorage.getItem(LEVEL_KEY);
  return levels.some((level) => level.id === saved) ? (saved as AiLevel) : "normal";
}

/** "4 days · about 42 minutes at 1×" */
export function lengthLine(scenario: Pick<ScenarioSummary, "lengthHours" | "minutesAt1x">): string {
  return `${formatHours(scenario.lengthHours)} · about ${scenario.minutesAt1x} minutes at 1×`;
}

/** A scenario's story, sources, sides and objectives; where it is chosen, the seat and the AI's level too. */
export class BriefingScreen extends LitElement {
  static properties = {
    scenario: { attribute: false },
    mode: { attribute: false },
    seat: { state: true },
    level: { state: true },
  };
  declare scenario: ScenarioSummary | null;
  declare mode: BriefingMode;
  declare seat: string;
  declare level: AiLevel;

  constructor() {
    super();
    this.scenario = null;
    this.mode = "choose";
    this.seat = "";
    this.level = rememberedLevel();
  }

  static styles = css`
    :host { position: absolute; inset: 0; display: grid; place-items: center; pointer-events: auto; background: rgba(2, 4, 10, 0.55);
      font: 15px/1.45 "Trebuchet MS", system-ui, sans-serif; color: #d8dce6; }
    .panel { background: rgba(10, 14, 24, 0.95); border: 1px solid #2c3850; border-radius: 8px; padding: 20px 24px; width: min(720px, 94cqw);
      max-height: 90cqh; overflow: auto; box-sizing: border-box; }
    h1 { margin: 0; color: #f0a040; font-size: 22px; }
    h2 { margin: 16px 0 6px; font-size: 13px; text-transform: uppercase; letter-spacing: 0.12em; color: #8994ab; }
    p { margin: 6px 0; }
    .meta { color: #8994ab; font-size: 13px; }
    .story { white-space: pre-line; }
    .sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 12px; }
    ul { margin: 4px 0; padding-left: 18px; }
    li { margin: 2px 0; }
    .points { color: #f0a040; font-size: 13px; white-space: nowrap; }
    .choices { display: flex; flex-wrap: wrap; gap: 6px; }
    button { padding: 8px 12px; border-radius: 6px; cursor: pointer; background: #131a2a; color: inherit; border: 1px solid #2c3850; font: inherit; text-align: left; }
    button:hover, button:focus-visible { border-color: #f0a040; outline: none; }
    button[aria-pressed="true"] { border-color: #f0a040; background: #2a2212; }
    .choices button { flex: 1 1 200px; }
    .actions { display: flex; gap: 8px; margin-top: 18px; justify-content: flex-end; flex-wrap: wrap; }
    .primary { background: #f0a040; color: #10131c; border-color: #f0a040; font-weight: bold; }
    .primary:hover, .primary:focus-visible { background: #ffc070; }
    .primary[disabled] { opacity: 0.5; cursor: not-allowed; }
    .primary .meta { color: #3a2a10; }
    .watch { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 8px; }
    .watch button { padding: 4px 10px; }
    .actions .grow { flex: 1; }
  `;

  private emit(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }

  willUpdate(changed: Map<string, unknown>): void {
    // A training has one seat worth taking: it is chosen for the newcomer, so "Play" works at once.
    if (changed.has("scenario") && this.scenario?.training && this.seat === "") {
      this.seat = this.scenario.seats.find((seat) => seat.side === "maquis")?.id ?? "";
    }
  }

  render() {
    const scenario = this.scenario;
    if (!scenario) return null;
    return html`<div class="panel" data-briefing role="dialog" aria-label=${`Briefing: ${scenario.title}`}>
      <h1>${scenario.title}</h1>
      <div class="meta">
        ${scenario.year}${scenario.stardate ? ` · stardate ${scenario.stardate}` : ""} · ${universeNames[scenario.universe] ?? scenario.universe} ·
        <span data-length>${lengthLine(scenario)}</span>
      </div>
      <div class="meta" data-difficulty>${difficultySentence(scenario)}</div>
      <p class="story" data-story>${scenario.briefing}</p>
      <div class="meta" data-sources>Drawn from: ${scenario.sources.join("; ")}</div>
      <h2>What each side is after</h2>
      <div class="sides">
        ${sides.map(
          (side) => html`<div data-side-objectives=${side}>
            <strong>${sideNames[side]}</strong>
            <ul>
              ${scenario.objectives
                .filter((objective) => objective.side === side)
                .map((objective) => html`<li>${objective.text} <span class="points">${objective.points} pt${objective.points === 1 ? "" : "s"}</span></li>`)}
            </ul>
          </div>`,
        )}
      </div>
      <div class="meta">The side with more points when the time runs out wins, unless an event ends the match first.</div>
      ${this.mode === "choose" ? this.renderChoices(scenario) : null}
      <div class="actions">${this.renderActions()}</div>
    </div>`;
  }

  private renderChoices(scenario: ScenarioSummary) {
    return html`<h2>Your seat</h2>
      <div class="choices" role="group" aria-label="Seat">
        ${scenario.seats.map(
          (seat) => html`<button data-seat=${seat.id} aria-pressed=${this.seat === seat.id} @click=${() => (this.seat = seat.id)}>
            ${seat.name}<div class="meta">${sideNames[seat.side] ?? seat.side}: ${sideText[seat.side] ?? ""}</div>
          </button>`,
        )}
      </div>
      <div class="watch" role="group" aria-label="Watch instead">
        <span class="meta">Or let the AI play every seat and watch, seeing what one side sees:</span>
        ${sides.map(
          (side) => html`<button data-seat="spectator" data-watch=${side} aria-pressed=${this.seat === `watch:${side}`} @click=${() => (this.seat = `watch:${side}`)}>
            ${sideNames[side]}
          </button>`,
        )}
      </div>
      <h2>The AI's level</h2>
      <div class="choices" role="group" aria-label="AI level">
        ${levels.map(
          (level) => html`<button data-level=${level.id} aria-pressed=${this.level === level.id} @click=${() => this.chooseLevel(level.id)}>
            ${level.name}<div class="meta">${level.text}</div>
          </button>`,
        )}
      </div>`;
  }

  private renderActions() {
    if (this.mode === "choose")
      return html`<button data-back @click=${() => this.emit("back")}>← Back</button>
        <span class="grow"></span>
        <button data-quick ?disabled=${this.seat === ""} @click=${() => this.play("quick")}>
          Join others<div class="meta">a public match of this scenario; the AI keeps the empty seats</div>
        </button>
        <button class="primary" data-play ?disabled=${this.seat === ""} @click=${() => this.play("play")}>
          ${this.seat === "" ? "Choose a seat" : "Play"}<div class="meta">a match of your own against the AI</div>
        </button>`;
    if (this.mode === "start")
      return html`<button data-leave @click=${() => this.emit("leave")}>Leave</button>
        <button class="primary" data-start @click=${() => this.emit("start")}>Start the match</button>`;
    return html`<button class="primary" data-close @click=${() => this.emit("close")}>Back to the match</button>`;
  }

  private chooseLevel(level: AiLevel): void {
    this.level = level;
    localStorage.setItem(LEVEL_KEY, level);
  }

  /** "play": a private match of one's own; "quick": the first public match of this scenario with the seat free. */
  private play(event: "play" | "quick"): void {
    const scenario = this.scenario;
    if (!scenario || this.seat === "") return;
    const watching = this.seat.startsWith("watch:") ? (this.seat.slice("watch:".length) as "maquis" | "occupier") : undefined;
    const request: PlayRequest = watching
      ? { scenario: scenario.id, seat: "spectator", watch: watching, difficulty: this.level }
      : { scenario: scenario.id, seat: this.seat, difficulty: this.level };
    this.emit(event, request);
  }
}
customElements.define("briefing-screen", BriefingScreen);
