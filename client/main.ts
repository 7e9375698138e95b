// First, so the sound bank hears the page's first click or key (browsers allow sound only after one).
import { soundBank } from "./audio/soundBank";
import { applyDisplaySettings, browserStorage, readDisplaySettings, systemPrefersReducedMotion } from "./ui/displaySettings";
import { uiRoot } from "./ui/overlay";

applyDisplaySettings(uiRoot(), readDisplaySettings(browserStorage(), systemPrefersReducedMotion()));

// Phaser and the scenes, most of the page's script, are asked for before the audio output opens below, so
// they download (and compile) while it does.
import("./startGame").catch(() => {
  uiRoot().textContent = "The game could not be loaded. Check the connection, then reload the page.";
});
soundBank().prepare();
