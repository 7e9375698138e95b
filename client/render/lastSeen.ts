/** How long a contact's last known position stays on the map, in game hours: after that it says little. */
export const LAST_SEEN_HOURS = 48;

/** News (MatchEventFeed's kinds) that, naming a ship that just left view, means it was lost, not that it slipped away. */
const LOSS_KINDS = new Set(["loss", "raid", "fight"]);

/** The parts of a ship its last known position is made from (a Ship has them all). */
export interface SightedShip {
  id: string;
  name: string;
  side: string;
  x: number;
  y: number;
  heading: number;
  /** Non-empty while it is in a fight: a ship that leaves view mid-fight was destroyed or taken. */
  engagement: string;
}

/** An enemy ship where it was when it left view. */
export type LastSeen = Omit<SightedShip, "engagement"> & {
  /** The game hour it was last in sight. */
  hours: number;
};

/**
 * Where the other side's ships were when this viewer lost sight of them: the hide-and-seek's memory.
 * A ship that comes back into view, is reported lost, or was last seen longer ago than LAST_SEEN_HOURS
 * is forgotten. It knows only what reached this client: the ships it saw and the log lines it may read.
 */
export class ContactMemory {
  private readonly lastSeen = new Map<string, LastSeen>();

  /** The side whose eyes this viewer has ("" until the server says). */
  constructor(private viewer = "") {}

  /** Whose eyes: "maquis" or "occupier"; anything else (a replay, which sees all) remembers nothing. */
  setViewer(viewer: string): void {
    if (viewer === this.viewer) return;
    this.viewer = viewer;
    this.lastSeen.clear();
  }

  /** An enemy ship left view at this game hour. */
  lost(ship: SightedShip, hours: number): void {
    if (ship.side === this.viewer || (this.viewer !== "maquis" && this.viewer !== "occupier")) return;
    if (ship.engagement !== "") return;
    this.lastSeen.set(ship.id, { id: ship.id, name: ship.name, side: ship.side, x: ship.x, y: ship.y, heading: ship.heading, hours });
  }

  /** A ship is in view again: where it is now is known. */
  seen(id: string): void {
    this.lastSeen.delete(id);
  }

  /** New news: a fight, raid or loss naming a remembered ship (destroyed, seized) clears it. */
  read(lines: Iterable<{ kind: string; text: string }>): void {
    for (const line of lines) {
      if (!LOSS_KINDS.has(line.kind)) continue;
      for (const [id, ship] of this.lastSeen) if (line.text.includes(ship.name)) this.lastSeen.delete(id);
    }
  }

  /** What to draw at this game hour, oldest first; what is too old is forgotten. */
  current(hours: number): LastSeen[] {
    for (const [id, ship] of this.lastSeen) if (hours - ship.hours > LAST_SEEN_HOURS) this.lastSeen.delete(id);
    return [...this.lastSeen.values()].sort((a, b) => a.hours - b.hours);
  }
}

/** "seen 3 h ago", "seen just now": the age a last known position is labelled with. */
export function seenAgo(seenAt: number, hours: number): string {
  const ago = Math.floor(hours - seenAt);
  return ago < 1 ? "seen just now" : `seen ${ago} h ago`;
}
