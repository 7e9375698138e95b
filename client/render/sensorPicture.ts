import type { Watcher } from "../../shared/rules/detection";

/** One ring of the sensor picture: a watcher's reach, and whether it moves (a ship) or stays put (a sensor post). */
export interface SensorRing {
  x: number;
  y: number;
  range: number;
  kind: "ship" | "post";
}

/** A ship's sensors move with it; anything else (a garrison's sensor post, informants) stays put. */
export function watcherKind(watcher: Watcher): SensorRing["kind"] {
  return watcher.kind === "ship" ? "ship" : "post";
}

export function sensorRings(watchers: readonly Watcher[]): SensorRing[] {
  return watchers.map((watcher) => ({ x: watcher.x, y: watcher.y, range: watcher.range, kind: watcherKind(watcher) }));
}

/**
 * Whether the rings on screen are out of date: a ring came or went, or one moved or grew by at least
 * a screen pixel. Anything less would redraw the same picture, so it is left as it is.
 */
export function sensorPictureChanged(drawn: readonly SensorRing[], next: readonly SensorRing[], worldUnitsPerPixel: number): boolean {
  if (drawn.length !== next.length) return true;
  return next.some((ring, i) => {
    const old = drawn[i]!;
    return (
      old.kind !== ring.kind ||
      Math.hypot(ring.x - old.x, ring.y - old.y) >= worldUnitsPerPixel ||
      Math.abs(ring.range - old.range) >= worldUnitsPerPixel
    );
  });
}
