import { css, html, LitElement } from "lit";
import type { ScenarioSummary } from "../../shared/scenario/scenarioSchema";
import { lengthLine, universeNames } from "./BriefingScreen";
import { describeResult, nextScenario, type ScenarioResult } from "./campaignRecord";
import { difficultyLine } from "./difficultyWords";
import "./CommunityList";
import "./ContinueList";
import type { ContinueEntry } from "../../shared/protocol/lobbyMessages";

/** The server's /api/campaign answer: scenarios grouped by era, in the campaign's order. */
export interface CampaignEra {
  id: string;
  title: string;
  scenarios: ScenarioSummary[];
}

/** Which list the menu shows: the campaign's eras, or the scenarios the community has published. */
export type ScenarioTab = "campaign" | "community";

/**
 * The scenario list, by era, with the community's published scenarios on a tab of their own. Fires
 * "choose" with the scenario picked from either (its briefing comes next) and "lobby" for multiplayer.
 */
export class ScenarioMenu extends LitElement {
  static properties = {
    eras: { attribute: false },
    problem: { attribute: false },
    results: { attribute: false },
    training: { attribute: false },
    continuable: { attribute: false },
    tab: { attribute: false },
  };
  declare tab: ScenarioTab;
  /** The unfinished matches this browser held a seat in: "Continue" goes back to one. */
  declare continuable: ContinueEntry[];
  /** The training to offer first to a player who has not finished or skipped one, else null. */
  declare training: ScenarioSummary | null;
  declare eras: CampaignEra[];
  declare problem: string;
  /** This browser's best result on each scenario played to the end. */
  declare results: Record<string, ScenarioResult>;

  constructor() {
    super();
    this.eras = [];
    this.problem = "";
    this.results = {};
    this.training = null;
    this.continuable = [];
    this.tab = "campaign";
  }

  static styles = css`
    :host { position: absolute; inset: 0; display: grid; place-items: center; pointer-events: auto; font: 15px/1.4 "Trebuchet MS", system-ui, sans-serif; color: #d8dce6; }
    .panel { background: rgba(10, 14, 24, 0.92); border: 1px solid #2c3850; border-radius: 8px; padding: 24px 28px; width: min(520px, 92cqw); max-height: 86cqh; overflow: auto; }
    h1 { margin: 0 0 4px; color: #f0a040; letter-spacing: 0.2em; font-size: 26px; }
    h2 { margin: 18px 0 8px; font-size: 14px; text-transform: uppercase; letter-spacing: 0.12em; color: #8994ab; }
    p { margin: 0 0 12px; color: #9aa4b8; }
    button, a.button { display: block; width: 100%; box-sizing: border-box; text-align: left; margin: 6px 0; padding: 10px 12px; border-radius: 6px; cursor: pointer;
      background: #131a2a; color: inherit; border: 1px solid #2c3850; font: inherit; text-decoration: none; }
    button:hover, button:focus-visible, a.button:hover, a.button:focus-visible { border-color: #f0a040; outline: none; }
    .meta { color: #8994ab; font-size: 13px; }
    .difficulty { color: #c3cad8; }
    .problem { color: #ff8a75; }
    .back { width: auto; display: inline-block; }
    .training { border-color: #f0a040; background: #1d1a10; }
    .path { border-left: 2px solid #2c3850; padding-left: 10px; margin-left: 4px; }
    .path button { position: relative; }
    .path button::before { content: ""; position: absolute; left: -17px; top: 16px; width: 10px; height: 10px; border-radius: 50%; background: #2c3850; }
    .path button[data-outcome="won"]::before { background: #b8f060; }
    .path button[data-outcome="draw"]::before { background: #f0c04a; }
    .path button[data-outcome="lost"]::before { background: #ff8a75; }
    .path button[data-next] { border-color: #f0a040; }
    .path button[data-next]::before { background: #f0a040; }
    .result { font-size: 13px; }
    .result[data-outcome="won"] { color: #b8f060; }
    .result[data-outcome="draw"] { color: #f0c04a; }
    .result[data-outcome="lost"] { color: #ff8a75; }
    .next { color: #f0a040; font-size: 13px; }
    .top { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; }
    .top button { width: auto; margin: 0; padding: 6px 10px; font-size: 13px; }
    .tabs { display: flex; gap: 6px; margin-top: 14px; }
    .tabs button { flex: 1; text-align: center; margin: 0; }
    .tabs button[aria-selected="true"] { border-color: #f0a040; color: #f0a040; }
  `;

  render() {
    return html`<div class="panel">
      <div class="top"><h1>MAQUIS</h1><button data-open-settings @click=${() => this.dispatchEvent(new CustomEvent("settings"))}>Settings</button></div>
      <p>Resistance cells in the Demilitarized Zone.</p>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : null}
      <continue-list .entries=${this.continuable}
        @continue=${(event: CustomEvent<ContinueEntry>) => this.dispatchEvent(new CustomEvent<ContinueEntry>("continue", { detail: event.detail }))}></continue-list>
      ${this.training
        ? html`<button class="training" data-offer-training @click=${() => this.choose(this.training!)}>
            New to Maquis? Start with the training
            <div class="meta">${this.training.title} · learn by doing, about ten minutes; you can skip it at any step</div>
          </button>`
        : null}
      <div class="tabs" role="tablist">
        ${(["campaign", "community"] as const).map(
          (tab) => html`<button role="tab" data-tab=${tab} aria-selected=${this.tab === tab ? "true" : "false"} @click=${() => (this.tab = tab)}>
            ${tab === "campaign" ? "Campaign" : "Community"}
          </button>`,
        )}
      </div>
      ${this.tab === "campaign"
        ? this.renderScenarios()
        : html`<community-list role="tabpanel" @choose=${(event: CustomEvent<ScenarioSummary>) => this.choose(event.detail)}></community-list>`}
      <h2>Multiplayer</h2>
      <button data-open-lobby @click=${() => this.dispatchEvent(new CustomEvent("lobby"))}>Play with others<div class="meta">Open matches, create a match, join by code</div></button>
      <h2>Make your own</h2>
      <a class="button" data-open-editor href="/editor">Scenario editor<div class="meta">Build a scenario on the map, playtest it, publish it, edit it with others</div></a>
    </div>`;
  }

  /** The campaign's path, era by era: each scenario with this browser's result on it, the next one to play marked. */
  private renderScenarios() {
    if (this.eras.length === 0) return html`<p class="problem">No scenarios are available from the server.</p>`;
    const next = nextScenario(
      this.eras.flatMap((era) => era.scenarios.filter((scenario) => !scenario.training).map((scenario) => scenario.id)),
      this.results,
    );
    return this.eras.map(
      (era) => html`<h2 data-era=${era.id}>${era.title}</h2>
        <div class="path">
          ${era.scenarios.map((scenario) => {
            const result = this.results[scenario.id];
            return html`<button data-scenario=${scenario.id} data-outcome=${result?.outcome ?? "none"} ?data-next=${scenario.id === next} @click=${() => this.choose(scenario)}>
              ${scenario.title}
              ${scenario.id === next ? html`<span class="next">· next</span>` : null}
              <div class="meta">${scenario.year} · ${universeNames[scenario.universe] ?? scenario.universe} · ${lengthLine(scenario)}</div>
              <div class="meta">${seatsLine(scenario)}</div>
              <div class="meta difficulty" data-difficulty>${difficultyLine(scenario)}</div>
              ${result ? html`<div class="result" data-outcome=${result.outcome} data-result>${describeResult(result)}</div>` : null}
              <div class="meta sources">${scenario.sources.join("; ")}</div>
            </button>`;
          })}
        </div>`,
    );
  }

  private choose(scenario: ScenarioSummary): void {
    this.problem = "";
    this.dispatchEvent(new CustomEvent<ScenarioSummary>("choose", { detail: scenario }));
  }
}

/** "2 Maquis cells · 1 occupier" */
function seatsLine(scenario: ScenarioSummary): string {
  const count = (side: string) => scenario.seats.filter((seat) => seat.side === side).length;
  const cells = count("maquis");
  return `${cells} Maquis ${cells === 1 ? "cell" : "cells"} · ${count("occupier")} occupier`;
}
customElements.define("scenario-menu", ScenarioMenu);
