import { css, html, LitElement } from "lit";
import type { Frame } from "../render/mapFrame";
import { fitFrame, type MiniMapPicture } from "./miniMapPicture";
import { panelStyles } from "./panelStyles";
import { isOpen, rememberOpen } from "./rememberedOpen";

const WIDTH = 132;
const HEIGHT = 84;
const hex = (colour: number) => `#${colour.toString(16).padStart(6, "0")}`;

/**
 * The whole theatre small, in a corner: systems by sympathy, ships by side, where enemies were last
 * seen, and the big map's view as a box. Clicking or dragging on it fires "centre" with the world point,
 * for the camera. It folds away to a button, remembered.
 */
export class MiniMap extends LitElement {
  static properties = { picture: { attribute: false }, view: { attribute: false }, folded: { state: true } };
  declare picture: MiniMapPicture | null;
  /** The part of the world the big map shows now. */
  declare view: Frame | null;
  /** Folded away to a button, as the player last left it. */
  declare folded: boolean;
  private dragging = false;

  constructor() {
    super();
    this.picture = null;
    this.view = null;
    this.folded = !isOpen("minimap", true);
  }

  static styles = [
    panelStyles,
    css`
      .panel { position: relative; padding: 4px; }
      canvas { display: block; cursor: crosshair; touch-action: none; border-radius: 3px; background: rgba(5, 7, 13, 0.9); }
      button.fold { position: absolute; top: 4px; right: 4px; width: auto; margin: 0; padding: 0 5px; font-size: 11px; line-height: 16px; opacity: 0.8; }
      .panel.folded button.fold { position: static; opacity: 1; padding: 2px 8px; }
    `,
  ];

  render() {
    const fold = html`<button class="fold" aria-expanded=${this.folded ? "false" : "true"} data-fold-minimap
      title=${this.folded ? "Show the minimap" : "Fold the minimap away"} @click=${() => this.setFolded(!this.folded)}>${this.folded ? "Minimap" : "–"}</button>`;
    if (this.folded) return html`<div class="panel folded" data-minimap>${fold}</div>`;
    return html`<div class="panel" data-minimap>
      <canvas width=${WIDTH} height=${HEIGHT} aria-label="The whole map; click or drag to look there"
        data-view=${this.view ? [this.view.x, this.view.y, this.view.width, this.view.height].map(Math.round).join(",") : ""}
        @pointerdown=${this.onPointerDown} @pointermove=${this.onPointerMove} @pointerup=${this.onPointerUp}></canvas>
      ${fold}
    </div>`;
  }

  private setFolded(folded: boolean): void {
    this.folded = folded;
    rememberOpen("minimap", !folded);
  }

  protected updated(): void {
    this.draw();
  }

  private draw(): void {
    const canvas = this.renderRoot.querySelector("canvas");
    const g = canvas?.getContext("2d");
    if (!g || !this.picture) return;
    const { frame, systems, ships, lastSeen, base } = this.picture;
    const { scale, offsetX, offsetY } = fitFrame(frame, WIDTH, HEIGHT);
    const px = (x: number) => offsetX + x * scale;
    const py = (y: number) => offsetY + y * scale;
    g.clearRect(0, 0, WIDTH, HEIGHT);
    for (const system of systems) {
      g.fillStyle = hex(system.colour);
      g.beginPath();
      g.arc(px(system.x), py(system.y), system.populated ? 2.5 : 1.5, 0, Math.PI * 2);
      g.fill();
    }
    if (base) {
      g.strokeStyle = "#5ee6ff";
      g.strokeRect(px(base.x) - 4, py(base.y) - 4, 8, 8);
    }
    for (const ship of lastSeen) {
      g.strokeStyle = hex(ship.colour);
      g.globalAlpha = 0.6;
      g.strokeRect(px(ship.x) - 1.5, py(ship.y) - 1.5, 3, 3);
      g.globalAlpha = 1;
    }
    for (const ship of ships) {
      g.fillStyle = hex(ship.colour);
      const size = ship.own ? 4 : 3;
      g.fillRect(px(ship.x) - size / 2, py(ship.y) - size / 2, size, size);
    }
    if (this.view) {
      // The big map's view, cut to the minimap's edges when it shows more than the theatre.
      const left = Math.max(0.5, px(this.view.x));
      const top = Math.max(0.5, py(this.view.y));
      const right = Math.min(WIDTH - 0.5, px(this.view.x + this.view.width));
      const bottom = Math.min(HEIGHT - 0.5, py(this.view.y + this.view.height));
      g.strokeStyle = "rgba(255, 255, 255, 0.75)";
      g.lineWidth = 1;
      if (right > left && bottom > top) g.strokeRect(left, top, right - left, bottom - top);
    }
  }

  private centreOn(event: PointerEvent): void {
    if (!this.picture) return;
    const box = (event.currentTarget as HTMLCanvasElement).getBoundingClientRect();
    // The canvas may be drawn scaled (the UI scale setting): measure in its own pixels.
    const x = ((event.clientX - box.left) / box.width) * WIDTH;
    const y = ((event.clientY - box.top) / box.height) * HEIGHT;
    const { scale, offsetX, offsetY } = fitFrame(this.picture.frame, WIDTH, HEIGHT);
    this.dispatchEvent(new CustomEvent<{ x: number; y: number }>("centre", { detail: { x: (x - offsetX) / scale, y: (y - offsetY) / scale } }));
  }

  private readonly onPointerDown = (event: PointerEvent) => {
    this.dragging = true;
    (event.currentTarget as HTMLCanvasElement).setPointerCapture(event.pointerId);
    this.centreOn(event);
  };

  private readonly onPointerMove = (event: PointerEvent) => {
    if (this.dragging) this.centreOn(event);
  };

  private readonly onPointerUp = () => {
    this.dragging = false;
  };
}
customElements.define("mini-map", MiniMap);
