// First, so the sound bank hears the page's first click or key (browsers allow sound only after one).
import { soundBank } from "./audio/soundBank";
import { firstScreen, type FirstScreen } from "./menu/firstScreen";
import { MenuScreens } from "./menu/MenuScreens";
import { hasSavedSession } from "./net/connection";
import type { SceneStarter } from "./scenes/BootScene";
import { rememberedName } from "./ui/LobbyBrowser";
import { applyDisplaySettings, browserStorage, readDisplaySettings, systemPrefersReducedMotion } from "./ui/displaySettings";
import { uiRoot } from "./ui/overlay";
import type { CampaignEra } from "./ui/ScenarioMenu";

/** Without a touch or key first, the game's canvas (the sky behind the menu) loads after this long anyway. */
const GAME_LOAD_FALLBACK_MS = 2500;

applyDisplaySettings(uiRoot(), readDisplaySettings(browserStorage(), systemPrefersReducedMotion()));

/** Said on the page when something the game cannot start without did not come. */
function cannotStart(text: string): void {
  uiRoot().textContent = text;
  uiRoot().style.cssText += "; pointer-events: auto; padding: 24px; color: #ff9b85;";
}

// Phaser and the scenes, most of the page's script, come as a chunk of their own (downloaded early: the
// page preloads it). Running it holds the page for half a second, so on the way to the menu it runs at
// the player's first click or key (while they read), when a match is asked for, or after a while.
let starting: Promise<SceneStarter> | null = null;
function game(): Promise<SceneStarter> {
  starting ??= import("./startGame").then(
    (module) => module.startGame(),
    (error: unknown) => {
      cannotStart("The game could not be loaded. Check the connection, then reload the page.");
      throw error;
    },
  );
  return starting;
}

/** The screen the page opens on; the menu is plain HTML and shows before the game has loaded. */
function open(first: FirstScreen): void {
  if (first.scene === "match") {
    void game().then((start) => start("match", first.data));
    return;
  }
  let matchAsked = false;
  const screens = new MenuScreens((match) => {
    matchAsked = true;
    void game().then((start) => start("match", match));
  });
  screens.show(first.data);
  // Once the game is up, its menu scene takes these screens over and draws the sky behind them.
  let takenOver = false;
  const takeOver = () => {
    if (takenOver) return;
    takenOver = true;
    void game().then((start) => matchAsked || start("menu", { ...first.data, screens }));
  };
  // After the first click or key has done its work (not at the press, which would wait behind the load).
  for (const type of ["click", "keyup"]) window.addEventListener(type, () => window.setTimeout(takeOver), { once: true });
  window.setTimeout(takeOver, GAME_LOAD_FALLBACK_MS);
}

soundBank().prepare();

// The scenario list, preloaded by the page (index.html) alongside the scripts.
fetch("/api/campaign")
  .then((response) => (response.ok ? (response.json() as Promise<CampaignEra[]>) : Promise.reject(new Error(String(response.status)))))
  .then(
    (eras) => {
      const first = firstScreen(eras, location.search, hasSavedSession(), rememberedName());
      if (location.search) history.replaceState(null, "", location.pathname);
      open(first);
    },
    () => cannotStart("The server did not answer with the list of scenarios. Is it running? Reload the page to try again."),
  );
