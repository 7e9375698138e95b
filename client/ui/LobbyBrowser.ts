import { browserStorage } from "../browserStorage";
import { css, html, LitElement } from "lit";
import type { ScenarioSummary } from "../../shared/scenario/scenarioSchema";
import type { ListedMatch } from "../net/matchList";
import { panelStyles } from "./panelStyles";
import { LIMITS } from "../../shared/protocol/limits";
import { listingDetail } from "./matchWords";

export interface CreateRequest {
  scenario: string;
  difficulty: "easy" | "normal" | "hard";
  private: boolean;
  name: string;
}

export interface JoinByIdRequest {
  roomId: string;
  name: string;
  /** A seat chosen before joining (see SeatChoice), or "spectator" to watch; absent for the server's choice. */
  seat?: string;
}

/** The name others see, kept in the browser; the lobby and the editor both set it. */
export const NAME_KEY = "maquis.playerName";

/** The name this browser last gave in the lobby, or "Player". */
export function rememberedName(): string {
  return browserStorage()?.getItem(NAME_KEY)?.trim() || "Player";
}

/**
 * Matches between people: the live list of open matches (each with its scenario, the day it has
 * reached, and the seats free to take), a form to create one, and joining by code.
 */
export class LobbyBrowser extends LitElement {
  static properties = {
    scenarios: { attribute: false },
    openMatches: { attribute: false },
    problem: { attribute: false },
  };
  declare scenarios: ScenarioSummary[];
  declare openMatches: ListedMatch[];
  declare problem: string;

  constructor() {
    super();
    this.scenarios = [];
    this.openMatches = [];
    this.problem = "";
  }

  static styles = [
    panelStyles,
    css`
      :host { position: absolute; inset: 0; display: grid; place-items: center; pointer-events: auto; }
      .panel { width: min(560px, 94cqw); max-height: 90cqh; overflow: auto; padding: 18px 22px; }
      h2 { margin: 0 0 8px; color: #f0a040; letter-spacing: 0.12em; }
      label { display: block; margin: 6px 0; }
      input, select { font: inherit; background: #131a2a; color: inherit; border: 1px solid #2c3850; border-radius: 4px; padding: 4px 6px; }
      .row { display: flex; gap: 8px; align-items: center; }
      .row button { width: auto; }
      .problem { color: #ff8a75; }
    `,
  ];

  private get name(): string {
    return (this.renderRoot.querySelector<HTMLInputElement>("[data-name]")?.value ?? "").trim() || "Player";
  }

  render() {
    const openMatches = this.openMatches.filter((match) => match.metadata.phase === "lobby" || match.metadata.freeSeats.length > 0);
    return html`<div class="panel">
      <h2>PLAY WITH OTHERS</h2>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : null}
      <label>Your name <input data-name maxlength=${LIMITS.nameCharacters} .value=${localStorage.getItem(NAME_KEY) ?? ""} placeholder="Player"
        @change=${(event: Event) => localStorage.setItem(NAME_KEY, (event.target as HTMLInputElement).value.trim())} /></label>
      <h3>Open matches</h3>
      ${openMatches.length === 0 ? html`<div class="meta" data-no-matches>No open matches yet: create one.</div>` : null}
      ${openMatches.map(
        (match) => html`<button data-match=${match.roomId} @click=${() => this.emitJoin(match.roomId)}>
          ${match.metadata.title}
          <div class="meta" data-match-detail>${listingDetail(match.metadata, match.clients)}</div>
        </button>`,
      )}
      <h3>Create a match</h3>
      <label>Scenario <select data-create-scenario>
        ${this.scenarios.map((scenario) => html`<option value=${scenario.id}>${scenario.title} (${scenario.year})</option>`)}
      </select></label>
      <label>AI in empty seats <select data-create-difficulty>
        <option value="easy">easy</option><option value="normal" selected>normal</option><option value="hard">hard</option>
      </select></label>
      <label><input type="checkbox" data-create-private /> Private: only people with the code can join</label>
      <button data-create @click=${() => this.emitCreate()}>Create and wait for players</button>
      <h3>Join by code</h3>
      <div class="row"><input data-code maxlength="12" placeholder="ABC123" />
        <button data-join-code @click=${() => this.emitJoin((this.renderRoot.querySelector<HTMLInputElement>("[data-code]")?.value ?? "").trim().toUpperCase())}>Join</button></div>
      <button data-back style="width:auto;margin-top:12px" @click=${() => this.dispatchEvent(new CustomEvent("back"))}>← Back</button>
    </div>`;
  }

  private emitCreate(): void {
    const pick = (selector: string) => this.renderRoot.querySelector<HTMLSelectElement>(selector)?.value ?? "";
    const request: CreateRequest = {
      scenario: pick("[data-create-scenario]"),
      difficulty: pick("[data-create-difficulty]") as CreateRequest["difficulty"],
      private: this.renderRoot.querySelector<HTMLInputElement>("[data-create-private]")?.checked ?? false,
      name: this.name,
    };
    this.dispatchEvent(new CustomEvent<CreateRequest>("create", { detail: request }));
  }

  private emitJoin(roomId: string): void {
    if (roomId === "") {
      this.problem = "Type the match's code first.";
      return;
    }
    this.dispatchEvent(new CustomEvent<JoinByIdRequest>("joinById", { detail: { roomId, name: this.name } }));
  }
}
customElements.define("lobby-browser", LobbyBrowser);
