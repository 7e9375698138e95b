import { occupierWatchers, type Watcher } from "../../shared/rules/detection";
import { sensorReach } from "../../shared/rules/shipStats";
import type { Side } from "../../shared/rules/sides";
import { INTEL_WATCH_LEVEL, INTEL_WATCH_RANGE } from "../../shared/rules/tuning";
import type { MatchState } from "../../shared/state/MatchState";

/**
 * One ring of the sensor picture: a watcher's reach, whether it moves (a ship) or stays put (a sensor
 * post, informants), whose eyes it is, and whether they are the viewer's own side's.
 */
export interface SensorRing {
  x: number;
  y: number;
  range: number;
  kind: "ship" | "post";
  side: Side;
  own: boolean;
}

/** A ship's sensors move with it; anything else (a garrison's sensor post, informants) stays put. */
export function watcherKind(watcher: Watcher): SensorRing["kind"] {
  return watcher.kind === "ship" ? "ship" : "post";
}

export function sensorRings(watchers: readonly Watcher[], side: Side, own: boolean): SensorRing[] {
  return watchers.map((watcher) => ({ x: watcher.x, y: watcher.y, range: watcher.range, kind: watcherKind(watcher), side, own }));
}

/** The Maquis side's eyes in a state: its ships' sensors and the colonies where its informants report. */
function maquisRings(state: MatchState, own: boolean): SensorRing[] {
  const rings: SensorRing[] = [];
  state.ships.forEach((ship) => {
    if (ship.side === "maquis") rings.push({ x: ship.x, y: ship.y, range: sensorReach(state, ship), kind: "ship", side: "maquis", own });
  });
  state.systems.forEach((system) => {
    if (system.intelMaquis >= INTEL_WATCH_LEVEL) rings.push({ x: system.x, y: system.y, range: INTEL_WATCH_RANGE, kind: "post", side: "maquis", own });
  });
  return rings;
}

/**
 * What a side knows of both sides' sensor ranges, from its own view of the state: all of its own eyes,
 * and the other side's as far as it sees them (their ships in sight, garrisons; never the other side's
 * informants, whose intel the server does not send). The same rules that decide what each side sees.
 */
export function sensorPicture(state: MatchState, viewer: Side): SensorRing[] {
  const occupier = sensorRings(occupierWatchers(state), "occupier", viewer === "occupier");
  // The enemy's rings first, so the viewer's own are drawn over them.
  return viewer === "maquis" ? [...occupier, ...maquisRings(state, true)] : [...maquisRings(state, false), ...occupier];
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
      old.side !== ring.side ||
      old.own !== ring.own ||
      Math.hypot(ring.x - old.x, ring.y - old.y) >= worldUnitsPerPixel ||
      Math.abs(ring.range - old.range) >= worldUnitsPerPixel
    );
  });
}
