/** What the match tells a player as it happens: a toast to read, a sound to hear, a place to look. */
export type MatchEventKind = "contact" | "fight" | "raid" | "loss" | "baseFound" | "exposed" | "objective" | "news" | "end";

export interface MatchEvent {
  kind: MatchEventKind;
  text: string;
  /** Where on the map it happened, when it happened somewhere. */
  at?: { x: number; y: number };
}

/** The parts of a log entry an event is made from (a LogEntry has them all). */
export interface LogSource {
  kind: string;
  text: string;
  x: number;
  y: number;
}

/** The parts of a ship a contact event is made from. */
export interface ContactSource {
  id: string;
  name: string;
  side: string;
  convoy: boolean;
  x: number;
  y: number;
}

/** A ship that slips out of sight and back within this long is not news again (it flickers at the edge of sensors). */
export const CONTACT_QUIET_MS = 20_000;

/** Which log lines are worth a toast, and as what. Routine lines (rounds, own operations) stay in the log. */
const eventOfLogKind: Record<string, MatchEventKind> = {
  engagement: "fight",
  raid: "raid",
  strike: "raid",
  sabotage: "raid",
  loss: "loss",
  base: "baseFound",
  exposed: "exposed",
  objective: "objective",
  briefing: "news",
  treaty: "news",
  doom: "news",
  harm: "news",
  end: "end",
};

/**
 * Turns what reaches the client into events, once each: new log lines it may read, and enemy ships
 * coming into sight. What was already there when the player arrived (a reload) is not news.
 */
export class MatchEventFeed {
  private readonly seenLines = new WeakSet<object>();
  /** Enemy ships in sight now (Infinity) or when each was last lost from sight (performance.now()). */
  private readonly contacts = new Map<string, number>();
  private primed = false;

  /** Marks what is there now as known; call once with the first state. */
  prime(log: Iterable<LogSource & object>, ships: Iterable<ContactSource>): void {
    for (const line of log) this.seenLines.add(line);
    for (const ship of ships) this.contacts.set(ship.id, Infinity);
    this.primed = true;
  }

  /** The log lines not seen before, as events (those worth one). */
  newLines(log: Iterable<LogSource & object>): MatchEvent[] {
    if (!this.primed) return [];
    const events: MatchEvent[] = [];
    for (const line of log) {
      if (this.seenLines.has(line)) continue;
      this.seenLines.add(line);
      const kind = eventOfLogKind[line.kind];
      if (kind) events.push({ kind, text: line.text, ...(line.x >= 0 && line.y >= 0 ? { at: { x: line.x, y: line.y } } : {}) });
    }
    return events;
  }

  /** A ship came into view: news if it is the other side's and was not in sight a moment ago. */
  shipAppeared(ship: ContactSource, watching: string, now: number): MatchEvent | null {
    if (!this.primed) return null;
    const lostAt = this.contacts.get(ship.id);
    this.contacts.set(ship.id, Infinity);
    if (ship.side === watching || (watching !== "maquis" && watching !== "occupier")) return null;
    if (lostAt !== undefined && (lostAt === Infinity || now - lostAt < CONTACT_QUIET_MS)) return null;
    const what = ship.convoy ? "a convoy" : ship.side === "maquis" ? "a Maquis ship" : "an occupier ship";
    return { kind: "contact", text: `Contact: ${ship.name}, ${what}.`, at: { x: ship.x, y: ship.y } };
  }

  /** A ship left this client's view. */
  shipGone(id: string, now: number): void {
    if (this.contacts.has(id)) this.contacts.set(id, now);
  }
}
