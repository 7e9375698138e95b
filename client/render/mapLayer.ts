import Phaser from "phaser";
import type { MatchState } from "../../shared/state/MatchState";
import { labelFont, palette } from "../theme";

const LABEL_OFFSET_PX = 9;

/** Regions and systems: drawn once when the first state arrives (they do not move). */
export class MapLayer {
  private readonly regionLabels: Phaser.GameObjects.Text[] = [];
  private readonly systemMarkers: { star: Phaser.GameObjects.Arc; label: Phaser.GameObjects.Text; y: number }[] = [];

  constructor(private readonly scene: Phaser.Scene) {}

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
        const cx = points.reduce((sum, p) => sum + p.x, 0) / points.length;
        const cy = points.reduce((sum, p) => sum + p.y, 0) / points.length;
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
  }

  /** Keeps markers and labels the same size on screen whatever the zoom. */
  setZoom(zoom: number): void {
    const scale = 1 / zoom;
    for (const label of this.regionLabels) label.setScale(scale);
    for (const marker of this.systemMarkers) {
      marker.star.setScale(scale);
      marker.label.setScale(scale);
      marker.label.y = marker.y + LABEL_OFFSET_PX * scale;
    }
  }
}
