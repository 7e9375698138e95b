import Phaser from "phaser";
// First, so the sound bank hears the page's first click or key (browsers allow sound only after one).
import "./audio/soundBank";
import { gameConfig } from "./render/gameConfig";
import { BootScene } from "./scenes/BootScene";
import { MatchScene } from "./scenes/MatchScene";
import { MenuScene } from "./scenes/MenuScene";
import { applyDisplaySettings, browserStorage, readDisplaySettings, systemPrefersReducedMotion } from "./ui/displaySettings";
import { uiRoot } from "./ui/overlay";

applyDisplaySettings(uiRoot(), readDisplaySettings(browserStorage(), systemPrefersReducedMotion()));

new Phaser.Game(gameConfig([BootScene, MenuScene, MatchScene]));
