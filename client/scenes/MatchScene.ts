import Phaser from "phaser";
import { SPEEDS } from "../../shared/protocol/matchMessages";
import type { Order } from "../../shared/protocol/orders";
import { detectionRiskPerHour, occupierWatchers, type Watcher } from "../../shared/rules/detection";
import type { MatchState, Ship } from "../../shared/state/MatchState";
import { lookUpMatch, savedSessionIsSolo, type PlayFromRequest } from "../net/connection";
import { openMatch, type MatchRequest, type MatchSession } from "../net/matchSession";
import type { MatchLookup } from "../../shared/protocol/lobbyMessages";
import { joinedSentence, offersSeatChoice, timelineLabel } from "../ui/matchWords";
import { dayOf } from "../../shared/rules/clock";
import { SeatChoice } from "../ui/SeatChoice";
import { CloseCodes, describeCloseCode } from "../../shared/protocol/closeCodes";
import type { Relocation } from "../net/matchRelocation";
import { marksToShow } from "../render/councilMarks";
import { ContactMemory } from "../render/lastSeen";
import { sensorPicture } from "../render/sensorPicture";
import { musicEraFor, playEffect, playMusic, stopMusic, type EffectName } from "../audio/soundBank";
import { asSentence } from "../ui/asSentence";
import { recordResult } from "../ui/campaignRecord";
import { browserStorage } from "../ui/displaySettings";
import { DestinationPicker } from "../ui/DestinationPicker";
import { hidingStatus, type HidingStatus } from "../ui/hidingRisk";
import type { MatchResult } from "../ui/MatchResult";
import { uiRoot } from "../ui/overlay";
import type { CampaignEra } from "../ui/ScenarioMenu";
import { SettingsPanel } from "../ui/SettingsPanel";
import { ShortcutHelp } from "../ui/ShortcutHelp";
import { shortcutFor, type ShortcutAction } from "../ui/shortcuts";
import { destinationsFor } from "../ui/whereabouts";
import { MarkPlacement } from "./match/MarkPlacement";
import { MatchEventFeed, type MatchEvent } from "./match/matchEvents";
import { MatchMap } from "./match/MatchMap";
import { MatchOverlays } from "./match/MatchOverlays";
import { MatchPanels } from "./match/MatchPanels";
import { showResultScreen } from "./match/resultScreen";
import { TutorialGuide } from "./match/TutorialGuide";

/**
 * What leaving a match under way does, asked before it is done: with other players here the AI takes
 * the seat and the match runs on; alone, the match is set aside where it stands, to continue later.
 */
function leaveWarning(state: MatchState, seat: string): string {
  const othersHere = [...state.seats.values()].some((other) => other.id !== seat && other.occupied);
  return othersHere
    ? "Leave this match? The AI plays your seat from now on."
    : "Leave this match? It stops where it stands; you can pick it up again from Continue in the menu.";
}

/**
 * `opening`: the connection for the request, already under way (started as the player chose the match,
 * while the game loaded; a replay's "Play from here" opens it first, so a refusal is told in the replay).
 */
/** `returnTo`: where leaving the match goes instead of the menu (a playtest goes back to the editor). */

/**
 * Closes after which the match may be running on another server process: the server stopped (crashed,
 * restarted or was shut down for a deploy), Colyseus' reconnection to it gave up, or the match moved.
 */
const MOVED_OR_LOST = new Set<number>([1006, 4001, 4003, 4010, CloseCodes.matchMoved]);
export type MatchData = { eras: CampaignEra[]; opening?: Promise<MatchSession>; returnTo?: string } & MatchRequest;

/** What each kind of news sounds like; the end has its own (victory or defeat). */
const effectOf: Record<MatchEvent["kind"], EffectName | null> = {
  contact: "contact",
  fight: "combat",
  raid: "raid",
  loss: "raid",
  baseFound: "baseFound",
  exposed: "notice",
  objective: "notice",
  news: "notice",
  end: null,
};

const HUD_REFRESH_MS = 250;
/** A press held this long on a ship is a long press (the touch screen's right-click). */
const LONG_PRESS_MS = 450;

/**
 * A match on screen: it connects (through client/net), hands the state to the map and the panels, and
 * turns clicks, taps and keys into intents. What each piece shows lives in its own file under match/.
 */
export class MatchScene extends Phaser.Scene {
  private session: MatchSession | null = null;
  private map!: MatchMap;
  private panels!: MatchPanels;
  private overlays!: MatchOverlays;
  private marking!: MarkPlacement;
  private result: MatchResult | null = null;
  /** A dialog over the map opened by a key (the shortcut list, the destination list); Esc closes it. */
  private dialog: HTMLElement | null = null;
  /** Whether this client is the host; the server says so in its welcome (the host's session id is never sent). */
  private isHost = false;
  private seat = "";
  private side = "";
  /** The side whose view this client has: its own, or the one a spectator watches. */
  private watching = "";
  /** What the occupier's eyes are as this side knows them, from the latest patch (the Maquis side's only). */
  private watchers: Watcher[] = [];
  /** On by default; a player who turns it off keeps it off for the next match in this tab. */
  private sensorsShown = true;
  /** The speed to resume at after Space paused the match. */
  private resumeSpeed = 1;
  private news!: MatchEventFeed;
  /** Where the other side's ships were last seen. */
  private contacts!: ContactMemory;
  private tutorial!: TutorialGuide;
  /** The seat this client asked for, if any: the welcome says plainly when it landed elsewhere. */
  private askedSeat: string | undefined;
  private leaving = false;
  /** The search for this match on another server process, while one runs. */
  private relocation: Relocation<MatchSession> | null = null;
  private hudTimer = 0;
  private match!: MatchData;

  constructor() {
    super("match");
  }

  create(data: MatchData): void {
    this.match = data;
    this.session = null;
    this.seat = "";
    this.side = "";
    this.watching = "";
    this.watchers = [];
    this.leaving = false;
    this.result = null;
    this.dialog = null;
    this.news = new MatchEventFeed();
    this.contacts = new ContactMemory();
    this.tutorial = new TutorialGuide();
    this.map = new MatchMap(this, (seat) => this.session?.state.seats.get(seat)?.side);
    this.marking = new MarkPlacement(this, this.map, (order) => this.sendOrder(order), (marking) => (this.panels.controls.marking = marking));
    this.panels = new MatchPanels({
      order: (order) => this.sendOrder(order),
      voteSpeed: (speed) => this.session?.voteSpeed(speed),
      chat: (to, text) => this.session?.chat(to, text),
      toggleSensors: () => this.toggleSensors(),
      toggleMark: () => this.marking.toggle(this.canMark()),
      showPoint: (at) => this.map.camera.centreOn(at.x, at.y),
      selectShip: (id) => this.selectShip(id, true),
      openBriefing: () => this.overlays.showBriefing(this.scenarioSummary(), "read"),
      showKeys: () => this.openDialog(new ShortcutHelp()),
      openSettings: () => this.openDialog(new SettingsPanel()),
      leave: () => this.leaveForGood(),
    });
    this.overlays = new MatchOverlays(
      {
        takeSeat: (seat) => this.session?.takeSeat(seat),
        ready: (ready) => this.session?.ready(ready),
        start: () => this.session?.start(),
        leave: () => this.leaveForGood(),
      },
      // A match of one's own (made now, or continued) waits behind its briefing, not the multiplayer pre-game panel.
      "solo" in data || "playFrom" in data || ("continue" in data && data.continue.private) || ("rejoin" in data && savedSessionIsSolo()),
    );
    this.askedSeat = "joinById" in data ? data.joinById.seat : "solo" in data ? data.solo.seat : "playFrom" in data ? data.playFrom.seat : "seat" in data ? data.seat : undefined;
    // Last, so the mark's note field sits above the other panels.
    this.panels.mount(this.marking.prompt);
    this.input.mouse?.disableContextMenu();
    // A DOM listener, not Phaser's keyboard: Phaser reads keys a frame later, when the event no longer says where it was typed.
    window.addEventListener("keydown", this.onKeyDown);
    this.input.on(Phaser.Input.Events.POINTER_UP, (pointer: Phaser.Input.Pointer) => this.onPointerUp(pointer));
    this.input.on(Phaser.Input.Events.POINTER_MOVE, (pointer: Phaser.Input.Pointer) => this.onPointerMove(pointer));
    this.input.on(Phaser.Input.Events.GAME_OUT, () => this.hoverOver(null, { x: 0, y: 0 }));
    // A DOM timer, not a Phaser one: the panels stay current even when the browser pauses a hidden canvas's frames.
    this.hudTimer = window.setInterval(() => this.refresh(), HUD_REFRESH_MS);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.shutdown());
    void this.connect(data);
  }

  /** An invite link to a match under way offers its free seats first; then the connection the request asks for. */
  private async connect(data: MatchData): Promise<void> {
    if (data.opening) return this.follow(data.opening);
    let request: MatchRequest = data;
    if ("joinById" in data && data.joinById.seat === undefined) {
      const match = await lookUpMatch(data.joinById.roomId).catch(() => null);
      if (!this.scene.isActive()) return;
      if (offersSeatChoice(match)) {
        const seat = await this.chooseSeat(match);
        if (seat === null) return this.backToMenu();
        this.askedSeat = seat;
        request = { joinById: { ...data.joinById, seat } };
      }
    }
    this.follow(openMatch(request));
  }

  /**
   * Takes over the connection once it is made, or goes back to the menu saying why it was refused. The
   * player may have left meanwhile, or the scene restarted for another match: then it is dropped.
   */
  private follow(opening: Promise<MatchSession>): void {
    const match = this.match;
    const current = () => this.scene.isActive() && this.match === match;
    opening.then(
      (session) => (current() ? this.attach(session) : session.disconnect()),
      (error: Error) => {
        if (current()) this.backToMenu(`Could not join: ${error.message}`);
      },
    );
  }

  private chooseSeat(match: MatchLookup): Promise<string | null> {
    return new Promise((resolve) => {
      const choice = new SeatChoice();
      choice.match = match;
      const done = (seat: string | null) => {
        choice.remove();
        resolve(seat);
      };
      choice.addEventListener("choose", (event) => done((event as CustomEvent<string>).detail));
      choice.addEventListener("back", () => done(null));
      uiRoot().append(choice);
    });
  }

  update(): void {
    this.map.update();
    this.marking.follow();
    const view = this.map.viewIfMoved();
    if (view) this.panels.miniMap.view = view;
  }

  /**
   * The match may now run on another server process (client/net/matchRelocation.ts): once it is found
   * there, the scene starts again on that connection, as after a reload; if it is not found in time,
   * back to the menu saying why.
   */
  private lookForMovedMatch(session: MatchSession, closeCode?: number): void {
    if (this.relocation) return;
    const relocation = session.relocate();
    if (!relocation) {
      if (closeCode !== undefined) this.backToMenu(describeCloseCode(closeCode));
      return;
    }
    this.relocation = relocation;
    void relocation.found.then((found) => {
      if (this.relocation !== relocation) return found?.disconnect();
      this.relocation = null;
      if (found && this.scene.isActive() && this.session === session) {
        this.leaving = true;
        session.abandon();
        this.scene.restart({ eras: this.match.eras, ...(this.match.returnTo ? { returnTo: this.match.returnTo } : {}), rejoin: true, opening: Promise.resolve(found) } satisfies MatchData);
      } else if (found) found.disconnect();
      // Searched while Colyseus was still reconnecting: its own outcome (a reconnection, or a leave that searches again) decides.
      else if (closeCode !== undefined && this.scene.isActive() && this.session === session) this.backToMenu(describeCloseCode(closeCode));
    });
  }

  private attach(session: MatchSession): void {
    this.session = session;
    session.onWelcome((welcome) => {
      this.seat = welcome.seat;
      this.side = welcome.side;
      this.watching = welcome.watching;
      // A replay shows everything: a ship leaving it is gone, not hiding.
      this.contacts.setViewer(this.isReplay() ? "" : welcome.watching);
      this.isHost = welcome.host;
      // Each side sees its own sensor ranges and what it knows of the other side's.
      this.panels.controls.sensorsShown = this.sensorsShown;
      this.map.setSensorsShown(this.sensorsShown);
      this.refreshSensors(session.state);
      this.map.setOwnSeat(welcome.seat);
      const seatName = session.state.seats.get(welcome.seat)?.name;
      this.panels.hud.seatName = seatName ? `${seatName} (${welcome.side})` : `Spectator, watching the ${welcome.watching}`;
      this.panels.notice(joinedSentence(welcome, { askedSeat: this.askedSeat, replay: session.isReplay, ...(seatName ? { seatName } : {}) }), false);
    });
    session.onChatHistory((lines) => this.panels.controls.setHistory(lines));
    this.panels.controls.speeds = session.speeds;
    this.panels.controls.replay = session.isReplay;
    session.onReplayInfo((info) => (this.panels.controls.replayEndHours = info.endHours));
    this.panels.controls.addEventListener("seek", (event) => session.seek((event as CustomEvent<number>).detail));
    this.panels.controls.addEventListener("playFromHere", () => this.offerPlayFromHere());
    // A person reads a sentence; the code is for programs (and stays in the console for whoever debugs).
    session.onRefusal((error) => {
      console.info(`refused: ${error.code}`);
      this.panels.notice(asSentence(error.message), true);
      playEffect("refused");
    });
    session.onChat((line) => this.panels.addChatLine(line));
    session.onDrop(() => {
      this.panels.notice("Connection lost; reconnecting…", true, true);
      // The server itself may have stopped: look for the match where it runs now, alongside Colyseus' own reconnection.
      this.lookForMovedMatch(session);
    });
    session.onReconnect(() => {
      this.relocation?.cancel();
      this.relocation = null;
      this.panels.notice("Reconnected.", false);
    });
    session.onLeave((code) => {
      // A connection this scene has moved on from (a replay left for "Play from here") closes after the scene restarted.
      if (this.leaving || this.session !== session) return;
      if (!MOVED_OR_LOST.has(code)) return this.backToMenu(describeCloseCode(code));
      this.panels.notice("The server running this match stopped; finding it again…", true, true);
      this.lookForMovedMatch(session, code);
    });
    session.onFirstState((state) => {
      this.tutorial.firstState(state);
      this.map.drawMap(state, this.panels.coveredEdges());
      const universe = this.scenarioSummary()?.universe;
      if (universe) playMusic(musicEraFor(universe));
      // What is there when the player arrives (after a reload, most of a match) is not news.
      this.news.prime(state.log, state.ships.values());
    });
    // Once per patch, not per frame: watchers only move when the server says so.
    session.onState((state) => {
      this.refreshSensors(state);
      const events = this.news.newLines(state.log);
      this.contacts.read(events);
      for (const event of events) this.tell(event);
    });
    session.onShips({
      added: (ship) => {
        this.contacts.seen(ship.id);
        this.map.addShip(ship);
        const contact = this.news.shipAppeared(ship, this.watching, performance.now());
        if (contact) this.tell(contact);
      },
      changed: (ship) => this.map.moveShip(ship),
      removed: (ship) => {
        this.news.shipGone(ship.id, performance.now());
        this.contacts.lost(ship, session.state.hours);
        this.map.removeShip(ship.id);
        if (this.panels.fleet.selected === ship.id) this.panels.fleet.selected = null;
      },
    });
  }

  /** A replay's "Play from here": the replay pauses, the viewer picks a seat, and a match of their own starts from this moment. */
  private offerPlayFromHere(): void {
    const session = this.session;
    if (!session || !("replay" in this.match)) return;
    const match = this.match.replay;
    session.voteSpeed(0);
    const state = session.state;
    // The moment the viewer sees as they ask (the pause lands a step later at most).
    const hour = state.hours;
    const choice = new SeatChoice();
    choice.match = {
      id: match,
      scenario: state.scenarioId,
      title: state.title,
      phase: state.phase,
      day: dayOf(hour),
      freeSeats: [...state.seats.values()].map(({ id, name, side }) => ({ id, name, side })),
    };
    choice.fromMoment = timelineLabel(hour);
    choice.addEventListener("back", () => {
      this.closeDialog();
      this.panels.controls.focusPlayFromHere();
    });
    choice.addEventListener("choose", (event) => {
      this.closeDialog();
      this.playFrom({ match, hour, seat: (event as CustomEvent<string>).detail });
    });
    this.openDialog(choice);
  }

  /** Opens the new match while the replay is still on screen: a refusal is told here, and the replay stays. */
  private playFrom(request: PlayFromRequest): void {
    this.panels.notice("Setting up your match from this moment…", false);
    openMatch({ playFrom: request }).then(
      (opened) => {
        if (this.scene.isActive()) this.scene.restart({ eras: this.match.eras, playFrom: request, opening: Promise.resolve(opened) } satisfies MatchData);
        else opened.disconnect();
      },
      (error: Error) => {
        this.panels.notice(asSentence(`Could not play from here: ${error.message}`), true);
        playEffect("refused");
      },
    );
  }

  /** Something happened: a toast to read (and hear), with the place to look. */
  private tell(event: MatchEvent): void {
    this.panels.toasts.push(event);
    const effect = effectOf[event.kind];
    if (effect) playEffect(effect);
  }

  /** Every order the player gives goes out here, with its sound. */
  private sendOrder(order: Order): void {
    if (!this.session) return;
    this.session.order(order);
    playEffect("order");
  }

  private refreshSensors(state: MatchState): void {
    if (this.watching !== "maquis" && this.watching !== "occupier") return;
    // The Maquis side's hiding risk reads the occupier's eyes as it knows them.
    if (this.watching === "maquis") this.watchers = occupierWatchers(state);
    this.map.showSensors(sensorPicture(state, this.watching));
  }

  private refresh(): void {
    const state = this.session?.state;
    if (!state) return;
    this.overlays.refresh(state, this.scenarioSummary(), { seat: this.seat, isHost: this.isHost, code: this.session?.roomId ?? "" });
    if (this.marking.mode !== "off" && !this.canMark()) this.marking.cancel();
    const lastSeen = this.contacts.current(state.hours);
    this.panels.refresh(state, {
      seat: this.seat,
      side: this.side,
      watching: this.watching,
      solo: this.overlays.solo,
      hidingOf: (ship) => this.hidingOf(state, ship),
      canMark: this.canMark(),
      canVote: this.side === "maquis" || this.side === "occupier" || this.isReplay(),
      selectedShip: this.map.selectedShip,
      lastSeen,
    });
    this.panels.controls.replayHours = state.hours;
    this.tutorial.refresh(state, this.scenarioSummary(), { side: this.side, replay: this.isReplay() }, {
      seat: this.seat,
      selectedShip: this.map.selectedShip,
      sensorsShown: this.sensorsShown,
    });
    // Leaving a match under way hands the seat to the AI: asked first. Watching, waiting or a finished match: no question.
    this.panels.hud.leaveWarning = state.phase === "playing" && this.canOrder() ? leaveWarning(state, this.seat) : "";
    this.map.showMarks(marksToShow(state.log, state.hours, state.roundHours));
    this.map.showLastSeen(lastSeen, state.hours);
    this.map.drawStanding(state, state.cells.get(this.seat)?.baseSystem ?? "");
    if (state.phase === "ended" && !this.result) {
      stopMusic();
      if ((this.side === "maquis" || this.side === "occupier") && !this.isReplay()) {
        playEffect(state.winner === this.side ? "victory" : "defeat");
        const outcome = state.winner === this.side ? "won" : state.winner === "draw" ? "draw" : "lost";
        recordResult(browserStorage(), state.scenarioId, { outcome, side: this.side, level: aiLevelOf(this.match) });
      }
      this.result = showResultScreen(state, { side: this.side, replayLink: this.isReplay() ? "" : `${location.origin}/?replay=${this.session?.roomId ?? ""}` }, () =>
        this.leaveForGood(),
      );
    }
  }

  private isReplay(): boolean {
    return "replay" in this.match;
  }

  /** A Maquis ship's odds of being seen, as far as its side knows the occupier's eyes; undefined for any other ship or viewer. */
  private hidingOf(state: MatchState, ship: Ship): HidingStatus | undefined {
    if (this.watching !== "maquis" || ship.side !== "maquis") return undefined;
    return hidingStatus(ship.underground, ship.underground ? detectionRiskPerHour(state, ship, this.watchers) : 0);
  }

  /** A seated player may pin council marks while the match is under way; spectators and replays may not. */
  private canMark(): boolean {
    return (this.side === "maquis" || this.side === "occupier") && this.session?.state.phase === "playing" && !this.isReplay();
  }

  private canOrder(): boolean {
    return (this.side === "maquis" || this.side === "occupier") && this.session?.state.phase === "playing" && !this.isReplay();
  }

  private scenarioSummary() {
    const scenarioId = this.session?.state.scenarioId;
    return this.match.eras.flatMap((era) => era.scenarios).find((summary) => summary.id === scenarioId);
  }

  private toggleSensors(): void {
    this.sensorsShown = !this.sensorsShown;
    this.panels.controls.sensorsShown = this.sensorsShown;
    this.map.setSensorsShown(this.sensorsShown);
  }

  private onPointerUp(pointer: Phaser.Input.Pointer): void {
    const state = this.session?.state;
    if (!this.map.camera.takeClick() || !state) return;
    const world = this.map.camera.toWorld(pointer.x, pointer.y);
    // While a mark is being placed, a click or tap (either button) picks its point instead of selecting or moving.
    if (this.marking.mode !== "off") {
      this.marking.pick(world, state.mapWidth, state.mapHeight);
      return;
    }
    if (pointer.button !== 2) {
      const picked = this.map.ownShipAt(world);
      if (picked) {
        this.selectShip(picked, false);
        // A long press on a ship asks for its orders (on a phone, their tab opens).
        if (pointer.upTime - pointer.downTime >= LONG_PRESS_MS) this.panels.showOrders();
        return;
      }
      // Touch has no right button: a tap on open map moves the selected ship; with none selected, it reads the system there.
      const system = this.map.systemNear(state, world);
      if (!pointer.wasTouch || !this.map.selectedShip) {
        this.selectShip(null, false);
        this.panels.showSystem(system ?? "");
        if (system) this.refresh();
        return;
      }
    }
    const selected = this.map.selectedShip;
    if (selected) this.sendMove(selected, world);
  }

  /** A mouse resting over a system shows its facts in brief; a drag, a touch or open space shows none. */
  private onPointerMove(pointer: Phaser.Input.Pointer): void {
    const state = this.session?.state;
    const hovering = state && !pointer.isDown && !pointer.wasTouch;
    this.hoverOver(hovering ? this.map.systemNear(state, this.map.camera.toWorld(pointer.x, pointer.y)) : null, { x: pointer.x, y: pointer.y });
  }

  private hoverOver(system: string | null, at: { x: number; y: number }): void {
    const state = this.session?.state;
    if (!state) return;
    if (system === null && this.panels.systemTip.facts === null) return;
    this.panels.hoverSystem(state, system, at, state.cells.get(this.seat)?.baseSystem ?? "");
  }

  private sendMove(ship: string, world: { x: number; y: number }): void {
    const state = this.session?.state;
    if (!state) return;
    const system = this.map.systemNear(state, world);
    this.sendOrder({ kind: "move", ship, to: system ? { system } : { x: world.x, y: world.y } });
  }

  private selectShip(id: string | null, centre: boolean): void {
    if (id !== null && !this.map.isOwnShip(id)) return;
    if (id !== null && id !== this.map.selectedShip) playEffect("select");
    this.map.selectShip(id);
    this.panels.fleet.selected = id;
    const ship = id === null ? undefined : this.session?.state.ships.get(id);
    if (ship && centre) this.map.camera.centreOn(ship.x, ship.y);
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const target = event.composedPath()[0];
    const action = shortcutFor(event, isTyping(target));
    // Space on a focused button presses the button; it is not the pause key then.
    if (!action || (action.kind === "pause" && target instanceof HTMLButtonElement)) return;
    if (this.dialog && action.kind !== "escape" && action.kind !== "help") return;
    if (this.doShortcut(action)) event.preventDefault();
  };

  /** Carries out a shortcut; false when it does not apply now (the key then does whatever it would have done). */
  private doShortcut(action: ShortcutAction): boolean {
    const state = this.session?.state;
    switch (action.kind) {
      case "escape":
        return this.closeSomething();
      case "help":
        if (this.dialog instanceof ShortcutHelp) this.closeDialog();
        else this.openDialog(new ShortcutHelp());
        return true;
      case "pause":
        return this.togglePause();
      case "speed": {
        const speed = (this.session?.speeds ?? SPEEDS).filter((value) => value > 0)[action.index];
        if (speed === undefined || !this.panels.controls.canVote) return false;
        this.session?.voteSpeed(speed);
        return true;
      }
      case "nextShip":
        return this.stepSelection(action.step);
      case "centre": {
        const ship = this.map.selectedShip ? state?.ships.get(this.map.selectedShip) : undefined;
        if (ship) this.map.camera.centreOn(ship.x, ship.y);
        return ship !== undefined;
      }
      case "moveTo":
        return this.openDestinations();
      case "operation": {
        const choice = this.panels.operations.choices[action.index];
        if (!choice?.order || !this.canOrder()) return false;
        this.sendOrder(choice.order);
        return true;
      }
      case "pan":
        this.map.camera.panBy(action.dx, action.dy);
        return true;
      case "zoom":
        this.map.camera.zoomBy(action.factor);
        return true;
      case "sensors":
        this.toggleSensors();
        return true;
      case "mark":
        if (this.marking.mode === "off" && !this.canMark()) return false;
        this.marking.toggle(this.canMark());
        return true;
      case "briefing":
        this.overlays.showBriefing(this.scenarioSummary(), "read");
        return true;
    }
  }

  /** Esc: the innermost open thing first — a dialog, the briefing, a mark being placed, then the selection. */
  private closeSomething(): boolean {
    if (this.dialog) return this.closeDialog();
    if (this.overlays.reading) {
      this.overlays.closeBriefing();
      return true;
    }
    if (this.marking.mode !== "off") {
      this.marking.cancel();
      return true;
    }
    if (this.map.selectedShip) {
      this.selectShip(null, false);
      return true;
    }
    return false;
  }

  /** Space: a pause takes effect at once; resuming goes back to the speed voted before. */
  private togglePause(): boolean {
    const state = this.session?.state;
    if (!state || !this.panels.controls.canVote) return false;
    if (state.speed === 0) {
      this.session?.voteSpeed(this.resumeSpeed);
    } else {
      this.resumeSpeed = state.speed;
      this.session?.voteSpeed(0);
    }
    return true;
  }

  private stepSelection(step: 1 | -1): boolean {
    const own = this.panels.fleet.ownShips;
    if (own.length === 0) return false;
    const at = own.findIndex((row) => row.id === this.map.selectedShip);
    const next = own[(at + step + own.length) % own.length]!;
    this.selectShip(next.id, true);
    return true;
  }

  private openDestinations(): boolean {
    const state = this.session?.state;
    const ship = this.map.selectedShip ? state?.ships.get(this.map.selectedShip) : undefined;
    if (!state || !ship || !this.canOrder()) return false;
    const picker = new DestinationPicker();
    picker.shipName = ship.name;
    picker.destinations = destinationsFor(state, ship);
    picker.addEventListener("pick", (event) => {
      this.sendOrder({ kind: "move", ship: ship.id, to: { system: (event as CustomEvent<string>).detail } });
      this.closeDialog();
    });
    this.openDialog(picker);
    return true;
  }

  private openDialog(dialog: HTMLElement): void {
    this.closeDialog();
    dialog.addEventListener("close", () => this.closeDialog());
    uiRoot().append(dialog);
    this.dialog = dialog;
  }

  private closeDialog(): boolean {
    if (!this.dialog) return false;
    this.dialog.remove();
    this.dialog = null;
    return true;
  }

  private leaveForGood(): void {
    this.leaving = true;
    const session = this.session;
    this.session = null;
    session?.leaveForGood();
    this.backToMenu();
  }

  private backToMenu(problem?: string): void {
    if (!this.scene.isActive()) return;
    if (this.match.returnTo) {
      location.assign(this.match.returnTo);
      return;
    }
    this.scene.start("menu", { eras: this.match.eras, problem });
  }

  private shutdown(): void {
    this.leaving = true;
    this.relocation?.cancel();
    this.relocation = null;
    window.clearInterval(this.hudTimer);
    window.removeEventListener("keydown", this.onKeyDown);
    this.panels.remove();
    this.marking.prompt.remove();
    this.input.setDefaultCursor("");
    this.result?.remove();
    this.overlays.remove();
    this.closeDialog();
    this.tutorial.remove();
    this.session?.disconnect();
    this.session = null;
    stopMusic();
  }
}

/** The AI's level the player chose for this match, where the request says it. */
function aiLevelOf(data: MatchData): string {
  if ("solo" in data) return data.solo.difficulty;
  if ("create" in data) return data.create.difficulty;
  if ("difficulty" in data) return data.difficulty;
  return "";
}

/** Whether a key press is typing into a field (the chat), not a shortcut for the map. */
function isTyping(target: EventTarget | undefined): boolean {
  // Panels live in shadow roots: the event's own target there is the panel, the first in its path is the field.
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}
