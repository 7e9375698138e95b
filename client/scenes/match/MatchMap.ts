import Phaser from "phaser";
import type { Watcher } from "../../../shared/rules/detection";
import type { MatchState, Ship } from "../../../shared/state/MatchState";
import { CameraControls, type Insets } from "../../render/cameraControls";
import type { MarkPin } from "../../render/councilMarks";
import { MapLayer } from "../../render/mapLayer";
import { MarkLayer } from "../../render/markLayer";
import { SensorLayer } from "../../render/sensorLayer";
import { sensorRings } from "../../render/sensorPicture";
import { ShipLayer } from "../../render/shipLayer";
import { drawStarfield } from "../../render/starfield";

/** Screen radius within which a click picks a ship or snaps an order to a system. */
export const PICK_RADIUS_PX = 16;
/** How far the starfield reaches past the map's edges, so panning never shows a bare edge. */
const SKY_MARGIN = 300;
/** The margin around the systems when the camera first frames them. */
const FRAME_MARGIN = 60;

/** The match's map: its layers and the camera over them. It draws; it decides nothing. */
export class MatchMap {
  readonly camera: CameraControls;
  private readonly systems: MapLayer;
  private readonly sensors: SensorLayer;
  private readonly ships: ShipLayer;
  private readonly marks: MarkLayer;

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
    this.camera.onZoom((zoom) => {
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
    // Frame where the systems are, not the whole atlas: a scenario may use a small corner of a large map.
    const xs = [...state.systems.values()].map((system) => system.x);
    const ys = [...state.systems.values()].map((system) => system.y);
    const left = Math.max(0, Math.min(...xs) - FRAME_MARGIN);
    const top = Math.max(0, Math.min(...ys) - FRAME_MARGIN);
    this.camera.fit(left, top, Math.min(state.mapWidth, Math.max(...xs) + FRAME_MARGIN) - left, Math.min(state.mapHeight, Math.max(...ys) + FRAME_MARGIN) - top, free);
  }

  drawStanding(state: MatchState, ownBase: string): void {
    this.systems.drawStanding(state, ownBase);
  }

  showSensors(watchers: readonly Watcher[]): void {
    this.sensors.show(sensorRings(watchers));
  }

  setSensorsShown(shown: boolean): void {
    this.sensors.setShown(shown);
  }

  showMarks(marks: readonly MarkPin[]): void {
    this.marks.show(marks);
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

  /** Once a frame: ships glide between the positions patches brought. */
  update(): void {
    // Patches are stamped with performance.now() as they arrive; draw on the same clock.
    this.ships.update(performance.now());
  }
}
