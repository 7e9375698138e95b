import Phaser from "phaser";
import type { MatchState } from "../../shared/state/MatchState";
import { labelFont, palette } from "../theme";
import type { Box } from "./labelPlacement";
import { standingKey } from "./standingKey";

const LABEL_OFFSET_PX = 9;

/** Regions and systems: drawn once when the first state arrives (they do not move). */
export class MapLayer {
  private readonly regionLabels: Phaser.GameObjects.Text[] = [];
  private readonly systemMarkers: { star: Phaser.GameObjects.Arc; label: Phaser.GameObjects.Text; y: number }[] = [];
  private readonly standing: Phaser.GameObjects.Graphics;
  private zoom = 1;
  /** What the standing layer last drew (standingKey), so an unchanged picture is not drawn again. */
  private drawnStanding = "";
  /** The systems' name boxes at the present zoom (labelBoxes), measured once per zoom. */
  private boxes: Box[] | null = null;

  constructor(private readonly scene: Phaser.Scene) {
    this.standing = scene.add.graphics().setDepth(0);
  }

  /**
   * Each colony's standing, redrawn as it changes: a ring by sympathy (see drawSympathy), pips for
   * garrisons, and a marker on your own base.
   */
  drawStanding(state: MatchState, ownBase: string): void {
    const key = standingKey(state, ownBase, this.zoom);
    if (key === this.drawnStanding) return;
    this.drawnStanding = key;
    const g = this.standing;
    const scale = 1 / this.zoom;
    g.clear();
    state.systems.forEach((system) => {
      if (system.population > 0) drawSympathy(g, system.x, system.y, system.sympathy, scale);
      for (let i = 0; i < system.garrison; i++) {
        g.fillStyle(palette.occupier, 0.9);
        g.fillRect(system.x + (10 + i * 5) * scale, system.y - 10 * scale, 3 * scale, 3 * scale);
      }
      if (system.id === ownBase) {
        g.lineStyle(1.5 * scale, palette.ownShip, 0.9);
        g.strokeRect(system.x - 12 * scale, system.y - 12 * scale, 24 * scale, 24 * scale);
      }
    });
  }

  draw(state: MatchState): void {
    const regions = this.scene.add.graphics().setDepth(-5);
    for (const region of state.regions) {
      const style = palette.region[region.kind] ?? palette.region.zone!;
      const points: Phaser.Math.Vector2[] = [];
      for (let i = 0; i + 1 < region.outline.length; i += 2)
        points.push(new Phaser.Math.Vector2(region.outline[i]!, region.outline[i + 1]!));
      regions.fillStyle(style.fill, style.alpha);
      regions.fillPoints(points, true);
      regions.lineStyle(1.5, style.line, region.kind === "zone" ? 0.35 : 0.6);
      regions.strokePoints(points, true);
      if (region.kind !== "zone") {
        // Label along the region's top edge, clear of the systems inside it.
        const cx = points.reduce((sum, p) => sum + p.x, 0) / points.length;
        const cy = Math.min(...points.map((p) => p.y)) + 14;
        this.regionLabels.push(
          this.scene.add
            .text(cx, cy, region.name.toUpperCase(), { fontFamily: labelFont, fontSize: "11px", color: "#b7a8ff" })
            .setOrigin(0.5)
            .setAlpha(0.7)
            .setDepth(-4),
        );
      }
    }
    state.systems.forEach((system) => {
      const star = this.scene.add.circle(system.x, system.y, 4, palette.systemStar).setDepth(1);
      const label = this.scene.add
        .text(system.x, system.y + LABEL_OFFSET_PX, system.name, { fontFamily: labelFont, fontSize: "12px", color: palette.systemLabel })
        .setOrigin(0.5, 0)
        .setDepth(1);
      this.systemMarkers.push({ star, label, y: system.y });
    });
    this.boxes = null;
    // For the bench and tools: when the map was built, and when the first frame showing it was rendered.
    performance.mark("map-drawn");
    this.scene.events.once(Phaser.Scenes.Events.RENDER, () => performance.mark("map-frame"));
  }

  /** Where the systems' names are drawn at the present zoom, for other labels to keep clear of. */
  labelBoxes(): Box[] {
    if (this.boxes === null) {
      this.boxes = this.systemMarkers.map(({ label }) => ({
        left: label.x - label.displayWidth / 2,
        right: label.x + label.displayWidth / 2,
        top: label.y,
        bottom: label.y + label.displayHeight,
      }));
    }
    return this.boxes;
  }

  /** Keeps markers and labels the same size on screen whatever the zoom. */
  setZoom(zoom: number): void {
    this.boxes = null;
    this.zoom = zoom;
    const scale = 1 / zoom;
    for (const label of this.regionLabels) label.setScale(scale);
    for (const marker of this.systemMarkers) {
      marker.star.setScale(scale);
      marker.label.setScale(scale);
      marker.label.y = marker.y + LABEL_OFFSET_PX * scale;
    }
  }
}

/** Gaps in a loyal colony's ring: it reads as dashed, so loyalty shows without colour. */
const LOYAL_DASHES = 8;

/**
 * A colony's sympathy as colour and shape, readable with the common colour-vision deficiencies: Okabe-Ito
 * blues for the occupier and oranges for the Maquis, a dashed ring for loyal worlds and a solid one for
 * sympathetic ones, a second ring when the feeling is active, a thin grey ring for neutral. The map key
 * (client/ui/MapKey.ts) draws the same.
 */
function drawSympathy(g: Phaser.GameObjects.Graphics, x: number, y: number, sympathy: number, scale: number): void {
  const colour = palette.sympathy[sympathy + 2]!;
  const radii = Math.abs(sympathy) === 2 ? [8, 11.5] : [8];
  g.lineStyle((sympathy === 0 ? 1 : 2) * scale, colour, 0.95);
  for (const radius of radii) {
    if (sympathy >= 0) {
      g.strokeCircle(x, y, radius * scale);
      continue;
    }
    const step = (Math.PI * 2) / LOYAL_DASHES;
    for (let i = 0; i < LOYAL_DASHES; i++) {
      g.beginPath();
      g.arc(x, y, radius * scale, i * step, i * step + step * 0.6);
      g.strokePath();
    }
  }
}
