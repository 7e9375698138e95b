import Phaser from "phaser";

/** Small deterministic generator so the sky looks the same on every visit. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Star {
  x: number;
  y: number;
  size: number;
  alpha: number;
}

/** The stars of an area (world units), one per 900 square units, always the same for the same seed and area. */
function starsOf(area: Area, seed: number): Star[] {
  const random = mulberry32(seed);
  const count = Math.round((area.width * area.height) / 900);
  const stars: Star[] = [];
  for (let i = 0; i < count; i++) {
    const brightness = 0.25 + random() * 0.75;
    const size = random() < 0.06 ? 2 : 1;
    stars.push({ x: area.x + random() * area.width, y: area.y + random() * area.height, size, alpha: brightness * 0.8 });
  }
  return stars;
}

/** A drawn starfield; it goes with its scene, or earlier by destroy(). */
export interface Starfield {
  destroy(): void;
}

/**
 * A static starfield behind everything else in the scene. Its stars are painted at screen scale into a
 * canvas a little larger than the view, again only when the view zooms, resizes or pans past that margin,
 * and a frame just copies that canvas 1:1: never a replay of hundreds of stars, which a Graphics object does
 * every frame (and at any zoom the stars look as they did when they were one). With the Canvas renderer the
 * copy is drawn straight onto the game's canvas before the scene draws; with WebGL the canvas is a texture,
 * uploaded when painted, shown by an image held 1:1 to the screen.
 */
export function drawStarfield(scene: Phaser.Scene, area: Area, seed: number): Starfield {
  return new ScreenSky(scene, starsOf(area, seed));
}

/** The sky reaches this far (screen pixels) past each edge of the view, so a pan repaints it only now and then. */
const SKY_MARGIN_PX = 256;
let skyCount = 0;

/**
 * The sky of one scene. Within the margin a pan only moves the copy, by whole pixels (the cheapest copy), so a
 * star may sit up to half a pixel off until the next paint.
 */
class ScreenSky implements Starfield {
  private readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D;
  private readonly background: string;
  /** WebGL only: the canvas as a texture, and the image that shows it. */
  private readonly texture: Phaser.Textures.CanvasTexture | null = null;
  private readonly image: Phaser.GameObjects.Image | null = null;
  /** What the canvas holds: the zoom and viewport size it was painted for, and the world point at its top-left corner. */
  private painted = { zoom: 0, width: 0, height: 0, left: 0, top: 0 };

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly stars: readonly Star[],
  ) {
    this.background = (scene.sys.game.config.backgroundColor as Phaser.Display.Color).rgba;
    if (scene.sys.game.renderer.type === Phaser.CANVAS) {
      this.canvas = document.createElement("canvas");
      // Opaque: copying it replaces what is under it outright, the cheapest copy there is.
      this.context = this.canvas.getContext("2d", { alpha: false })!;
    } else {
      const key = `starfield:${++skyCount}`;
      this.texture = scene.textures.createCanvas(key, 1, 1)!;
      // Texel for pixel: nearest keeps it exact whatever rounding the image's transform picks up.
      this.texture.setFilter(Phaser.Textures.FilterMode.NEAREST);
      this.canvas = this.texture.getCanvas();
      this.context = this.texture.getContext();
      this.image = scene.add.image(0, 0, key).setOrigin(0, 0).setScrollFactor(0).setDepth(-10);
      this.image.once(Phaser.GameObjects.Events.DESTROY, () => scene.textures.remove(key));
    }
    scene.events.on(Phaser.Scenes.Events.PRE_RENDER, this.draw, this);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, this.destroy, this);
  }

  destroy(): void {
    this.scene.events.off(Phaser.Scenes.Events.PRE_RENDER, this.draw, this);
    this.scene.events.off(Phaser.Scenes.Events.SHUTDOWN, this.destroy, this);
    this.image?.destroy();
  }

  /** Before the scene draws: paint again if the view left what the canvas holds, then copy it into place. */
  private draw(renderer: Phaser.Renderer.Canvas.CanvasRenderer | Phaser.Renderer.WebGL.WebGLRenderer): void {
    const camera = this.scene.cameras.main;
    const zoom = camera.zoom;
    // The world point at the view's top-left corner: the camera's own mapping (it zooms about the view's centre).
    const viewLeft = camera.scrollX + camera.width / 2 - camera.width / 2 / zoom;
    const viewTop = camera.scrollY + camera.height / 2 - camera.height / 2 / zoom;
    const painted = this.painted;
    let x = Math.round((painted.left - viewLeft) * zoom);
    let y = Math.round((painted.top - viewTop) * zoom);
    const stale =
      zoom !== painted.zoom ||
      camera.width !== painted.width ||
      camera.height !== painted.height ||
      x > 0 ||
      y > 0 ||
      x < -2 * SKY_MARGIN_PX ||
      y < -2 * SKY_MARGIN_PX;
    if (stale) {
      this.paint(camera, viewLeft - SKY_MARGIN_PX / zoom, viewTop - SKY_MARGIN_PX / zoom);
      x = -SKY_MARGIN_PX;
      y = -SKY_MARGIN_PX;
    }
    if (this.image) {
      // A scroll-fixed object is still zoomed about the view's centre: undo that, so a texel lands on a pixel.
      const halfWidth = camera.width / 2;
      const halfHeight = camera.height / 2;
      this.image.setScale(1 / zoom).setPosition(halfWidth + (x - halfWidth) / zoom, halfHeight + (y - halfHeight) / zoom);
      return;
    }
    const context = (renderer as Phaser.Renderer.Canvas.CanvasRenderer).gameContext;
    context.save();
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.globalAlpha = 1;
    context.globalCompositeOperation = "source-over";
    context.drawImage(this.canvas, camera.x + x, camera.y + y);
    context.restore();
  }

  /** Paints the stars as the camera shows them, the world point (left, top) at the canvas's corner. */
  private paint(camera: Phaser.Cameras.Scene2D.Camera, left: number, top: number): void {
    const { canvas, context } = this;
    const zoom = camera.zoom;
    const width = Math.ceil(camera.width) + 2 * SKY_MARGIN_PX;
    const height = Math.ceil(camera.height) + 2 * SKY_MARGIN_PX;
    if (canvas.width !== width || canvas.height !== height) {
      if (this.texture) this.texture.setSize(width, height);
      else {
        canvas.width = width;
        canvas.height = height;
      }
      this.image?.setSizeToFrame();
    }
    context.globalAlpha = 1;
    context.fillStyle = this.background;
    context.fillRect(0, 0, width, height);
    // One colour and a changing alpha: cheaper than a colour string per star, which the canvas must parse.
    context.fillStyle = "#ffffff";
    const right = left + width / zoom;
    const bottom = top + height / zoom;
    for (const star of this.stars) {
      if (star.x + star.size < left || star.x > right || star.y + star.size < top || star.y > bottom) continue;
      context.globalAlpha = star.alpha;
      context.fillRect((star.x - left) * zoom, (star.y - top) * zoom, star.size * zoom, star.size * zoom);
    }
    context.globalAlpha = 1;
    this.texture?.refresh();
    this.painted = { zoom, width: camera.width, height: camera.height, left, top };
  }
}
