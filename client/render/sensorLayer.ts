import Phaser from "phaser";
import { palette } from "../theme";
import { sensorPictureChanged, type SensorRing } from "./sensorPicture";

/** Dashes around a fixed post's ring; drawn as short chords, since each Graphics arc costs about a hundred points a frame. */
const POST_DASHES = 40;

/**
 * The sensor ranges the viewer knows (sensorPicture), faint rings under the systems in each side's
 * colour: solid for ships' sensors, dashed for fixed posts and informants, filled only for the other
 * side's. One Graphics, redrawn only when the rings change by a
 * pixel or more or the zoom changes (lines keep their width on screen), never merely because a frame passed.
 */
export class SensorLayer {
  private readonly graphics: Phaser.GameObjects.Graphics;
  private drawn: readonly SensorRing[] = [];
  /** The newest rings, kept while the picture is hidden so showing it again draws the present. */
  private latest: readonly SensorRing[] = [];
  private zoom = 1;
  private shown = true;

  constructor(scene: Phaser.Scene) {
    // Above the regions' fill, below the systems' standing rings and stars.
    this.graphics = scene.add.graphics().setDepth(-3);
  }

  show(rings: readonly SensorRing[]): void {
    this.latest = rings;
    if (this.shown && sensorPictureChanged(this.drawn, rings, 1 / this.zoom)) this.redraw();
  }

  setShown(shown: boolean): void {
    this.shown = shown;
    this.graphics.setVisible(shown);
    if (shown) this.redraw();
  }

  setZoom(zoom: number): void {
    this.zoom = zoom;
    if (this.shown) this.redraw();
  }

  private redraw(): void {
    const g = this.graphics;
    const lineWidth = 1 / this.zoom;
    g.clear();
    for (const ring of this.latest) {
      const style = palette.sensor[ring.side][ring.kind];
      if (!ring.own) {
        g.fillStyle(style.fill, style.fillAlpha);
        g.fillCircle(ring.x, ring.y, ring.range);
      }
      g.lineStyle(lineWidth, style.line, style.lineAlpha * (ring.own ? palette.sensor.ownLineShare : 1));
      if (ring.kind === "ship") {
        g.strokeCircle(ring.x, ring.y, ring.range);
        continue;
      }
      g.beginPath();
      const step = (Math.PI * 2) / POST_DASHES;
      for (let i = 0; i < POST_DASHES; i++) {
        const from = i * step;
        const to = from + step / 2;
        g.moveTo(ring.x + Math.cos(from) * ring.range, ring.y + Math.sin(from) * ring.range);
        g.lineTo(ring.x + Math.cos(to) * ring.range, ring.y + Math.sin(to) * ring.range);
      }
      g.strokePath();
    }
    this.drawn = this.latest;
  }
}
