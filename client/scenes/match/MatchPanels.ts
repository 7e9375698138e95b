import type { ChatLine } from "../../../shared/protocol/matchMessages";
import type { Order } from "../../../shared/protocol/orders";
import type { MatchState, Ship } from "../../../shared/state/MatchState";
import type { HidingStatus } from "../../ui/hidingRisk";
import { MatchControls } from "../../ui/MatchControls";
import { MatchHud } from "../../ui/MatchHud";
import { OperationsPanel } from "../../ui/OperationsPanel";
import { operationChoices } from "../../ui/orderCandidates";
import { uiRoot } from "../../ui/overlay";
import { SidePanel } from "../../ui/SidePanel";
import { baseOptions, clockLine, holdingsOf, logRows, objectiveRows, playerRows, shipRows } from "./panelData";

/** How long a notice stays: long enough to read a refusal, short enough not to cover the map for minutes. */
const NOTICE_MS = 6000;
const ERROR_NOTICE_MS = 9000;

/** What the panels ask for; the scene decides what each means. */
export interface PanelIntents {
  order(order: Order): void;
  voteSpeed(speed: number): void;
  chat(to: string, text: string): void;
  toggleSensors(): void;
  toggleMark(): void;
  showPoint(at: { x: number; y: number }): void;
  selectShip(id: string): void;
  openBriefing(): void;
  leave(): void;
}

/** Who is looking, as the panels need to know it. */
export interface Viewer {
  seat: string;
  side: string;
  /** A Maquis ship's odds of being seen, for the Maquis side's viewers; undefined otherwise. */
  hidingOf(ship: Ship): HidingStatus | undefined;
  canMark: boolean;
  /** In a replay any viewer sets the speed; in a match only the players vote. */
  canVote: boolean;
  selectedShip: string | null;
}

/** The DOM panels over the match map: what they show comes from the state, what they ask goes to the intents. */
export class MatchPanels {
  readonly hud = new MatchHud();
  readonly operations = new OperationsPanel();
  readonly side = new SidePanel();
  readonly controls = new MatchControls();
  private noticeTimer = 0;

  constructor(intents: PanelIntents) {
    this.operations.style.cssText = "position:absolute; right:10px; bottom:10px; width:min(270px,44vw); max-height:46vh; overflow:auto";
    this.side.style.cssText = "position:absolute; left:10px; bottom:10px; width:min(360px,46vw); max-height:calc(100vh - 150px); overflow:auto";
    this.controls.style.cssText = "position:absolute; left:50%; top:10px; transform:translateX(-50%); width:min(300px,40vw)";
    this.operations.addEventListener("order", (event) => intents.order((event as CustomEvent<Order>).detail));
    this.side.addEventListener("chooseBase", (event) => intents.order({ kind: "chooseBase", system: (event as CustomEvent<string>).detail }));
    this.side.addEventListener("showPoint", (event) => intents.showPoint((event as CustomEvent<{ x: number; y: number }>).detail));
    this.controls.addEventListener("voteSpeed", (event) => intents.voteSpeed((event as CustomEvent<number>).detail));
    this.controls.addEventListener("toggleSensors", () => intents.toggleSensors());
    this.controls.addEventListener("mark", () => intents.toggleMark());
    this.controls.addEventListener("chat", (event) => {
      const { to, text } = (event as CustomEvent<{ to: string; text: string }>).detail;
      intents.chat(to, text);
    });
    this.hud.addEventListener("leave", () => intents.leave());
    this.hud.addEventListener("briefing", () => intents.openBriefing());
    this.hud.addEventListener("select", (event) => intents.selectShip((event as CustomEvent<string>).detail));
  }

  /** Puts the panels on the page; `above` goes last, so it sits over them. */
  mount(above: HTMLElement): void {
    uiRoot().append(this.hud, this.operations, this.side, this.controls, above);
  }

  refresh(state: MatchState, viewer: Viewer): void {
    const ships = shipRows(state, viewer.seat, viewer.hidingOf);
    this.hud.ownShips = ships.own;
    this.hud.contacts = ships.contacts;
    this.hud.clock = clockLine(state);
    this.hud.politics = { reputation: state.reputation, standing: state.maquisStanding };
    this.hud.matchTitle = state.title;
    this.hud.selected = viewer.selectedShip;
    this.controls.speed = state.speed;
    this.controls.canMark = viewer.canMark;
    this.controls.canVote = viewer.canVote;
    this.controls.players = playerRows(state);
    this.side.holdings = holdingsOf(state, viewer.seat, viewer.side);
    this.side.objectives = objectiveRows(state);
    this.side.baseOptions = baseOptions(state, viewer.seat);
    this.side.log = logRows(state);
    const selected = viewer.selectedShip ? state.ships.get(viewer.selectedShip) : undefined;
    this.operations.shipName = selected?.name ?? "";
    this.operations.hiding = (selected && viewer.hidingOf(selected)) ?? null;
    this.operations.choices = selected && state.phase === "playing" ? operationChoices(state, viewer.seat, selected) : [];
  }

  addChatLine(line: ChatLine): void {
    this.controls.addLine(line);
  }

  /** A notice fades after a while; one that `stays` (a lost connection) stays until the next. */
  notice(text: string, isError: boolean, stays = false): void {
    this.hud.notice = text;
    this.hud.noticeIsError = isError;
    window.clearTimeout(this.noticeTimer);
    if (!stays) this.noticeTimer = window.setTimeout(() => (this.hud.notice = ""), isError ? ERROR_NOTICE_MS : NOTICE_MS);
  }

  remove(): void {
    window.clearTimeout(this.noticeTimer);
    this.hud.remove();
    this.operations.remove();
    this.side.remove();
    this.controls.remove();
  }
}
