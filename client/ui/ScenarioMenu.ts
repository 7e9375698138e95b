import { css, html, LitElement } from "lit";
import type { ScenarioSummary } from "../../shared/scenario/scenarioSchema";
import { lengthLine, universeNames } from "./BriefingScreen";

/** The server's /api/campaign answer: scenarios grouped by era, in the campaign's order. */
export interface CampaignEra {
  id: string;
  title: string;
  scenarios: ScenarioSummary[];
}

/** The scenario list, by era. Fires "choose" with the scenario picked (its briefing comes next) and "lobby" for multiplayer. */
export class ScenarioMenu extends LitElement {
  static properties = {
    eras: { attribute: false },
    problem: { attribute: false },
  };
  declare eras: CampaignEra[];
  declare problem: string;

  constructor() {
    super();
    this.eras = [];
    this.problem = "";
  }

  static styles = css`
    :host { position: absolute; inset: 0; display: grid; place-items: center; pointer-events: auto; font: 15px/1.4 "Trebuchet MS", system-ui, sans-serif; color: #d8dce6; }
    .panel { background: rgba(10, 14, 24, 0.92); border: 1px solid #2c3850; border-radius: 8px; padding: 24px 28px; width: min(520px, 92vw); max-height: 86vh; overflow: auto; }
    h1 { margin: 0 0 4px; color: #f0a040; letter-spacing: 0.2em; font-size: 26px; }
    h2 { margin: 18px 0 8px; font-size: 14px; text-transform: uppercase; letter-spacing: 0.12em; color: #8994ab; }
    p { margin: 0 0 12px; color: #9aa4b8; }
    button { display: block; width: 100%; text-align: left; margin: 6px 0; padding: 10px 12px; border-radius: 6px; cursor: pointer;
      background: #131a2a; color: inherit; border: 1px solid #2c3850; font: inherit; }
    button:hover, button:focus-visible { border-color: #f0a040; outline: none; }
    .meta { color: #8994ab; font-size: 13px; }
    .problem { color: #ff8a75; }
    .back { width: auto; display: inline-block; }
  `;

  render() {
    return html`<div class="panel">
      <h1>MAQUIS</h1>
      <p>Resistance cells in the Demilitarized Zone.</p>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : null}
      ${this.renderScenarios()}
      <h2>Multiplayer</h2>
      <button data-open-lobby @click=${() => this.dispatchEvent(new CustomEvent("lobby"))}>Play with others<div class="meta">Open matches, create a match, join by code</div></button>
    </div>`;
  }

  private renderScenarios() {
    if (this.eras.length === 0) return html`<p class="problem">No scenarios are available from the server.</p>`;
    return this.eras.map(
      (era) => html`<h2 data-era=${era.id}>${era.title}</h2>
        ${era.scenarios.map(
          (scenario) => html`<button data-scenario=${scenario.id} @click=${() => this.choose(scenario)}>
            ${scenario.title}
            <div class="meta">${scenario.year} · ${universeNames[scenario.universe] ?? scenario.universe} · ${lengthLine(scenario)}</div>
            <div class="meta">${seatsLine(scenario)}</div>
            <div class="meta sources">${scenario.sources.join("; ")}</div>
          </button>`,
        )}`,
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
