import Phaser from "phaser";
import { listContinuable } from "../net/connection";
import { watchMatchList } from "../net/matchList";
import type { ContinueEntry } from "../../shared/protocol/lobbyMessages";
import { drawStarfield } from "../render/starfield";
import { LobbyBrowser, rememberedName, type CreateRequest, type JoinByIdRequest } from "../ui/LobbyBrowser";
import { uiRoot } from "../ui/overlay";
import type { ScenarioSummary } from "../../shared/scenario/scenarioSchema";
import { BriefingScreen, type PlayRequest } from "../ui/BriefingScreen";
import { ScenarioMenu, type CampaignEra } from "../ui/ScenarioMenu";
import { readResults } from "../ui/campaignRecord";
import { browserStorage } from "../ui/displaySettings";
import { SettingsPanel } from "../ui/SettingsPanel";
import { browserStorage as tutorialStorage, TutorialMemory } from "../tutorial/tutorialMemory";
import { trainingToOffer } from "../tutorial/tutorialSession";

export interface MenuData {
  eras: CampaignEra[];
  /** Why the player is back at the menu, e.g. a refused join. */
  problem?: string;
  /** Open the multiplayer lobby rather than the scenario list. */
  lobby?: boolean;
}

export class MenuScene extends Phaser.Scene {
  private panel: HTMLElement | null = null;
  private stopWatching: (() => void) | null = null;

  constructor() {
    super("menu");
  }

  create(data: MenuData): void {
    drawStarfield(this, { x: 0, y: 0, width: this.scale.width, height: this.scale.height }, 1);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.closePanel());
    if (data.lobby) this.showLobby(data);
    else this.showScenarios(data);
  }

  private closePanel(): void {
    this.panel?.remove();
    this.panel = null;
    this.stopWatching?.();
    this.stopWatching = null;
  }

  private showScenarios(data: MenuData): void {
    this.closePanel();
    const menu = new ScenarioMenu();
    menu.eras = data.eras;
    menu.problem = data.problem ?? "";
    menu.results = readResults(browserStorage());
    menu.training = trainingToOffer(data.eras, new TutorialMemory(tutorialStorage()));
    menu.addEventListener("settings", () => this.openSettings());
    menu.addEventListener("continue", (event) =>
      this.scene.start("match", { continue: (event as CustomEvent<ContinueEntry>).detail, name: rememberedName(), eras: data.eras }),
    );
    listContinuable().then(
      (entries) => (menu.continuable = entries),
      () => {},
    );
    menu.addEventListener("choose", (event) => this.showBriefing((event as CustomEvent<ScenarioSummary>).detail, data.eras));
    menu.addEventListener("lobby", () => this.showLobby({ eras: data.eras }));
    uiRoot().append(menu);
    this.panel = menu;
  }

  /** A scenario's briefing: its story and objectives, then the seat and the AI's level. */
  private showBriefing(scenario: ScenarioSummary, eras: CampaignEra[]): void {
    this.closePanel();
    const briefing = new BriefingScreen();
    briefing.scenario = scenario;
    briefing.mode = "choose";
    briefing.addEventListener("play", (event) => this.scene.start("match", { solo: (event as CustomEvent<PlayRequest>).detail, eras }));
    briefing.addEventListener("quick", (event) => this.scene.start("match", { ...(event as CustomEvent<PlayRequest>).detail, eras }));
    briefing.addEventListener("back", () => this.showScenarios({ eras }));
    uiRoot().append(briefing);
    this.panel = briefing;
  }

  private openSettings(): void {
    const settings = new SettingsPanel();
    settings.addEventListener("close", () => settings.remove());
    uiRoot().append(settings);
  }

  private showLobby(data: MenuData): void {
    this.closePanel();
    const lobby = new LobbyBrowser();
    lobby.scenarios = data.eras.flatMap((era) => era.scenarios);
    lobby.problem = data.problem ?? "";
    lobby.addEventListener("create", (event) => this.scene.start("match", { create: (event as CustomEvent<CreateRequest>).detail, eras: data.eras }));
    lobby.addEventListener("joinById", (event) => this.scene.start("match", { joinById: (event as CustomEvent<JoinByIdRequest>).detail, eras: data.eras }));
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
