/**
 * The bench's baseline page (never shipped: `npm run bench` builds it apart from the game): the game's own
 * Phaser configuration with one scene that draws a single image, so the bench can set the match's frame
 * times beside what this browser does with Phaser and nothing else.
 */
import Phaser from "phaser";
import { gameConfig } from "../../client/render/gameConfig";

class BlankScene extends Phaser.Scene {
  constructor() {
    super("blank");
  }

  create(): void {
    // Drawn once into a texture, then gone (the game's Phaser has the factories, scene.add, not the creators).
    const dot = this.add.graphics();
    dot.fillStyle(0xfff1c8, 1).fillCircle(8, 8, 8);
    dot.generateTexture("dot", 16, 16);
    dot.destroy();
    this.add.image(this.scale.width / 2, this.scale.height / 2, "dot");
    this.events.once(Phaser.Scenes.Events.RENDER, () => performance.mark("blank-drawn"));
  }
}

new Phaser.Game(gameConfig([BlankScene]));
