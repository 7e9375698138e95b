/** What the map needs of a log entry to draw it as a council mark (a LogEntry has all of it). */
export interface MarkSource {
  tick: number;
  hours: number;
  kind: string;
  text: string;
  x: number;
  y: number;
}

/** A council mark as the map draws it: a pin at a point with its note, faded as it ages. */
export interface MarkPin {
  /** Stable while the mark lives: redraws compare these, not the log. */
  id: string;
  x: number;
  y: number;
  text: string;
  alpha: number;
}

/** Only the newest marks are drawn, so the map stays readable when a side marks a lot. */
export const MAX_MARKS_SHOWN = 8;
/** Marks older than this many rounds of the scenario are dropped from the map (the log keeps them). */
export const MARK_ROUNDS_SHOWN = 2;
/** A mark fades in this many steps over its life on the map, from full to MIN_MARK_ALPHA. */
export const MARK_FADE_STEPS = 4;
export const MIN_MARK_ALPHA = 0.4;

/**
 * The council marks to draw, oldest first: the log's "mark" entries that point somewhere, no older than
 * MARK_ROUNDS_SHOWN rounds of game time, at most the newest MAX_MARKS_SHOWN. Alpha falls in a few
 * coarse steps with age, so the picture (and its key) changes a handful of times in a mark's life, not every patch.
 */
export function marksToShow(log: Iterable<MarkSource>, nowHours: number, roundHours: number): MarkPin[] {
  const lifeHours = roundHours > 0 ? roundHours * MARK_ROUNDS_SHOWN : Number.POSITIVE_INFINITY;
  const marks: (MarkSource & { age: number })[] = [];
  for (const entry of log) {
    if (entry.kind !== "mark" || entry.x < 0 || entry.y < 0) continue;
    const age = Math.max(0, nowHours - entry.hours);
    if (age > lifeHours) continue;
    marks.push({ tick: entry.tick, hours: entry.hours, kind: entry.kind, text: entry.text, x: entry.x, y: entry.y, age });
  }
  // Entries reach a client in the order they became visible to it; the map wants the order they were made.
  marks.sort((a, b) => a.hours - b.hours || a.tick - b.tick);
  return marks.slice(-MAX_MARKS_SHOWN).map((mark) => ({
    id: `${mark.tick}:${mark.x}:${mark.y}:${mark.text}`,
    x: mark.x,
    y: mark.y,
    text: mark.text,
    alpha: fadeOf(mark.age, lifeHours),
  }));
}

function fadeOf(age: number, lifeHours: number): number {
  if (!Number.isFinite(lifeHours)) return 1;
  const step = Math.min(MARK_FADE_STEPS - 1, Math.floor((age / lifeHours) * MARK_FADE_STEPS));
  return Math.round((1 - (step * (1 - MIN_MARK_ALPHA)) / (MARK_FADE_STEPS - 1)) * 100) / 100;
}

/** Equal keys mean the same picture: the layer redraws only when this changes. */
export function marksKey(pins: readonly MarkPin[]): string {
  return pins.map((pin) => `${pin.id}@${pin.alpha}`).join("\n");
}
