import Phaser from "phaser";
import { gameConfig } from "./render/gameConfig";
import { BootScene, type SceneStarter } from "./scenes/BootScene";
import { MatchScene } from "./scenes/MatchScene";
import { MenuScene } from "./scenes/MenuScene";

/** The game on its canvas: Phaser and the scenes, loaded by client/main.ts as a chunk of their own. Resolves once it is up. */
export function startGame(): Promise<SceneStarter> {
  return new Promise((resolve) => {
    new Phaser.Game(gameConfig([new BootScene(resolve), MenuScene, MatchScene]));
  });
}
