import type { ContinueEntry } from "../../shared/protocol/lobbyMessages";
import type { ScenarioSummary } from "../../shared/scenario/scenarioSchema";
import { listContinuable } from "../net/connection";
import { watchMatchList } from "../net/matchList";
import { connectingTo, type MatchRequest, type MatchSession } from "../net/matchSession";
import { BriefingScreen, type PlayRequest } from "../ui/BriefingScreen";
import { readResults } from "../ui/campaignRecord";
import { browserStorage } from "../ui/displaySettings";
import { LobbyBrowser, rememberedName, type CreateRequest, type JoinByIdRequest } from "../ui/LobbyBrowser";
import { uiRoot } from "../ui/overlay";
import { ScenarioMenu, type CampaignEra, type ScenarioTab } from "../ui/ScenarioMenu";
import { SettingsPanel } from "../ui/SettingsPanel";
import { browserStorage as tutorialStorage, TutorialMemory } from "../tutorial/tutorialMemory";
import { trainingToOffer } from "../tutorial/tutorialSession";
import { campaignEras, erasFor } from "./communityEra";

export interface MenuData {
  eras: CampaignEra[];
  /** Why the player is back at the menu, e.g. a refused join. */
  problem?: string;
  /** Open the multiplayer lobby rather than the scenario list. */
  lobby?: boolean;
  /** The list to show: the campaign (the default) or the community's scenarios. */
  tab?: ScenarioTab;
}

/** A match to open, with the campaign the match scene shows in its briefing and, when it could start at once, the connection under way (`opening`). */
/** `returnTo`: where leaving the match goes instead of the menu (a playtest goes back to the editor). */
export type MatchStart = { eras: CampaignEra[]; opening?: Promise<MatchSession>; returnTo?: string } & MatchRequest;

/**
 * The menu's screens, plain HTML over the map's canvas: the scenario list, a scenario's briefing, the
 * multiplayer lobby and the settings. They need no Phaser, so the page shows them while the game's
 * canvas still loads; choosing a match starts its connection and hands both to `startMatch`.
 */
export class MenuScreens {
  private panel: HTMLElement | null = null;
  private stopWatching: (() => void) | null = null;

  private readonly startMatch: (match: MatchStart) => void;

  /** `startMatch` gets the chosen match with its connection already under way (net's connectingTo), so the server sets it up while the game loads. */
  constructor(startMatch: (match: MatchStart) => void) {
    this.startMatch = (match) => startMatch(connectingTo(match));
  }

  show(shown: MenuData): void {
    // Back from a community scenario's match, its era goes: the menu lists the campaign's own.
    const data = { ...shown, eras: campaignEras(shown.eras) };
    if (data.lobby) this.showLobby(data);
    else this.showScenarios(data);
  }

  close(): void {
    this.panel?.remove();
    this.panel = null;
    this.stopWatching?.();
    this.stopWatching = null;
  }

  private showScenarios(data: MenuData): void {
    this.close();
    const menu = new ScenarioMenu();
    menu.eras = data.eras;
    menu.problem = data.problem ?? "";
    menu.tab = data.tab ?? "campaign";
    menu.results = readResults(browserStorage());
    menu.training = trainingToOffer(data.eras, new TutorialMemory(tutorialStorage()));
    menu.addEventListener("settings", () => this.openSettings());
    menu.addEventListener("continue", (event) =>
      this.startMatch({ continue: (event as CustomEvent<ContinueEntry>).detail, name: rememberedName(), eras: data.eras }),
    );
    listContinuable().then(
      (entries) => (menu.continuable = entries),
      () => {},
    );
    menu.addEventListener("choose", (event) => this.showBriefing((event as CustomEvent<ScenarioSummary>).detail, data.eras, menu.tab));
    menu.addEventListener("lobby", () => this.showLobby({ eras: data.eras }));
    uiRoot().append(menu);
    this.panel = menu;
    // For the bench and tools: when the menu was first on the page.
    if (performance.getEntriesByName("menu-shown").length === 0) performance.mark("menu-shown");
  }

  /** A scenario's briefing: its story and objectives, then the seat and the AI's level. "Back" returns to the list (`tab`) it was chosen from. */
  private showBriefing(scenario: ScenarioSummary, eras: CampaignEra[], tab: ScenarioTab): void {
    this.close();
    const briefing = new BriefingScreen();
    briefing.scenario = scenario;
    briefing.mode = "choose";
    const matchEras = erasFor(eras, scenario);
    briefing.addEventListener("play", (event) => this.startMatch({ solo: (event as CustomEvent<PlayRequest>).detail, eras: matchEras }));
    briefing.addEventListener("quick", (event) => this.startMatch({ ...(event as CustomEvent<PlayRequest>).detail, eras: matchEras }));
    briefing.addEventListener("back", () => this.showScenarios({ eras, tab }));
    uiRoot().append(briefing);
    this.panel = briefing;
  }

  private openSettings(): void {
    const settings = new SettingsPanel();
    settings.addEventListener("close", () => settings.remove());
    uiRoot().append(settings);
  }

  private showLobby(data: MenuData): void {
    this.close();
    const lobby = new LobbyBrowser();
    lobby.scenarios = data.eras.flatMap((era) => era.scenarios);
    lobby.problem = data.problem ?? "";
    lobby.addEventListener("create", (event) => this.startMatch({ create: (event as CustomEvent<CreateRequest>).detail, eras: data.eras }));
    lobby.addEventListener("joinById", (event) => this.startMatch({ joinById: (event as CustomEvent<JoinByIdRequest>).detail, eras: data.eras }));
    lobby.addEventListener("back", () => this.showScenarios({ eras: data.eras }));
    uiRoot().append(lobby);
    this.panel = lobby;
    watchMatchList((matches) => (lobby.openMatches = matches)).then(
      (stop) => {
        if (this.panel === lobby) this.stopWatching = stop;
        else stop();
      },
      () => (lobby.problem = "The list of open matches is not available right now."),
    );
  }
}
