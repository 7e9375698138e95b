import { Callbacks } from "@colyseus/sdk";
import Phaser from "phaser";
import { MessageType, type ErrorMessage, type Order, type WelcomeMessage } from "../../shared/protocol/messages";
import { detectionRiskPerHour, occupierWatchers, type Watcher } from "../../shared/rules/detection";
import { shipClasses } from "../../shared/scenario/shipClassSchema";
import type { MatchState, Ship } from "../../shared/state/MatchState";
import { createLobbyMatch, createSoloMatch, forgetSession, joinMatch, joinMatchById, rejoinSavedSession, watchReplay, type MatchRoomConnection } from "../net/connection";
import { LobbyMessageType } from "../../shared/protocol/lobbyMessages";
import type { CreateRequest, JoinByIdRequest } from "../ui/LobbyBrowser";
import { PreGamePanel } from "../ui/PreGamePanel";
import { BriefingScreen, type PlayRequest } from "../ui/BriefingScreen";
import { MatchControls } from "../ui/MatchControls";
import { MatchMessageType, type ChatLine } from "../../shared/protocol/matchMessages";
import { CameraControls } from "../render/cameraControls";
import { MapLayer } from "../render/mapLayer";
import { marksToShow } from "../render/councilMarks";
import { MarkLayer } from "../render/markLayer";
import { SensorLayer } from "../render/sensorLayer";
import { sensorRings } from "../render/sensorPicture";
import { ShipLayer } from "../render/shipLayer";
import { drawStarfield } from "../render/starfield";
import { asSentence } from "../ui/asSentence";
import { formatClock } from "../ui/formatClock";
import { hidingStatus, type HidingStatus } from "../ui/hidingRisk";
import { inTimeOrder } from "../ui/historyPoints";
import { MatchHud, type ShipRow } from "../ui/MatchHud";
import { MatchResult } from "../ui/MatchResult";
import { MarkPrompt } from "../ui/MarkPrompt";
import { markKeyAction, onMap, type MarkMode } from "../ui/markMode";
import { OperationsPanel } from "../ui/OperationsPanel";
import { operationChoices } from "../ui/orderCandidates";
import { SidePanel, type ObjectiveRow } from "../ui/SidePanel";
import type { CampaignEra } from "../ui/ScenarioMenu";
import { uiRoot } from "../ui/overlay";
import { describeCloseCode } from "../../shared/protocol/closeCodes";

export type MatchData = { eras: CampaignEra[] } & (
  | PlayRequest
  | { solo: PlayRequest }
  | { rejoin: true }
  | { create: CreateRequest }
  | { joinById: JoinByIdRequest }
  | { replay: string }
);

/** Screen radius within which a click picks a ship or snaps an order to a system. */
const PICK_RADIUS_PX = 16;
const HUD_REFRESH_MS = 250;
/** How long a notice stays: long enough to read a refusal, short enough not to cover the map for minutes. */
const NOTICE_MS = 6000;
const ERROR_NOTICE_MS = 9000;

export class MatchScene extends Phaser.Scene {
  private room: MatchRoomConnection | null = null;
  private hud!: MatchHud;
  private operationsPanel!: OperationsPanel;
  private sidePanel!: SidePanel;
  private result: MatchResult | null = null;
  private preGame: PreGamePanel | null = null;
  private briefing: BriefingScreen | null = null;
  /** Whether this client is the host; the server says so in its welcome (the host's session id is never sent). */
  private isHost = false;
  private matchControls!: MatchControls;
  private side = "";
  /** The side whose view this client has: its own, or the one a spectator watches. */
  private watching = "";
  /** What the occupier's eyes are as this side knows them, from the latest patch (the Maquis side's only). */
  private watchers: Watcher[] = [];
  private sensors!: SensorLayer;
  /** On by default; a player who turns it off keeps it off for the next match in this tab. */
  private sensorsShown = true;
  private controls!: CameraControls;
  private mapLayer!: MapLayer;
  private ships!: ShipLayer;
  private marks!: MarkLayer;
  private markPrompt!: MarkPrompt;
  /** Placing a council mark: off, picking the point, or typing the note for the point in markAt. */
  private markMode: MarkMode = "off";
  private markAt: { x: number; y: number } | null = null;
  private seat = "";
  private leaving = false;
  private hudTimer = 0;
  private noticeTimer = 0;
  private match!: MatchData;

  constructor() {
    super("match");
  }

  create(data: MatchData): void {
    this.match = data;
    this.room = null;
    this.seat = "";
    this.watching = "";
    this.watchers = [];
    this.leaving = false;
    this.hud = new MatchHud();
    this.operationsPanel = new OperationsPanel();
    this.operationsPanel.style.cssText = "position:absolute; right:10px; bottom:10px; width:min(270px,44vw); max-height:46vh; overflow:auto";
    this.operationsPanel.addEventListener("order", (event) => this.room?.send(MessageType.order, (event as CustomEvent<Order>).detail));
    this.sidePanel = new SidePanel();
    this.sidePanel.addEventListener("chooseBase", (event) =>
      this.room?.send(MessageType.order, { kind: "chooseBase", system: (event as CustomEvent<string>).detail } satisfies Order),
    );
    this.sidePanel.style.cssText = "position:absolute; left:10px; bottom:10px; width:min(360px,46vw); max-height:calc(100vh - 150px); overflow:auto";
    this.result = null;
    this.matchControls = new MatchControls();
    this.matchControls.style.cssText = "position:absolute; left:50%; top:10px; transform:translateX(-50%); width:min(300px,40vw)";
    this.matchControls.addEventListener("voteSpeed", (event) => this.room?.send(MatchMessageType.voteSpeed, { speed: (event as CustomEvent<number>).detail }));
    this.matchControls.addEventListener("toggleSensors", () => this.toggleSensors());
    this.matchControls.addEventListener("mark", () => this.toggleMarkMode());
    this.matchControls.addEventListener("chat", (event) => this.room?.send(MatchMessageType.chat, (event as CustomEvent<{ to: string; text: string }>).detail));
    this.sidePanel.addEventListener("showPoint", (event) => {
      const at = (event as CustomEvent<{ x: number; y: number }>).detail;
      this.controls.centreOn(at.x, at.y);
    });
    this.markMode = "off";
    this.markAt = null;
    this.markPrompt = new MarkPrompt();
    this.markPrompt.addEventListener("note", (event) => this.sendMark((event as CustomEvent<string>).detail));
    this.markPrompt.addEventListener("cancel", () => this.setMarkMode("off"));
    // Last, so the note field sits above the other panels.
    uiRoot().append(this.hud, this.operationsPanel, this.sidePanel, this.matchControls, this.markPrompt);
    this.hud.addEventListener("leave", () => {
      forgetSession();
      this.backToMenu();
    });
    this.hud.addEventListener("briefing", () => this.showBriefing("read"));
    this.hud.addEventListener("select", (event) => this.selectShip((event as CustomEvent<string>).detail, true));
    this.controls = new CameraControls(this);
    this.mapLayer = new MapLayer(this);
    this.sensors = new SensorLayer(this);
    this.sensors.setShown(false);
    this.ships = new ShipLayer(this, (seat) => this.room?.state.seats.get(seat)?.side);
    this.marks = new MarkLayer(this);
    this.controls.onZoom((zoom) => {
      this.mapLayer.setZoom(zoom);
      this.ships.setZoom(zoom);
      this.sensors.setZoom(zoom);
      this.marks.setZoom(zoom);
    });
    this.input.mouse?.disableContextMenu();
    // A DOM listener, not Phaser's keyboard: Phaser reads keys a frame later, when the event no longer says where it was typed.
    window.addEventListener("keydown", this.onKeyDown);
    this.input.on(Phaser.Input.Events.POINTER_UP, (pointer: Phaser.Input.Pointer) => this.onPointerUp(pointer));
    // A DOM timer, not a Phaser one: the panels stay current even when the browser pauses a hidden canvas's frames.
    this.hudTimer = window.setInterval(() => this.refreshHud(), HUD_REFRESH_MS);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.shutdown());

    const connecting =
      "rejoin" in data
        ? rejoinSavedSession().then((room) => room ?? Promise.reject(new Error("the match you were in is over or gone")))
        : "solo" in data
          ? createSoloMatch(data.solo)
        : "create" in data
          ? createLobbyMatch(data.create)
          : "joinById" in data
            ? joinMatchById(data.joinById.roomId, data.joinById.name)
            : "replay" in data
              ? watchReplay(data.replay)
              : joinMatch({ scenario: data.scenario, seat: data.seat, ...(data.watch ? { watch: data.watch } : {}), difficulty: data.difficulty });
    connecting.then(
      (room) => this.attach(room),
      (error: Error) => this.backToMenu(`Could not join: ${error.message}`),
    );
  }

  update(): void {
    // Patches are stamped with performance.now() as they arrive; draw on the same clock.
    this.ships.update(performance.now());
    // The note field follows its point when the map is panned or zoomed under it.
    if (this.markMode === "note" && this.markAt) this.placeMarkPrompt(this.markAt);
  }

  private attach(room: MatchRoomConnection): void {
    if (!this.scene.isActive()) {
      void room.leave();
      return;
    }
    this.room = room;
    room.onMessage(MessageType.welcome, (welcome: WelcomeMessage) => {
      this.seat = welcome.seat;
      this.side = welcome.side;
      this.watching = welcome.watching;
      // The Maquis read the occupier's sensor picture to hide; the occupier has no use for its own.
      this.matchControls.sensorsAvailable = welcome.watching === "maquis";
      this.matchControls.sensorsShown = this.sensorsShown;
      this.sensors.setShown(this.sensorsShown && welcome.watching === "maquis");
      this.refreshSensors(room.state);
      this.isHost = welcome.host;
      if (this.preGame) this.preGame.isHost = welcome.host;
      this.ships.setOwnSeat(welcome.seat);
      const seatName = room.state.seats.get(welcome.seat)?.name;
      this.hud.seatName = seatName ? `${seatName} (${welcome.side})` : `Spectator, watching the ${welcome.watching}`;
      this.showNotice(
        welcome.side === "spectator" ? "You are watching." : "Select a ship, then right-click (or tap) the map to send it.",
        false,
      );
    });
    // A person reads a sentence; the code is for programs (and stays in the console for whoever debugs).
    room.onMessage(MessageType.error, (error: ErrorMessage) => {
      console.info(`refused: ${error.code}`);
      this.showNotice(asSentence(error.message), true);
    });
    room.onMessage(MatchMessageType.chat, (line: ChatLine) => this.matchControls.addLine(line));
    room.onDrop(() => this.showNotice("Connection lost; reconnecting…", true, true));
    room.onReconnect(() => this.showNotice("Reconnected.", false));
    room.onLeave((code: number) => {
      if (!this.leaving) this.backToMenu(describeCloseCode(code));
    });
    const callbacks = Callbacks.get(room);
    room.onStateChange.once((state: MatchState) => this.drawMap(state));
    // Once per patch, not per frame: watchers only move when the server says so.
    room.onStateChange((state: MatchState) => this.refreshSensors(state));
    callbacks.onAdd("ships", (ship: Ship) => {
      this.ships.add(ship, performance.now());
      callbacks.onChange(ship, () => this.ships.sample(ship, performance.now()));
    });
    callbacks.onRemove("ships", (_ship: Ship, id: string) => this.ships.remove(id));
  }

  private drawMap(state: MatchState): void {
    const skyMargin = 300;
    drawStarfield(this, { x: -skyMargin, y: -skyMargin, width: state.mapWidth + skyMargin * 2, height: state.mapHeight + skyMargin * 2 }, 7);
    this.mapLayer.draw(state);
    // Frame where the systems are, not the whole atlas: a scenario may use a small corner of a large map.
    const xs = [...state.systems.values()].map((system) => system.x);
    const ys = [...state.systems.values()].map((system) => system.y);
    const frame = 60;
    const left = Math.max(0, Math.min(...xs) - frame);
    const top = Math.max(0, Math.min(...ys) - frame);
    this.controls.fit(left, top, Math.min(state.mapWidth, Math.max(...xs) + frame) - left, Math.min(state.mapHeight, Math.max(...ys) + frame) - top);
    this.hud.matchTitle = state.title;
  }

  private refreshSensors(state: MatchState): void {
    if (this.watching !== "maquis") return;
    this.watchers = occupierWatchers(state);
    this.sensors.show(sensorRings(this.watchers));
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === "Escape" && this.briefing && this.briefing.mode === "read") {
      event.preventDefault();
      this.closeBriefing();
      return;
    }
    const markAction = markKeyAction(event, isTyping(event), this.markMode, this.canMark());
    if (markAction === "cancel") {
      event.preventDefault();
      this.setMarkMode("off");
      return;
    }
    if (markAction === "toggle") {
      event.preventDefault();
      this.toggleMarkMode();
      return;
    }
    if (event.key.toLowerCase() !== "v" || event.repeat || event.ctrlKey || event.metaKey || event.altKey || isTyping(event)) return;
    this.toggleSensors();
  };

  private toggleSensors(): void {
    if (this.watching !== "maquis") return;
    this.sensorsShown = !this.sensorsShown;
    this.matchControls.sensorsShown = this.sensorsShown;
    this.sensors.setShown(this.sensorsShown);
  }

  /** A Maquis ship's odds of being seen, as far as its side knows the occupier's eyes; undefined for any other ship or viewer. */
  private hidingOf(state: MatchState, ship: Ship): HidingStatus | undefined {
    if (this.watching !== "maquis" || ship.side !== "maquis") return undefined;
    return hidingStatus(ship.underground, ship.underground ? detectionRiskPerHour(state, ship, this.watchers) : 0);
  }

  /** A seated player may pin council marks while the match is under way; spectators and replays may not. */
  private canMark(): boolean {
    return (this.side === "maquis" || this.side === "occupier") && this.room?.state.phase === "playing" && !("replay" in this.match);
  }

  private toggleMarkMode(): void {
    this.setMarkMode(this.markMode === "off" && this.canMark() ? "point" : "off");
  }

  private setMarkMode(mode: MarkMode): void {
    this.markMode = mode;
    if (mode !== "note") this.markAt = null;
    this.markPrompt.mode = mode;
    this.matchControls.marking = mode !== "off";
    this.marks.setPending(mode === "note" ? this.markAt : null);
    this.input.setDefaultCursor(mode === "point" ? "crosshair" : "");
  }

  /** The click (or tap) after "Mark the map": the mark's point; another click while the note is open moves it. */
  private pickMarkPoint(world: { x: number; y: number }): void {
    const state = this.room?.state;
    if (!state) return;
    if (!onMap(world, state.mapWidth, state.mapHeight)) {
      this.markPrompt.problem = "That point lies off the map: pick one on it.";
      return;
    }
    this.markAt = { x: Math.round(world.x), y: Math.round(world.y) };
    this.placeMarkPrompt(this.markAt);
    this.setMarkMode("note");
    this.markPrompt.focusNote();
  }

  private placeMarkPrompt(at: { x: number; y: number }): void {
    const screen = this.controls.toScreen(at.x, at.y);
    this.markPrompt.left = Math.round(screen.x);
    this.markPrompt.top = Math.round(screen.y);
  }

  private sendMark(text: string): void {
    if (!this.markAt) return;
    this.room?.send(MessageType.order, { kind: "mark", x: this.markAt.x, y: this.markAt.y, text } satisfies Order);
    this.setMarkMode("off");
  }

  private onPointerUp(pointer: Phaser.Input.Pointer): void {
    if (!this.controls.takeClick() || !this.room) return;
    const world = this.controls.toWorld(pointer.x, pointer.y);
    // While a mark is being placed, a click or tap (either button) picks its point instead of selecting or moving.
    if (this.markMode !== "off") {
      this.pickMarkPoint(world);
      return;
    }
    const now = performance.now();
    const rightClick = pointer.button === 2;
    if (!rightClick) {
      const picked = this.ships.ownShipAt(world.x, world.y, PICK_RADIUS_PX, now);
      if (picked) {
        this.selectShip(picked, false);
        return;
      }
      // Touch has no right button: a tap on open map moves the selected ship.
      if (!pointer.wasTouch) {
        this.selectShip(null, false);
        return;
      }
    }
    const selected = this.ships.selected;
    if (selected) this.sendMove(selected, world);
  }

  private sendMove(ship: string, world: { x: number; y: number }): void {
    const system = this.systemNear(world.x, world.y);
    const order: Order = { kind: "move", ship, to: system ? { system } : { x: world.x, y: world.y } };
    this.room?.send(MessageType.order, order);
  }

  private systemNear(x: number, y: number): string | null {
    const reach = PICK_RADIUS_PX / this.cameras.main.zoom;
    let best: string | null = null;
    let bestDistance = reach;
    this.room?.state.systems.forEach((system) => {
      const distance = Math.hypot(system.x - x, system.y - y);
      if (distance <= bestDistance) {
        best = system.id;
        bestDistance = distance;
      }
    });
    return best;
  }

  private selectShip(id: string | null, centre: boolean): void {
    if (id !== null && !this.ships.isOwn(id)) return;
    this.ships.select(id);
    this.hud.selected = id;
    const ship = id === null ? undefined : this.room?.state.ships.get(id);
    if (ship && centre) this.controls.centreOn(ship.x, ship.y);
  }

  private refreshHud(): void {
    const state = this.room?.state;
    if (!state) return;
    const own: ShipRow[] = [];
    const contacts: ShipRow[] = [];
    state.ships.forEach((ship) => {
      const row: ShipRow = {
        id: ship.id,
        name: ship.name,
        className: shipClasses.get(ship.shipClass)?.name ?? ship.shipClass,
        x: ship.x,
        y: ship.y,
        moving: ship.moving,
        hiding: this.hidingOf(state, ship),
      };
      (ship.seat === this.seat ? own : contacts).push(row);
    });
    this.hud.ownShips = own;
    this.hud.contacts = contacts;
    this.hud.clock = `${formatClock(state.year, state.hours)} of ${Math.round(state.lengthHours / 24)} days`;
    this.hud.politics = { reputation: state.reputation, standing: state.maquisStanding };
    this.refreshPanels(state);
  }

  /** The scenario's briefing over the map: to read again (closed by its button or Esc), or, for a match of one's own, with its Start. */
  private showBriefing(mode: "read" | "start"): void {
    const scenario = this.scenarioSummary();
    if (!scenario || this.briefing) return;
    const briefing = new BriefingScreen();
    briefing.scenario = scenario;
    briefing.mode = mode;
    if (mode === "read") briefing.addEventListener("close", () => this.closeBriefing());
    else this.wireLobbyExits(briefing);
    uiRoot().append(briefing);
    this.briefing = briefing;
  }

  private closeBriefing(): void {
    this.briefing?.remove();
    this.briefing = null;
  }

  /** Start (the host's) and Leave, the same from the pre-game panel and from a solo match's briefing. */
  private wireLobbyExits(panel: HTMLElement): void {
    panel.addEventListener("start", () => this.room?.send(LobbyMessageType.start, {}));
    panel.addEventListener("leave", () => {
      forgetSession();
      this.backToMenu();
    });
  }

  private scenarioSummary() {
    const scenarioId = this.room?.state.scenarioId;
    return this.match.eras.flatMap((era) => era.scenarios).find((summary) => summary.id === scenarioId);
  }

  /** While a lobby match waits for its host, the pre-game panel covers the map (a solo match's briefing, with its Start). */
  private refreshPreGame(state: MatchState): void {
    if (state.phase !== "lobby") {
      this.preGame?.remove();
      this.preGame = null;
      if (this.briefing?.mode === "start") this.closeBriefing();
      return;
    }
    if ("solo" in this.match) {
      this.showBriefing("start");
      return;
    }
    if (!this.preGame) {
      const panel = new PreGamePanel();
      panel.addEventListener("takeSeat", (event) => this.room?.send(LobbyMessageType.takeSeat, { seat: (event as CustomEvent<string>).detail }));
      panel.addEventListener("ready", (event) => this.room?.send(LobbyMessageType.ready, { ready: (event as CustomEvent<boolean>).detail }));
      this.wireLobbyExits(panel);
      uiRoot().append(panel);
      this.preGame = panel;
    }
    this.preGame.code = this.room?.roomId ?? "";
    this.preGame.mySeat = this.seat;
    this.preGame.hostName = state.hostName;
    this.preGame.isHost = this.isHost;
    this.preGame.seats = [...state.seats.values()].map(({ id, name, side, playerName, ready, occupied }) => ({ id, name, side, playerName, ready, occupied }));
  }

  private refreshPanels(state: MatchState): void {
    this.refreshPreGame(state);
    this.matchControls.speed = state.speed;
    this.matchControls.canMark = this.canMark();
    if (this.markMode !== "off" && !this.canMark()) this.setMarkMode("off");
    this.marks.show(marksToShow(state.log, state.hours, state.roundHours));
    // In a replay any viewer sets the speed; in a match only the players vote.
    this.matchControls.canVote = this.side === "maquis" || this.side === "occupier" || "replay" in this.match;
    this.matchControls.players = [...state.seats.values()].map((seat) => ({
      seat: seat.id,
      seatName: seat.name,
      playerName: seat.playerName,
      occupied: seat.occupied,
      connected: seat.connected,
      speedVote: seat.speedVote,
    }));
    const cell = state.cells.get(this.seat);
    const holdings: [string, string][] = [];
    if (cell) {
      holdings.push(["Supplies", String(Math.floor(cell.supplies))], ["Weapons", String(Math.floor(cell.weapons))]);
      holdings.push(["Recruits", String(Math.floor(cell.recruits))], ["Exposure", `${Math.round(cell.exposure)}%`]);
      holdings.push(["Base", state.systems.get(cell.baseSystem)?.name ?? "none"]);
    } else if (this.side === "occupier" && state.occupier?.requisition !== undefined) {
      holdings.push(["Requisition", String(Math.floor(state.occupier.requisition))], ["Reinforcements", String(state.occupier.reinforcementsLeft)]);
    }
    const objectives: ObjectiveRow[] = state.objectives.map(({ id, side, text, points, status }) => ({ id, side, text, points, status }));
    this.sidePanel.holdings = holdings;
    this.sidePanel.objectives = objectives;
    this.sidePanel.baseOptions =
      cell && !cell.baseChosen
        ? [...cell.baseCandidates].filter((id) => id !== cell.baseSystem).map((id) => ({ id, name: state.systems.get(id)?.name ?? id }))
        : [];
    // Sorted by time: entries reach this client in the order they became visible to it, not the order they were written.
    this.sidePanel.log = [...state.log]
      .sort((a, b) => b.tick - a.tick)
      .slice(0, 12)
      .map((entry, i) => ({
        key: `${entry.tick}-${i}`,
        when: `day ${Math.floor(entry.hours / 24) + 1}`,
        text: entry.text,
        kind: entry.kind,
        ...(entry.kind === "mark" && entry.x >= 0 && entry.y >= 0 ? { at: { x: entry.x, y: entry.y } } : {}),
      }));
    this.mapLayer.drawStanding(state, cell?.baseSystem ?? "");
    const selected = this.ships.selected ? state.ships.get(this.ships.selected) : undefined;
    this.operationsPanel.shipName = selected?.name ?? "";
    this.operationsPanel.hiding = (selected && this.hidingOf(state, selected)) ?? null;
    this.operationsPanel.choices = selected && state.phase === "playing" ? operationChoices(state, this.seat, selected) : [];
    if (state.phase === "ended" && !this.result) this.showResult(state, objectives);
  }

  private showResult(state: MatchState, objectives: ObjectiveRow[]): void {
    const result = new MatchResult();
    result.winner = state.winner;
    result.reason = state.endReason;
    result.scores = { maquis: state.scoreMaquis, occupier: state.scoreOccupier };
    result.objectives = objectives;
    result.yourSide = this.side;
    result.replayLink = "replay" in this.match ? "" : `${location.origin}/?replay=${this.room?.roomId ?? ""}`;
    result.history = inTimeOrder(state.history.map((sample) => ({ ...sample.toJSON() })));
    result.addEventListener("leave", () => {
      forgetSession();
      this.backToMenu();
    });
    uiRoot().append(result);
    this.result = result;
  }

  /** A notice fades after a while; a lost connection stays until it is back. */
  private showNotice(text: string, isError: boolean, stays = false): void {
    this.hud.notice = text;
    this.hud.noticeIsError = isError;
    window.clearTimeout(this.noticeTimer);
    if (!stays) this.noticeTimer = window.setTimeout(() => (this.hud.notice = ""), isError ? ERROR_NOTICE_MS : NOTICE_MS);
  }

  private backToMenu(problem?: string): void {
    if (!this.scene.isActive()) return;
    this.scene.start("menu", { eras: this.match.eras, problem });
  }

  private shutdown(): void {
    this.leaving = true;
    window.clearInterval(this.hudTimer);
    window.clearTimeout(this.noticeTimer);
    window.removeEventListener("keydown", this.onKeyDown);
    this.hud.remove();
    this.operationsPanel.remove();
    this.sidePanel.remove();
    this.matchControls.remove();
    this.markPrompt.remove();
    this.input.setDefaultCursor("");
    this.result?.remove();
    this.preGame?.remove();
    this.preGame = null;
    this.closeBriefing();
    void this.room?.leave();
    this.room = null;
  }
}

/** Whether a key press is typing into a field (the chat), not a shortcut for the map. */
function isTyping(event: KeyboardEvent): boolean {
  // Panels live in shadow roots: the event's own target there is the panel, the first in its path is the field.
  const target = event.composedPath()[0];
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}
