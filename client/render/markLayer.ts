import Phaser from "phaser";
import { labelFont, palette } from "../theme";
import { marksKey, type MarkPin } from "./councilMarks";

/** Where a pin's label sits (screen pixels from the point), and how wide it may run before wrapping. */
const LABEL_X_PX = 12;
const LABEL_Y_PX = -15;
const LABEL_WRAP_PX = 170;
/** Above the systems and the selected ship's course, below the ships, so a pin never hides a hull. */
const DEPTH = 2.5;

/**
 * The side's council marks: a small flag on a pole at each point, its note beside it. Each pin is one
 * container drawn in screen pixels and scaled by 1/zoom, so zooming only rescales; the pins are rebuilt
 * only when the set of marks (or their fade) changes, never merely because a frame or a patch passed.
 */
export class MarkLayer {
  private pins: Phaser.GameObjects.Container[] = [];
  private key = "";
  private zoom = 1;
  /** The point picked for a mark whose note is still being typed. */
  private readonly pending: Phaser.GameObjects.Container;

  constructor(private readonly scene: Phaser.Scene) {
    this.pending = this.pin(0, 0, null, 0.75).setVisible(false);
    scene.game.canvas.dataset.marks = "0";
  }

  /** How many marks are drawn now (the canvas says so too, in data-marks, for tests and tools). */
  get count(): number {
    return this.pins.length;
  }

  show(marks: readonly MarkPin[]): void {
    const key = marksKey(marks);
    if (key === this.key) return;
    this.key = key;
    for (const pin of this.pins) pin.destroy();
    this.pins = marks.map((mark) => this.pin(mark.x, mark.y, mark.text, mark.alpha));
    this.scene.game.canvas.dataset.marks = String(this.pins.length);
  }

  setPending(at: { x: number; y: number } | null): void {
    this.pending.setVisible(at !== null);
    if (at) this.pending.setPosition(at.x, at.y);
  }

  setZoom(zoom: number): void {
    this.zoom = zoom;
    for (const pin of this.pins) pin.setScale(1 / zoom);
    this.pending.setScale(1 / zoom);
  }

  private pin(x: number, y: number, text: string | null, alpha: number): Phaser.GameObjects.Container {
    const g = this.scene.add.graphics();
    // The foot: a dot on the point itself, ringed dark so it reads on a bright region or star.
    g.fillStyle(palette.background, 0.9);
    g.fillCircle(0, 0, 3.5);
    g.fillStyle(palette.mark, 1);
    g.fillCircle(0, 0, 2.2);
    g.lineStyle(1.5, palette.mark, 1);
    g.lineBetween(0, 0, 0, -18);
    g.fillTriangle(0, -18, 11, -14.5, 0, -11);
    const parts: Phaser.GameObjects.GameObject[] = [g];
    if (text !== null) {
      parts.push(
        this.scene.add
          .text(LABEL_X_PX, LABEL_Y_PX, text, {
            fontFamily: labelFont,
            fontSize: "11px",
            color: palette.markLabel,
            backgroundColor: "rgba(10, 14, 24, 0.78)",
            padding: { x: 3, y: 1 },
            wordWrap: { width: LABEL_WRAP_PX },
          })
          .setOrigin(0, 0.5),
      );
    }
    return this.scene.add
      .container(x, y, parts)
      .setDepth(DEPTH)
      .setAlpha(alpha)
      .setScale(1 / this.zoom);
  }
}
