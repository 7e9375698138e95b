import { Callbacks } from "@colyseus/sdk";
import Phaser from "phaser";
import { MessageType, type ErrorMessage, type Order, type WelcomeMessage } from "../../shared/protocol/messages";
import { shipClasses } from "../../shared/scenario/shipClassSchema";
import type { ScenarioSummary } from "../../shared/scenario/scenarioSchema";
import type { MatchState, Ship } from "../../shared/state/MatchState";
import { joinMatch, type MatchRoomConnection } from "../net/connection";
import { CameraControls } from "../render/cameraControls";
import { MapLayer } from "../render/mapLayer";
import { ShipLayer } from "../render/shipLayer";
import { drawStarfield } from "../render/starfield";
import { formatClock } from "../ui/formatClock";
import { MatchHud, type ShipRow } from "../ui/MatchHud";
import type { JoinRequest } from "../ui/ScenarioMenu";
import { uiRoot } from "../ui/overlay";

export interface MatchData extends JoinRequest {
  scenarios: ScenarioSummary[];
}

/** Screen radius within which a click picks a ship or snaps an order to a system. */
const PICK_RADIUS_PX = 16;
const HUD_REFRESH_MS = 250;

export class MatchScene extends Phaser.Scene {
  private room: MatchRoomConnection | null = null;
  private hud!: MatchHud;
  private controls!: CameraControls;
  private mapLayer!: MapLayer;
  private ships!: ShipLayer;
  private seat = "";
  private leaving = false;
  private hudTimer = 0;
  private match!: MatchData;

  constructor() {
    super("match");
  }

  create(data: MatchData): void {
    this.match = data;
    this.room = null;
    this.seat = "";
    this.leaving = false;
    this.hud = new MatchHud();
    uiRoot().append(this.hud);
    this.hud.addEventListener("leave", () => this.backToMenu());
    this.hud.addEventListener("select", (event) => this.selectShip((event as CustomEvent<string>).detail, true));
    this.controls = new CameraControls(this);
    this.mapLayer = new MapLayer(this);
    this.ships = new ShipLayer(this, (seat) => this.room?.state.seats.get(seat)?.side);
    this.controls.onZoom((zoom) => {
      this.mapLayer.setZoom(zoom);
      this.ships.setZoom(zoom);
    });
    this.input.mouse?.disableContextMenu();
    this.input.on(Phaser.Input.Events.POINTER_UP, (pointer: Phaser.Input.Pointer) => this.onPointerUp(pointer));
    // A DOM timer, not a Phaser one: the panels stay current even when the browser pauses a hidden canvas's frames.
    this.hudTimer = window.setInterval(() => this.refreshHud(), HUD_REFRESH_MS);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.shutdown());

    joinMatch({ scenario: data.scenario, seat: data.seat, ...(data.watch ? { watch: data.watch } : {}) }).then(
      (room) => this.attach(room),
      (error: Error) => this.backToMenu(`Could not join: ${error.message}`),
    );
  }

  update(): void {
    // Patches are stamped with performance.now() as they arrive; draw on the same clock.
    this.ships.update(performance.now());
  }

  private attach(room: MatchRoomConnection): void {
    if (!this.scene.isActive()) {
      void room.leave();
      return;
    }
    this.room = room;
    room.onMessage(MessageType.welcome, (welcome: WelcomeMessage) => {
      this.seat = welcome.seat;
      this.ships.setOwnSeat(welcome.seat);
      const seatName = room.state.seats.get(welcome.seat)?.name;
      this.hud.seatName = seatName ? `${seatName} (${welcome.side})` : `Spectator, watching the ${welcome.watching}`;
      this.showNotice(
        welcome.side === "spectator" ? "You are watching." : "Select a ship, then right-click (or tap) the map to send it.",
        false,
      );
    });
    room.onMessage(MessageType.error, (error: ErrorMessage) => this.showNotice(`${error.code}: ${error.message}`, true));
    room.onLeave((code: number) => {
      if (!this.leaving) this.backToMenu(`Disconnected from the match (code ${code}).`);
    });
    const callbacks = Callbacks.get(room);
    room.onStateChange.once((state: MatchState) => this.drawMap(state));
    callbacks.onAdd("ships", (ship: Ship) => {
      this.ships.add(ship, performance.now());
      callbacks.onChange(ship, () => this.ships.sample(ship, performance.now()));
    });
    callbacks.onRemove("ships", (_ship: Ship, id: string) => this.ships.remove(id));
  }

  private drawMap(state: MatchState): void {
    const margin = 300;
    drawStarfield(this, { x: -margin, y: -margin, width: state.mapWidth + margin * 2, height: state.mapHeight + margin * 2 }, 7);
    this.mapLayer.draw(state);
    this.controls.fit(0, 0, state.mapWidth, state.mapHeight);
    this.hud.matchTitle = state.title;
  }

  private onPointerUp(pointer: Phaser.Input.Pointer): void {
    if (!this.controls.takeClick() || !this.room) return;
    const world = this.controls.toWorld(pointer.x, pointer.y);
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
      };
      (ship.seat === this.seat ? own : contacts).push(row);
    });
    this.hud.ownShips = own;
    this.hud.contacts = contacts;
    this.hud.clock = formatClock(state.year, state.hours);
  }

  private showNotice(text: string, isError: boolean): void {
    this.hud.notice = text;
    this.hud.noticeIsError = isError;
  }

  private backToMenu(problem?: string): void {
    if (!this.scene.isActive()) return;
    this.scene.start("menu", { scenarios: this.match.scenarios, problem });
  }

  private shutdown(): void {
    this.leaving = true;
    window.clearInterval(this.hudTimer);
    this.hud.remove();
    void this.room?.leave();
    this.room = null;
  }
}
