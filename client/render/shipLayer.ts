import Phaser from "phaser";
import type { Ship } from "../../shared/state/MatchState";
import { labelFont, palette } from "../theme";
import { PositionBuffer } from "./interpolation";
import { placeLabels, type Box } from "./labelPlacement";

interface ShipMarker {
  ship: Ship;
  positions: PositionBuffer;
  hull: Phaser.GameObjects.Triangle;
  label: Phaser.GameObjects.Text;
}

const LABEL_OFFSET_PX = 10;

/** Ship markers, drawn where the server last put them, interpolated between patches. */
export class ShipLayer {
  private readonly markers = new Map<string, ShipMarker>();
  private readonly orders: Phaser.GameObjects.Graphics;
  private readonly ring: Phaser.GameObjects.Arc;
  private ownSeat = "";
  private selectedId: string | null = null;
  private zoom = 1;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly sideOfSeat: (seat: string) => string | undefined,
  ) {
    this.orders = scene.add.graphics().setDepth(2);
    this.ring = scene.add.circle(0, 0, 11).setStrokeStyle(1.5, palette.selection, 0.9).setVisible(false).setDepth(4);
  }

  add(ship: Ship, now: number): void {
    const hull = this.scene.add.triangle(0, 0, 8, 0, -6, -5, -6, 5, palette.occupier).setDepth(3);
    const label = this.scene.add
      .text(0, 0, ship.name, { fontFamily: labelFont, fontSize: "11px", color: "#e6e9f0" })
      .setOrigin(0.5, 1)
      .setDepth(3);
    const marker: ShipMarker = { ship, positions: new PositionBuffer(), hull, label };
    marker.positions.push(now, ship.x, ship.y);
    this.markers.set(ship.id, marker);
    this.style(marker);
  }

  /** Records the position a patch brought. */
  sample(ship: Ship, now: number): void {
    this.markers.get(ship.id)?.positions.push(now, ship.x, ship.y);
  }

  remove(id: string): void {
    const marker = this.markers.get(id);
    if (!marker) return;
    marker.hull.destroy();
    marker.label.destroy();
    this.markers.delete(id);
    if (this.selectedId === id) this.select(null);
  }

  setOwnSeat(seat: string): void {
    this.ownSeat = seat;
    this.markers.forEach((marker) => this.style(marker));
  }

  isOwn(id: string): boolean {
    return this.markers.get(id)?.ship.seat === this.ownSeat;
  }

  select(id: string | null): void {
    this.selectedId = id;
    this.ring.setVisible(id !== null);
  }

  get selected(): string | null {
    return this.selectedId;
  }

  setZoom(zoom: number): void {
    this.zoom = zoom;
  }

  /** The own ship drawn nearest to a world point, within a radius in screen pixels. */
  ownShipAt(x: number, y: number, radiusPx: number, now: number): string | null {
    let best: string | null = null;
    let bestDistance = radiusPx / this.zoom;
    this.markers.forEach((marker, id) => {
      if (marker.ship.seat !== this.ownSeat) return;
      const position = marker.positions.at(now);
      const distance = Math.hypot(position.x - x, position.y - y);
      if (distance <= bestDistance) {
        best = id;
        bestDistance = distance;
      }
    });
    return best;
  }

  /**
   * Per frame: place markers at their interpolated positions and draw the selected ship's course; names
   * go where they cover neither each other nor the systems' names (`obstacles`), own and selected first.
   */
  update(now: number, obstacles: readonly Box[]): void {
    const scale = 1 / this.zoom;
    this.orders.clear();
    const labelled: { marker: ShipMarker; x: number; y: number }[] = [];
    this.markers.forEach((marker, id) => {
      const { x, y } = marker.positions.at(now);
      labelled.push({ marker, x, y });
      marker.hull.setPosition(x, y).setRotation(marker.ship.heading).setScale(scale);
      // Your own hidden ships are drawn faint: you know where they are, the enemy does not.
      marker.hull.setAlpha(marker.ship.underground ? 0.45 : 1);
      if (marker.ship.engagement !== "") {
        this.orders.lineStyle(1.5 * scale, palette.engaged, 0.5 + 0.5 * Math.sin(now / 120));
        this.orders.strokeCircle(x, y, 14 * scale);
      }
      if (id !== this.selectedId) return;
      this.ring.setPosition(x, y).setScale(scale);
      if (marker.ship.moving) {
        this.orders.lineStyle(1.5 * scale, palette.destination, 0.6);
        this.orders.lineBetween(x, y, marker.ship.destX, marker.ship.destY);
        this.orders.strokeCircle(marker.ship.destX, marker.ship.destY, 5 * scale);
      }
    });
    this.placeLabels(labelled, obstacles, scale);
  }

  private placeLabels(labelled: { marker: ShipMarker; x: number; y: number }[], obstacles: readonly Box[], scale: number): void {
    const rank = (marker: ShipMarker) => (marker.ship.id === this.selectedId ? 0 : marker.ship.seat === this.ownSeat ? 1 : 2);
    labelled.sort((a, b) => rank(a.marker) - rank(b.marker));
    // Above the hull, so a ship parked at a system does not cover the system's name below it.
    const bottoms = placeLabels(
      labelled.map(({ marker, x, y }) => ({ x, bottom: y - LABEL_OFFSET_PX * scale, width: marker.label.width * scale, height: marker.label.height * scale })),
      obstacles,
    );
    labelled.forEach(({ marker, x }, i) => {
      const bottom = bottoms[i];
      marker.label.setVisible(bottom !== null && bottom !== undefined);
      if (bottom !== null && bottom !== undefined) marker.label.setPosition(x, bottom).setScale(scale);
    });
  }

  private style(marker: ShipMarker): void {
    const own = marker.ship.seat === this.ownSeat;
    const sideColour = this.sideOfSeat(marker.ship.seat) === "maquis" ? palette.maquis : palette.occupier;
    marker.hull.setFillStyle(own ? palette.ownShip : sideColour);
  }
}
