// First, so the sound bank hears the page's first click or key (browsers allow sound only after one).
import { soundBank } from "./audio/soundBank";
import { erasFor } from "./menu/communityEra";
import { firstScreen, type FirstScreen } from "./menu/firstScreen";
import { playtestBriefing } from "./menu/playtestBriefing";
import { MenuScreens, type MatchStart } from "./menu/MenuScreens";
import { whenQuiet } from "./menu/whenQuiet";
import { hasSavedSession } from "./net/connection";
import { connectingTo } from "./net/matchSession";
import type { SceneStarter } from "./scenes/BootScene";
import { rememberedName } from "./ui/LobbyBrowser";
import { applyDisplaySettings, browserStorage, readDisplaySettings, systemPrefersReducedMotion } from "./ui/displaySettings";
import { uiRoot } from "./ui/overlay";
import type { CampaignEra } from "./ui/ScenarioMenu";

/** The game's canvas (the sky behind the menu) loads once the player has not clicked or typed for this long. */
const GAME_LOAD_QUIET_MS = 800;
/** …at an idle moment, or after this long at the latest. */
const GAME_LOAD_IDLE_TIMEOUT_MS = 1000;
/** A match asked for before the game has loaded: the game waits this long at most for the match's connection (see play). */
const GAME_LOAD_CONNECTION_WAIT_MS = 250;
/** Where the scenario editor lives. */
const EDITOR_PATH = "/editor";

const noop = () => {};

applyDisplaySettings(uiRoot(), readDisplaySettings(browserStorage(), systemPrefersReducedMotion()));

/** Said on the page when something the game cannot start without did not come. */
function cannotStart(text: string): void {
  uiRoot().textContent = text;
  uiRoot().style.cssText += "; pointer-events: auto; padding: 24px; color: #ff9b85;";
}

// Phaser and the scenes, most of the page's script, come as a chunk of their own (downloaded early: the
// page preloads it). Running it holds the page for a third of a second, so it runs while the player reads
// the menu (once they have not clicked or typed for a moment), or when a match is asked for, while the
// server sets the match up.
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

/**
 * Opens the match scene once the game is up, closing the menu's screens it was chosen from; the match's
 * connection, under way meanwhile, is dropped if the game cannot load. A game not loaded yet waits for
 * the connection first, a little: each step of the join needs the page for a moment, and would
 * otherwise wait behind the game's long first task.
 */
function play(match: MatchStart, menuScreens?: MenuScreens): void {
  const connecting =
    starting || !match.opening
      ? Promise.resolve()
      : Promise.race([match.opening.then(noop, noop), new Promise((resolve) => setTimeout(resolve, GAME_LOAD_CONNECTION_WAIT_MS))]);
  connecting.then(game).then(
    (start) => {
      // The menu's screen stays up until the match takes the page over.
      menuScreens?.close();
      start("match", match);
    },
    () => void match.opening?.then((session) => session.disconnect()),
  );
}

/** The screen the page opens on; the menu is plain HTML and shows before the game has loaded. */
function open(first: FirstScreen): void {
  if (first.scene === "match") {
    play(connectingTo(first.data));
    return;
  }
  let matchAsked = false;
  // Once the game is up, its menu scene takes these screens over and draws the sky behind them.
  const stopWaiting = whenQuiet(() => void game().then((start) => matchAsked || start("menu", { ...first.data, screens })), {
    quietMs: GAME_LOAD_QUIET_MS,
    target: window,
    idle: whenIdle,
  });
  const screens = new MenuScreens((match) => {
    matchAsked = true;
    stopWaiting();
    play(match, screens);
  });
  screens.show(first.data);
}

/** Runs `task` when the page is idle, or after GAME_LOAD_IDLE_TIMEOUT_MS at the latest (Safari has no requestIdleCallback). */
function whenIdle(task: () => void): void {
  if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(task, { timeout: GAME_LOAD_IDLE_TIMEOUT_MS });
  else setTimeout(task, 0);
}

/** The scenario editor, at /editor: a chunk of its own, so the game's download does not grow by it. */
function openEditor(): void {
  import("./editor/startEditor").then(
    (module) => module.startEditor(),
    () => cannotStart("The scenario editor could not be loaded. Check the connection, then reload the page."),
  );
}

soundBank().prepare();

if (location.pathname.replace(/\/+$/, "") === EDITOR_PATH) openEditor();
// The scenario list, preloaded by the page (index.html) alongside the scripts.
else fetch("/api/campaign")
  .then((response) => (response.ok ? (response.json() as Promise<CampaignEra[]>) : Promise.reject(new Error(String(response.status)))))
  .then(
    (eras) => {
      const first = firstScreen(eras, location.search, hasSavedSession(), rememberedName());
      // A playtest from the editor brings its draft's briefing along (the campaign does not list drafts).
      const playtest = first.scene === "match" && "solo" in first.data && first.data.returnTo ? playtestBriefing(first.data.solo.scenario) : null;
      if (playtest && first.scene === "match") first.data.eras = erasFor(eras, playtest);
      if (location.search) history.replaceState(null, "", location.pathname);
      open(first);
    },
    () => cannotStart("The server did not answer with the list of scenarios. Is it running? Reload the page to try again."),
  );
