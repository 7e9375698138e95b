import Phaser from "phaser";
import { gameConfig } from "./render/gameConfig";
import { BootScene } from "./scenes/BootScene";
import { MatchScene } from "./scenes/MatchScene";
import { MenuScene } from "./scenes/MenuScene";

/** The game on its canvas: Phaser and the scenes, loaded by client/main.ts as a chunk of their own. */
new Phaser.Game(gameConfig([BootScene, MenuScene, MatchScene]));
