import { css, html, LitElement } from "lit";
import { panelStyles } from "./panelStyles";
import type { SystemFacts } from "./systemFacts";

/** How far from the pointer the tip sits, so it never covers what is pointed at. */
const OFFSET_PX = 14;

/**
 * A system's facts in brief beside the pointer while it rests over the system: who lives there and how
 * they lean, the garrison, who is there. Clicking opens the full card. It never takes the pointer.
 */
export class SystemTip extends LitElement {
  static properties = { facts: { attribute: false }, at: { attribute: false } };
  declare facts: SystemFacts | null;
  /** Where the pointer is, in page pixels. */
  declare at: { x: number; y: number };

  constructor() {
    super();
    this.facts = null;
    this.at = { x: 0, y: 0 };
  }

  static styles = [
    panelStyles,
    css`
      :host { position: absolute; pointer-events: none; z-index: 5; }
      .panel { pointer-events: none; max-width: 240px; padding: 6px 8px; }
      strong { color: #f0d9a8; }
    `,
  ];

  render() {
    const facts = this.facts;
    if (!facts) return null;
    // The panel layer may be scaled (the UI scale setting): place the tip in its units.
    const layer = this.parentElement;
    const scale = (layer && layer.offsetWidth > 0 ? layer.getBoundingClientRect().width / layer.offsetWidth : 1) || 1;
    const x = this.at.x / scale;
    const y = this.at.y / scale;
    // Left of the pointer when it is near the right edge, above it near the bottom.
    const left = x + OFFSET_PX + 240 > innerWidth / scale ? x - OFFSET_PX - 240 : x + OFFSET_PX;
    const top = y + OFFSET_PX + 110 > innerHeight / scale ? y - OFFSET_PX - 110 : y + OFFSET_PX;
    this.style.left = `${Math.max(0, left)}px`;
    this.style.top = `${Math.max(0, top)}px`;
    return html`<div class="panel" data-system-tip=${facts.id} role="tooltip">
      <strong>${facts.name}</strong>
      <div>${facts.people}${facts.sympathy ? html`, ${facts.sympathy}` : null}</div>
      ${facts.garrison > 0 ? html`<div>Garrison: ${facts.garrison} ${facts.garrison === 1 ? "post" : "posts"}</div>` : null}
      ${facts.ships.length > 0 ? html`<div>Here: ${facts.ships.join(", ")}</div>` : null}
      <div class="meta">Click for its card.</div>
    </div>`;
  }
}
customElements.define("system-tip", SystemTip);
