import { css, html, LitElement } from "lit";
import { panelStyles } from "./panelStyles";
import type { SystemFacts } from "./systemFacts";

/** One system as the player's side knows it: its people and their sympathy, the garrison, intel, yield, and who is there. */
export class SystemCard extends LitElement {
  static properties = { facts: { attribute: false } };
  declare facts: SystemFacts | null;

  constructor() {
    super();
    this.facts = null;
  }

  static styles = [
    panelStyles,
    css`
      .head { display: flex; justify-content: space-between; align-items: baseline; gap: 6px; }
      .name { color: #f0a040; font-weight: bold; }
      .head button { width: auto; margin: 0; padding: 1px 7px; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 1px 10px; margin: 4px 0 0; }
      dt { color: #8994ab; }
      dd { margin: 0; }
      .note { color: #d6ff9c; font-size: 12px; }
    `,
  ];

  render() {
    const facts = this.facts;
    if (!facts) return null;
    const intel = [
      facts.intel.maquis !== undefined ? `Maquis ${facts.intel.maquis}` : "",
      facts.intel.occupier !== undefined ? `occupier ${facts.intel.occupier}` : "",
    ].filter(Boolean);
    return html`<div class="panel" data-system-card=${facts.id} role="region" aria-label=${facts.name}>
      <div class="head"><span class="name">${facts.name}</span>
        <button data-close-system aria-label="Close" @click=${() => this.dispatchEvent(new CustomEvent("close"))}>×</button></div>
      <dl>
        <dt>People</dt><dd data-people>${facts.people}${facts.sympathy ? html`, <span data-sympathy=${facts.sympathyLevel}>${facts.sympathy}</span>` : null}</dd>
        <dt>Held by</dt><dd>${facts.controller || "nobody"}</dd>
        <dt>Garrison</dt><dd data-garrison>${facts.garrison === 0 ? "none" : `${facts.garrison} post${facts.garrison === 1 ? "" : "s"}`}</dd>
        ${intel.length > 0 ? html`<dt>Intel</dt><dd data-intel>${intel.join(" · ")}</dd>` : null}
        <dt>Yields</dt><dd data-yields>${facts.yields}</dd>
        <dt>Here</dt><dd data-ships-here>${facts.ships.length > 0 ? facts.ships.join(", ") : "no ship you can see"}</dd>
      </dl>
      ${facts.notes.map((note) => html`<div class="note">${note}</div>`)}
    </div>`;
  }
}
customElements.define("system-card", SystemCard);
