// First, so the sound bank hears the page's first click or key (browsers allow sound only after one).
import { soundBank } from "./audio/soundBank";
import { applyDisplaySettings, browserStorage, readDisplaySettings, systemPrefersReducedMotion } from "./ui/displaySettings";
import { uiRoot } from "./ui/overlay";

applyDisplaySettings(uiRoot(), readDisplaySettings(browserStorage(), systemPrefersReducedMotion()));

// Phaser and the scenes, most of the page's script, come as a chunk of their own (preloaded by the page):
// this small one runs first and starts the audio output's warm-up early, while they download and compile.
import("./startGame").catch(() => {
  uiRoot().textContent = "The game could not be loaded. Check the connection, then reload the page.";
});
soundBank().prepare();
