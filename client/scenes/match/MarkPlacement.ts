import type Phaser from "phaser";
import type { Order } from "../../../shared/protocol/orders";
import { MarkPrompt } from "../../ui/MarkPrompt";
import { onMap, toggledMarkMode, type MarkMode } from "../../ui/markMode";
import type { MatchMap } from "./MatchMap";

/**
 * Placing a council mark: off, picking the point (the next click or tap on the map), or typing the
 * note for the picked point. The prompt follows its point when the map moves under it.
 */
export class MarkPlacement {
  readonly prompt = new MarkPrompt();
  private markMode: MarkMode = "off";
  private at: { x: number; y: number } | null = null;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly map: MatchMap,
    private readonly send: (order: Order) => void,
    /** Told whenever marking starts or stops, for the button that toggles it. */
    private readonly onMarking: (marking: boolean) => void,
  ) {
    this.prompt.addEventListener("note", (event) => this.sendMark((event as CustomEvent<string>).detail));
    this.prompt.addEventListener("cancel", () => this.setMode("off"));
  }

  get mode(): MarkMode {
    return this.markMode;
  }

  toggle(canMark: boolean): void {
    this.setMode(toggledMarkMode(this.markMode, canMark));
  }

  cancel(): void {
    this.setMode("off");
  }

  /** The click (or tap) after "Mark the map": the mark's point; another click while the note is open moves it. */
  pick(world: { x: number; y: number }, mapWidth: number, mapHeight: number): void {
    if (!onMap(world, mapWidth, mapHeight)) {
      this.prompt.problem = "That point lies off the map: pick one on it.";
      return;
    }
    this.at = { x: Math.round(world.x), y: Math.round(world.y) };
    this.follow();
    this.setMode("note");
    this.prompt.focusNote();
  }

  /** Once a frame: the note field stays beside its point when the map is panned or zoomed under it. */
  follow(): void {
    if (this.markMode !== "note" || !this.at) return;
    const screen = this.map.camera.toScreen(this.at.x, this.at.y);
    this.prompt.left = Math.round(screen.x);
    this.prompt.top = Math.round(screen.y);
  }

  private setMode(mode: MarkMode): void {
    this.markMode = mode;
    if (mode !== "note") this.at = null;
    this.prompt.mode = mode;
    this.onMarking(mode !== "off");
    this.map.setPendingMark(mode === "note" ? this.at : null);
    this.scene.input.setDefaultCursor(mode === "point" ? "crosshair" : "");
  }

  private sendMark(text: string): void {
    if (!this.at) return;
    this.send({ kind: "mark", x: this.at.x, y: this.at.y, text });
    this.setMode("off");
  }
}
