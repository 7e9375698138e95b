import { css, html, LitElement, svg } from "lit";
import { LAST_SEEN_HOURS } from "../render/lastSeen";
import { palette } from "../theme";
import { panelStyles } from "./panelStyles";
import { isOpen, rememberToggle } from "./rememberedOpen";
import { SYMPATHY_NAMES } from "./systemFacts";

const hex = (colour: number) => `#${colour.toString(16).padStart(6, "0")}`;

/** A colony's ring as the map draws it (client/render/mapLayer.ts): colour and rings by sympathy, so it reads without colour too. */
function sympathyIcon(level: number) {
  const colour = hex(palette.sympathy[level + 2]!);
  const rings = Math.abs(level) === 2 ? [5, 8] : [5];
  return svg`<svg width="20" height="20" viewBox="-10 -10 20 20" aria-hidden="true">
    <circle r="2" fill=${hex(palette.systemStar)} />
    ${rings.map((r) => svg`<circle r=${r} fill="none" stroke=${colour} stroke-width=${level === 0 ? 1 : 1.8} stroke-dasharray=${level < 0 ? "2.4 1.6" : "none"} />`)}
  </svg>`;
}

/** The legend of the map's marks: colony sympathy, garrisons, the base, sensor rings, regions, council marks. */
export class MapKey extends LitElement {
  static properties = { embedded: { type: Boolean, reflect: true } };
  /** Inside another panel: no frame of its own. */
  declare embedded: boolean;

  constructor() {
    super();
    this.embedded = false;
  }

  static styles = [
    panelStyles,
    css`
      .row { display: flex; gap: 8px; align-items: center; margin: 2px 0; }
      .swatch { width: 18px; display: inline-flex; justify-content: center; }
      :host([embedded]) .panel { background: none; border: none; padding: 0; }
    `,
  ];

  render() {
    const region = (kind: string) => hex(palette.region[kind]!.line);
    return html`<div class="panel" data-map-key>
      <details ?open=${isOpen("map-key", false)} @toggle=${rememberToggle("map-key")}>
        <summary>Map key</summary>
        ${[2, 1, 0, -1, -2].map((level) => html`<div class="row" data-key-sympathy=${level}><span class="swatch">${sympathyIcon(level)}</span>Colony ${SYMPATHY_NAMES[level + 2]}</div>`)}
        <div class="row"><span class="swatch" style="color:${hex(palette.occupier)}">▪▪</span>Occupier garrison posts</div>
        <div class="row"><span class="swatch" style="color:${hex(palette.ownShip)}">▢</span>Your cell's base</div>
        <div class="row"><span class="swatch" style="color:${hex(palette.sensor.occupier.ship.line)}">◯</span>Sensor range, in its side's colour: a ship's (solid), a post's or informants' (dashed); filled if it is the other side's</div>
        <div class="row"><span class="swatch" style="color:${hex(palette.occupier)}">▷</span>Where an enemy ship was last seen, and how long ago (forgotten after ${LAST_SEEN_HOURS} h)</div>
        <div class="row"><span class="swatch" style="color:${region("plasma-storm")}">■</span>Plasma storm: blinds sensors, slows ships</div>
        <div class="row"><span class="swatch" style="color:${region("nebula")}">■</span>Nebula: cover, half sensor range</div>
        <div class="row"><span class="swatch" style="color:${region("asteroid-field")}">■</span>Asteroid field: cover</div>
        <div class="row"><span class="swatch" style="color:${hex(palette.mark)}">⚑</span>Council mark</div>
        <div class="meta">Click a system to read it.</div>
      </details>
    </div>`;
  }
}
customElements.define("map-key", MapKey);
