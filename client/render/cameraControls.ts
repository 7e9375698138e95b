import Phaser from "phaser";

const MIN_ZOOM = 0.3;
const MAX_ZOOM = 6;
const WHEEL_ZOOM_STEP = 1.15;
/** A press that moves less than this is a click or tap, not a drag. */
const DRAG_THRESHOLD_PX = 6;

/** Screen pixels from each edge of the viewport. */
export interface Insets {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Pan by dragging, zoom with the wheel (toward the cursor) or a two-finger pinch. */
export class CameraControls {
  private dragging = false;
  private pressedOnMap = false;
  private pressX = 0;
  private pressY = 0;
  private pinchDistance = 0;
  private readonly zoomListeners: ((zoom: number) => void)[] = [];

  constructor(private readonly scene: Phaser.Scene) {
    const input = scene.input;
    input.on(Phaser.Input.Events.POINTER_DOWN, (pointer: Phaser.Input.Pointer) => {
      this.pressX = pointer.x;
      this.pressY = pointer.y;
      this.dragging = false;
      this.pressedOnMap = true;
      if (this.pinchPointers()) this.pinchDistance = this.currentPinchDistance();
    });
    input.on(Phaser.Input.Events.POINTER_MOVE, (pointer: Phaser.Input.Pointer) => this.onMove(pointer));
    input.on(Phaser.Input.Events.POINTER_WHEEL, (pointer: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number) => {
      this.zoomAround(pointer.x, pointer.y, dy > 0 ? 1 / WHEEL_ZOOM_STEP : WHEEL_ZOOM_STEP);
    });
  }

  get camera(): Phaser.Cameras.Scene2D.Camera {
    return this.scene.cameras.main;
  }

  /**
   * Call on pointer-up: true when that release ends a click or tap on the map itself. Drags are not
   * clicks, and neither are releases of presses that began on a DOM panel (Phaser hears those too).
   */
  takeClick(): boolean {
    const click = this.pressedOnMap && !this.dragging;
    this.pressedOnMap = false;
    return click;
  }

  onZoom(listener: (zoom: number) => void): void {
    this.zoomListeners.push(listener);
  }

  /**
   * Frames a world rectangle with a margin in the part of the viewport the panels leave open (`free`, in
   * screen pixels from each edge; the whole viewport by default).
   */
  fit(x: number, y: number, width: number, height: number, free: Insets = { left: 0, top: 0, right: 0, bottom: 0 }): void {
    const { width: viewWidth, height: viewHeight } = this.scene.scale;
    // Too little open space (a small window): frame in the whole viewport rather than in a sliver.
    const open = viewWidth - free.left - free.right >= viewWidth / 3 && viewHeight - free.top - free.bottom >= viewHeight / 3 ? free : { left: 0, top: 0, right: 0, bottom: 0 };
    const openWidth = viewWidth - open.left - open.right;
    const openHeight = viewHeight - open.top - open.bottom;
    const zoom = Phaser.Math.Clamp(Math.min(openWidth / (width * 1.1), openHeight / (height * 1.1)), MIN_ZOOM, MAX_ZOOM);
    this.setZoom(zoom);
    // The rectangle's middle goes to the open area's middle, which lies off the screen's by half the difference of the insets.
    this.camera.centerOn(x + width / 2 - (open.left - open.right) / 2 / zoom, y + height / 2 - (open.top - open.bottom) / 2 / zoom);
  }

  centreOn(x: number, y: number): void {
    this.camera.centerOn(x, y);
  }

  private onMove(pointer: Phaser.Input.Pointer): void {
    const pinch = this.pinchPointers();
    if (pinch) {
      const distance = this.currentPinchDistance();
      if (this.pinchDistance > 0) {
        const midX = (pinch[0].x + pinch[1].x) / 2;
        const midY = (pinch[0].y + pinch[1].y) / 2;
        this.zoomAround(midX, midY, distance / this.pinchDistance);
      }
      this.pinchDistance = distance;
      this.dragging = true;
      return;
    }
    if (!pointer.isDown || !this.pressedOnMap) return;
    if (!this.dragging && Math.hypot(pointer.x - this.pressX, pointer.y - this.pressY) < DRAG_THRESHOLD_PX) return;
    this.dragging = true;
    const camera = this.camera;
    camera.scrollX -= (pointer.x - pointer.prevPosition.x) / camera.zoom;
    camera.scrollY -= (pointer.y - pointer.prevPosition.y) / camera.zoom;
  }

  private pinchPointers(): [Phaser.Input.Pointer, Phaser.Input.Pointer] | null {
    const down = this.scene.input.manager.pointers.filter((pointer) => pointer.isDown);
    return down.length >= 2 ? [down[0]!, down[1]!] : null;
  }

  private currentPinchDistance(): number {
    const pinch = this.pinchPointers();
    return pinch ? Math.hypot(pinch[0].x - pinch[1].x, pinch[0].y - pinch[1].y) : 0;
  }

  /** The world point under a screen point, computed from the camera's current values (its matrix lags a frame). */
  toWorld(screenX: number, screenY: number): { x: number; y: number } {
    const camera = this.camera;
    const halfWidth = camera.width / 2;
    const halfHeight = camera.height / 2;
    return {
      x: camera.scrollX + halfWidth + (screenX - camera.x - halfWidth) / camera.zoom,
      y: camera.scrollY + halfHeight + (screenY - camera.y - halfHeight) / camera.zoom,
    };
  }

  /** The screen point over a world point: the inverse of toWorld. */
  toScreen(worldX: number, worldY: number): { x: number; y: number } {
    const camera = this.camera;
    const halfWidth = camera.width / 2;
    const halfHeight = camera.height / 2;
    return {
      x: (worldX - camera.scrollX - halfWidth) * camera.zoom + camera.x + halfWidth,
      y: (worldY - camera.scrollY - halfHeight) * camera.zoom + camera.y + halfHeight,
    };
  }

  /** Zooms about the middle of the screen (the keyboard's + and −). */
  zoomBy(factor: number): void {
    this.zoomAround(this.camera.width / 2, this.camera.height / 2, factor);
  }

  /** Pans by a share of the screen's width and height (the arrow keys). */
  panBy(shareX: number, shareY: number): void {
    this.camera.scrollX += (shareX * this.camera.width) / this.camera.zoom;
    this.camera.scrollY += (shareY * this.camera.height) / this.camera.zoom;
  }

  /** Zooms while keeping the world point under (screenX, screenY) fixed on screen. */
  private zoomAround(screenX: number, screenY: number, factor: number): void {
    const camera = this.camera;
    const before = this.toWorld(screenX, screenY);
    this.setZoom(Phaser.Math.Clamp(camera.zoom * factor, MIN_ZOOM, MAX_ZOOM));
    const after = this.toWorld(screenX, screenY);
    camera.scrollX += before.x - after.x;
    camera.scrollY += before.y - after.y;
  }

  private setZoom(zoom: number): void {
    this.camera.setZoom(zoom);
    for (const listener of this.zoomListeners) listener(zoom);
  }
}
