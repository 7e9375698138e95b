import Phaser from "phaser";
import type { MatchState, Ship } from "../../../shared/state/MatchState";
import { CameraControls, type Insets } from "../../render/cameraControls";
import type { MarkPin } from "../../render/councilMarks";
import { systemsFrame, type Frame } from "../../render/mapFrame";
import { MapLayer } from "../../render/mapLayer";
import type { LastSeen } from "../../render/lastSeen";
import { LastSeenLayer } from "../../render/lastSeenLayer";
import { MarkLayer } from "../../render/markLayer";
import { SensorLayer } from "../../render/sensorLayer";
import type { SensorRing } from "../../render/sensorPicture";
import { ShipLayer } from "../../render/shipLayer";
import { drawStarfield } from "../../render/starfield";

/** Screen radius within which a click picks a ship or snaps an order to a system. */
export const PICK_RADIUS_PX = 16;
/** How far the starfield reaches past the map's edges, so panning never shows a bare edge. */
const SKY_MARGIN = 300;

/** The match's map: its layers and the camera over them. It draws; it decides nothing. */
export class MatchMap {
  readonly camera: CameraControls;
  private readonly systems: MapLayer;
  private readonly sensors: SensorLayer;
  private readonly ships: ShipLayer;
  private readonly marks: MarkLayer;
  private readonly lastSeen: LastSeenLayer;
  private lastView: Frame | null = null;

  constructor(
    private readonly scene: Phaser.Scene,
    sideOfSeat: (seat: string) => string | undefined,
  ) {
    this.camera = new CameraControls(scene);
    this.systems = new MapLayer(scene);
    this.sensors = new SensorLayer(scene);
    this.sensors.setShown(false);
    this.ships = new ShipLayer(scene, sideOfSeat);
    this.marks = new MarkLayer(scene);
    this.lastSeen = new LastSeenLayer(scene);
    this.camera.onZoom((zoom) => {
      this.lastSeen.setZoom(zoom);
      this.systems.setZoom(zoom);
      this.ships.setZoom(zoom);
      this.sensors.setZoom(zoom);
      this.marks.setZoom(zoom);
    });
  }

  /** The first state: the sky, the systems, and the camera framed on where the systems are. */
  drawMap(state: MatchState, free?: Insets): void {
    drawStarfield(this.scene, { x: -SKY_MARGIN, y: -SKY_MARGIN, width: state.mapWidth + SKY_MARGIN * 2, height: state.mapHeight + SKY_MARGIN * 2 }, 7);
    this.systems.draw(state);
    const frame = systemsFrame(state);
    this.camera.fit(frame.x, frame.y, frame.width, frame.height, free);
  }

  drawStanding(state: MatchState, ownBase: string): void {
    this.systems.drawStanding(state, ownBase);
  }

  showSensors(rings: readonly SensorRing[]): void {
    this.sensors.show(rings);
  }

  setSensorsShown(shown: boolean): void {
    this.sensors.setShown(shown);
  }

  showMarks(marks: readonly MarkPin[]): void {
    this.marks.show(marks);
  }

  showLastSeen(lastSeen: readonly LastSeen[], hours: number): void {
    this.lastSeen.show(lastSeen, hours);
  }

  setPendingMark(at: { x: number; y: number } | null): void {
    this.marks.setPending(at);
  }

  addShip(ship: Ship): void {
    this.ships.add(ship, performance.now());
  }

  moveShip(ship: Ship): void {
    this.ships.sample(ship, performance.now());
  }

  removeShip(id: string): void {
    this.ships.remove(id);
  }

  setOwnSeat(seat: string): void {
    this.ships.setOwnSeat(seat);
  }

  isOwnShip(id: string): boolean {
    return this.ships.isOwn(id);
  }

  selectShip(id: string | null): void {
    this.ships.select(id);
  }

  get selectedShip(): string | null {
    return this.ships.selected;
  }

  /** The player's own ship under a world point, if any. */
  ownShipAt(world: { x: number; y: number }): string | null {
    return this.ships.ownShipAt(world.x, world.y, PICK_RADIUS_PX, performance.now());
  }

  /** The system within a click's reach of a world point, if any. */
  systemNear(state: MatchState, world: { x: number; y: number }): string | null {
    const reach = PICK_RADIUS_PX / this.scene.cameras.main.zoom;
    let best: string | null = null;
    let bestDistance = reach;
    state.systems.forEach((system) => {
      const distance = Math.hypot(system.x - world.x, system.y - world.y);
      if (distance <= bestDistance) {
        best = system.id;
        bestDistance = distance;
      }
    });
    return best;
  }

  /** The part of the world on screen, when it changed since the last call (a pan or zoom); null otherwise. */
  viewIfMoved(): Frame | null {
    const { x, y, width, height } = this.scene.cameras.main.worldView;
    const last = this.lastView;
    if (last && last.x === x && last.y === y && last.width === width && last.height === height) return null;
    this.lastView = { x, y, width, height };
    return this.lastView;
  }

  /** Once a frame: ships glide between the positions patches brought. */
  update(): void {
    // Patches are stamped with performance.now() as they arrive; draw on the same clock.
    this.ships.update(performance.now(), this.systems.labelBoxes());
  }
}
