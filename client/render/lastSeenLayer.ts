import Phaser from "phaser";
import { labelFont, palette } from "../theme";
import { seenAgo, type LastSeen } from "./lastSeen";

const LABEL_OFFSET_PX = 10;
const GHOST_ALPHA = 0.55;

interface Ghost {
  hull: Phaser.GameObjects.Triangle;
  label: Phaser.GameObjects.Text;
  x: number;
  y: number;
}

/**
 * The other side's ships where they were last seen: a hollow hull in their side's colour, with the
 * name and how long ago. Redrawn only when what is remembered, or the hour, changes.
 */
export class LastSeenLayer {
  private readonly ghosts = new Map<string, Ghost>();
  private zoom = 1;

  constructor(private readonly scene: Phaser.Scene) {}

  show(lastSeen: readonly LastSeen[], hours: number): void {
    const keep = new Set(lastSeen.map((ship) => ship.id));
    for (const [id, ghost] of this.ghosts) {
      if (keep.has(id)) continue;
      ghost.hull.destroy();
      ghost.label.destroy();
      this.ghosts.delete(id);
    }
    for (const ship of lastSeen) {
      const ghost = this.ghosts.get(ship.id) ?? this.add(ship);
      if (ghost.x !== ship.x || ghost.y !== ship.y) {
        ghost.x = ship.x;
        ghost.y = ship.y;
        ghost.hull.setPosition(ship.x, ship.y).setRotation(ship.heading);
        this.place(ghost, 1 / this.zoom);
      }
      const text = `${ship.name}, ${seenAgo(ship.hours, hours)}`;
      if (ghost.label.text !== text) ghost.label.setText(text);
    }
  }

  setZoom(zoom: number): void {
    this.zoom = zoom;
    const scale = 1 / zoom;
    for (const ghost of this.ghosts.values()) this.place(ghost, scale);
  }

  private add(ship: LastSeen): Ghost {
    const colour = ship.side === "maquis" ? palette.maquis : palette.occupier;
    const hull = this.scene.add
      .triangle(ship.x, ship.y, 8, 0, -6, -5, -6, 5)
      .setStrokeStyle(1.5, colour, GHOST_ALPHA)
      .setRotation(ship.heading)
      .setDepth(2);
    hull.isFilled = false;
    const label = this.scene.add
      .text(ship.x, ship.y, "", { fontFamily: labelFont, fontSize: "10px", color: "#aab3c5", fontStyle: "italic" })
      .setOrigin(0.5, 1)
      .setAlpha(GHOST_ALPHA + 0.2)
      .setDepth(2);
    const ghost = { hull, label, x: ship.x, y: ship.y };
    this.ghosts.set(ship.id, ghost);
    this.place(ghost, 1 / this.zoom);
    return ghost;
  }

  private place(ghost: Ghost, scale: number): void {
    ghost.hull.setScale(scale);
    ghost.label.setPosition(ghost.x, ghost.y - LABEL_OFFSET_PX * scale).setScale(scale);
  }
}
