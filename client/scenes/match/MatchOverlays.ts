import type { ScenarioSummary } from "../../../shared/scenario/scenarioSchema";
import type { MatchState } from "../../../shared/state/MatchState";
import { BriefingScreen } from "../../ui/BriefingScreen";
import { uiRoot } from "../../ui/overlay";
import { PreGamePanel } from "../../ui/PreGamePanel";

/** What the screens before the match ask for. */
export interface LobbyIntents {
  takeSeat(seat: string): void;
  ready(ready: boolean): void;
  start(): void;
  leave(): void;
}

/**
 * What covers the map before and beside play: the pre-game panel while a lobby match waits for its
 * host, a solo match's briefing with its Start, and the briefing reopened to read during the match.
 */
export class MatchOverlays {
  private preGame: PreGamePanel | null = null;
  private briefing: BriefingScreen | null = null;

  constructor(
    private readonly intents: LobbyIntents,
    /** A match of the player's own: it waits behind its briefing, not the multiplayer pre-game panel. */
    readonly solo: boolean,
  ) {}

  /** Whether the briefing is open to read (Esc closes it). */
  get reading(): boolean {
    return this.briefing?.mode === "read";
  }

  /** The scenario's briefing over the map: to read again (closed by its button or Esc), or, for a match of one's own, with its Start. */
  showBriefing(scenario: ScenarioSummary | undefined, mode: "read" | "start"): void {
    if (!scenario || this.briefing) return;
    const briefing = new BriefingScreen();
    briefing.scenario = scenario;
    briefing.mode = mode;
    if (mode === "read") briefing.addEventListener("close", () => this.closeBriefing());
    else this.wireLobbyExits(briefing);
    uiRoot().append(briefing);
    this.briefing = briefing;
  }

  closeBriefing(): void {
    this.briefing?.remove();
    this.briefing = null;
  }

  /** While a lobby match waits for its host, the pre-game panel (or a solo match's briefing) covers the map. */
  refresh(state: MatchState, scenario: ScenarioSummary | undefined, viewer: { seat: string; isHost: boolean; code: string }): void {
    if (state.phase !== "lobby") {
      this.preGame?.remove();
      this.preGame = null;
      if (this.briefing?.mode === "start") this.closeBriefing();
      return;
    }
    if (this.solo) {
      this.showBriefing(scenario, "start");
      return;
    }
    if (!this.preGame) {
      const panel = new PreGamePanel();
      panel.addEventListener("takeSeat", (event) => this.intents.takeSeat((event as CustomEvent<string>).detail));
      panel.addEventListener("ready", (event) => this.intents.ready((event as CustomEvent<boolean>).detail));
      this.wireLobbyExits(panel);
      uiRoot().append(panel);
      this.preGame = panel;
    }
    this.preGame.code = viewer.code;
    this.preGame.mySeat = viewer.seat;
    this.preGame.hostName = state.hostName;
    this.preGame.isHost = viewer.isHost;
    this.preGame.seats = [...state.seats.values()].map(({ id, name, side, playerName, ready, occupied }) => ({ id, name, side, playerName, ready, occupied }));
  }

  remove(): void {
    this.preGame?.remove();
    this.preGame = null;
    this.closeBriefing();
  }

  /** Start (the host's) and Leave, the same from the pre-game panel and from a solo match's briefing. */
  private wireLobbyExits(panel: HTMLElement): void {
    panel.addEventListener("start", () => this.intents.start());
    panel.addEventListener("leave", () => this.intents.leave());
  }
}
