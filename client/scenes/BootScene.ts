import Phaser from "phaser";

/** Opens a scene ("menu" or "match") with its data, leaving whatever scene runs now. */
export type SceneStarter = (key: "menu" | "match", data: object) => void;

/**
 * The game's first scene: it only says when the game is up, handing over a way to open the others
 * (the page decides which, client/main.ts).
 */
export class BootScene extends Phaser.Scene {
  constructor(private readonly ready: (start: SceneStarter) => void) {
    super("boot");
  }

  create(): void {
    // For the bench and tools: when the game's canvas was up.
    performance.mark("game-ready");
    this.ready((key, data) => {
      const manager = this.game.scene;
      for (const running of manager.getScenes(true)) if (running.scene.key !== key) manager.stop(running.scene.key);
      manager.start(key, data);
    });
  }
}
