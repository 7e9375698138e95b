import type { ChatLine } from "../../../shared/protocol/matchMessages";
import type { Order } from "../../../shared/protocol/orders";
import type { MatchState, Ship } from "../../../shared/state/MatchState";
import type { LastSeen } from "../../render/lastSeen";
import type { HidingStatus } from "../../ui/hidingRisk";
import { MatchControls } from "../../ui/MatchControls";
import { BottomSheet } from "../../ui/BottomSheet";
import { FleetPanel } from "../../ui/FleetPanel";
import { MatchHud } from "../../ui/MatchHud";
import { MiniMap } from "../../ui/MiniMap";
import { miniMapPicture } from "../../ui/miniMapPicture";
import { OperationsPanel } from "../../ui/OperationsPanel";
import { operationChoices } from "../../ui/orderCandidates";
import { uiRoot } from "../../ui/overlay";
import { SidePanel } from "../../ui/SidePanel";
import { SystemCard } from "../../ui/SystemCard";
import { SystemTip } from "../../ui/SystemTip";
import { systemFacts } from "../../ui/systemFacts";
import { ToastStack } from "../../ui/ToastStack";
import { baseOptions, clockLine, holdingsOf, lastSeenRows, logRows, objectiveRows, playerRows, shipRows } from "./panelData";

/** Below this width the panels go into a bottom sheet. */
const PHONE_QUERY = "(max-width: 640px)";
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
  showKeys(): void;
  openSettings(): void;
  leave(): void;
}

/** Who is looking, as the panels need to know it. */
export interface Viewer {
  seat: string;
  side: string;
  /** A match of the player's own against the AI. */
  solo: boolean;
  /** The side whose view this is: the player's own, or the one a spectator watches. */
  watching: string;
  /** A Maquis ship's odds of being seen, for the Maquis side's viewers; undefined otherwise. */
  hidingOf(ship: Ship): HidingStatus | undefined;
  canMark: boolean;
  /** In a replay any viewer sets the speed; in a match only the players vote. */
  canVote: boolean;
  selectedShip: string | null;
  /** Where the other side's ships were last seen. */
  lastSeen: readonly LastSeen[];
}

/** The DOM panels over the match map: what they show comes from the state, what they ask goes to the intents. */
export class MatchPanels {
  readonly hud = new MatchHud();
  readonly fleet = new FleetPanel();
  readonly operations = new OperationsPanel();
  readonly side = new SidePanel();
  readonly controls = new MatchControls();
  readonly toasts = new ToastStack();
  readonly systemCard = new SystemCard();
  readonly miniMap = new MiniMap();
  readonly systemTip = new SystemTip();

  /** The system whose card is open, or "". */
  private shownSystem = "";
  private noticeTimer = 0;
  /** The right edge's column: the fleet, then the selected ship's operations under it. */
  private readonly rightDock = dock("right:8px; top:8px; width:min(260px,42cqw); max-height:calc(100% - 140px)");
  /** The left edge's column, from the bottom up: the cell's holdings, objectives and log. */
  private readonly leftDock = dock("left:8px; bottom:8px; width:min(276px,44cqw); max-height:calc(100% - 150px)");

  /** On a phone: the panels as tabs along the bottom edge, one open at a time over the map. */
  private readonly sheet = new BottomSheet();
  private readonly sheetPanels: Record<string, HTMLElement> = { ships: this.fleet, orders: this.operations, cell: this.side, system: this.systemCard };
  private readonly phone = matchMedia(PHONE_QUERY);
  private readonly relayout = () => this.layOut();

  constructor(intents: PanelIntents) {
    this.sheet.tabs = [
      { id: "ships", label: "Ships" },
      { id: "orders", label: "Orders" },
      { id: "cell", label: "Cell" },
      { id: "system", label: "System" },
    ];
    this.systemCard.addEventListener("close", () => this.showSystem(""));
    this.sheet.addEventListener("opened", () => this.showSheetPanel());
    this.phone.addEventListener("change", this.relayout);
    this.layOut();
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
    this.toasts.addEventListener("show", (event) => intents.showPoint((event as CustomEvent<{ x: number; y: number }>).detail));
    this.miniMap.addEventListener("centre", (event) => intents.showPoint((event as CustomEvent<{ x: number; y: number }>).detail));
    this.fleet.addEventListener("showPoint", (event) => intents.showPoint((event as CustomEvent<{ x: number; y: number }>).detail));
    this.fleet.addEventListener("select", (event) => intents.selectShip((event as CustomEvent<string>).detail));
    this.hud.addEventListener("keys", () => intents.showKeys());
    this.hud.addEventListener("settings", () => intents.openSettings());
  }

  /** Puts the panels on the page; `above` goes last, so it sits over them. */
  mount(above: HTMLElement): void {
    uiRoot().append(this.hud, this.leftDock, this.rightDock, this.miniMap, this.sheet, this.controls, this.toasts, this.systemTip, above);
  }

  refresh(state: MatchState, viewer: Viewer): void {
    const ships = shipRows(state, viewer.seat, viewer.hidingOf);
    this.fleet.ownShips = ships.own;
    this.fleet.contacts = ships.contacts;
    this.fleet.lastSeen = lastSeenRows(state, viewer.lastSeen);
    this.hud.clock = clockLine(state);
    this.hud.politics = { reputation: state.reputation, standing: state.maquisStanding };
    this.hud.matchTitle = state.title;
    this.fleet.selected = viewer.selectedShip;
    this.controls.speed = state.speed;
    this.controls.canMark = viewer.canMark;
    this.controls.canVote = viewer.canVote;
    this.controls.players = playerRows(state);
    // Nobody to talk to in a match of one's own; anywhere else someone may join at any moment.
    this.controls.chatAvailable = !viewer.solo;
    this.side.ownSide = viewer.watching;
    this.side.holdings = holdingsOf(state, viewer.seat, viewer.side);
    this.side.objectives = objectiveRows(state);
    this.side.baseOptions = baseOptions(state, viewer.seat);
    this.side.log = logRows(state);
    this.miniMap.picture = miniMapPicture(state, viewer.seat, viewer.lastSeen);
    this.systemCard.facts = this.shownSystem ? (systemFacts(state, this.shownSystem, state.cells.get(viewer.seat)?.baseSystem ?? "") ?? null) : null;
    const selected = viewer.selectedShip ? state.ships.get(viewer.selectedShip) : undefined;
    this.operations.shipName = selected?.name ?? "";
    // Docked beside the fleet list, whose row for the ship says it already; alone in a phone's tab, it says it itself.
    this.operations.hiding = (this.phone.matches && selected && viewer.hidingOf(selected)) || null;
    this.operations.choices = selected && state.phase === "playing" ? operationChoices(state, viewer.seat, selected) : [];
  }

  /** How much of each screen edge the panels cover now, for framing the map in what they leave open. */
  coveredEdges(): { left: number; top: number; right: number; bottom: number } {
    const status = this.hud.shadowRoot?.querySelector(".status")?.getBoundingClientRect();
    const controls = this.controls.getBoundingClientRect();
    const top = Math.max(status?.bottom ?? 0, controls.bottom);
    if (this.phone.matches) return { left: 0, top, right: 0, bottom: innerHeight - this.sheet.getBoundingClientRect().top };
    // The left dock rises from the bottom edge; the right one, before a ship is selected, is no taller than the top panels.
    return { left: this.leftDock.getBoundingClientRect().right, top, right: 0, bottom: 0 };
  }

  /** The brief facts of the system under a resting pointer (page pixels), or none (null). */
  hoverSystem(state: MatchState, id: string | null, at: { x: number; y: number }, ownBase: string): void {
    this.systemTip.facts = id ? (systemFacts(state, id, ownBase) ?? null) : null;
    this.systemTip.at = at;
  }

  /** Opens a system's card (or closes it, with ""); on a phone, in its tab. */
  showSystem(id: string): void {
    this.shownSystem = id;
    if (this.phone.matches) this.sheet.show(id === "" ? "" : "system");
  }

  /** Shows the selected ship's operations: on a phone by opening its tab (a long press asks for them). */
  showOrders(): void {
    if (this.phone.matches) this.sheet.show("orders");
  }

  /**
   * Wide screens: columns along the left and right edges, the controls at the top. Phones: the controls
   * beside the status at the top, and the rest in the bottom sheet's tabs.
   */
  private layOut(): void {
    const phone = this.phone.matches;
    this.controls.style.cssText = phone
      ? "position:absolute; right:6px; top:6px; width:calc(50% - 12px)"
      : "position:absolute; left:50%; top:8px; transform:translateX(-50%); width:min(300px,36cqw)";
    this.sheet.style.display = phone ? "" : "none";
    // The bottom right corner under the right column; a phone's screen has no room to spare for it.
    this.miniMap.style.cssText = phone ? "display:none" : "position:absolute; right:8px; bottom:8px";
    this.leftDock.style.display = phone ? "none" : "flex";
    this.rightDock.style.display = phone ? "none" : "flex";
    if (phone) {
      this.sheet.append(this.fleet, this.operations, this.side, this.systemCard);
      this.showSheetPanel();
    } else {
      for (const panel of Object.values(this.sheetPanels)) panel.style.display = "";
      this.rightDock.append(this.fleet, this.operations);
      this.leftDock.append(this.systemCard, this.side);
    }
  }

  private showSheetPanel(): void {
    for (const [tab, panel] of Object.entries(this.sheetPanels)) panel.style.display = tab === this.sheet.open ? "" : "none";
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
    this.leftDock.remove();
    this.rightDock.remove();
    this.sheet.remove();
    this.phone.removeEventListener("change", this.relayout);
    this.controls.remove();
    this.toasts.remove();
    this.miniMap.remove();
    this.systemTip.remove();
  }
}

/** A column of panels along one edge of the screen; it scrolls when its panels outgrow it, and lets clicks through its gaps. */
function dock(placement: string): HTMLDivElement {
  const column = document.createElement("div");
  column.style.cssText = `position:absolute; display:flex; flex-direction:column; gap:6px; overflow-y:auto; pointer-events:none; ${placement}`;
  return column;
}
