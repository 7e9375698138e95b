import type { MatchState, Ship } from "../state/MatchState";
import { logEvent } from "./eventLog";
import { distance, regionKindsAt, shipRegionKinds, shipSystemAt, systemAt } from "./geometry";
import { chance } from "./random";
import { classOf, effectiveSensorRange, SHIP_BODY_RADIUS } from "./shipStats";
import { timeScale } from "./timeScale";
import { detection, GARRISON_SENSOR_RANGE, INTEL_WATCH_LEVEL, INTEL_WATCH_RANGE } from "./tuning";
import { sideObserves } from "./visibility";

/** One of the occupier's eyes: a ship's sensors, a garrison's sensor post, or colonists who report. */
export interface Watcher {
  /** A ship's sensors, a garrison's sensor post, or colonists who report (the occupier's secret). */
  kind: "ship" | "post" | "informants";
  x: number;
  y: number;
  range: number;
  strength: number;
  /** The watching ship's name, or the watched system's. */
  name: string;
  /** The watching ship, for a ship's sensors. */
  shipId?: string;
}

/** How a sighting by a watcher reads in the log: "the sensors of the Trager". */
export function watcherPhrase(watcher: Watcher): string {
  if (watcher.kind === "ship") return `the sensors of the ${watcher.name}`;
  return watcher.kind === "post" ? `the sensor post at ${watcher.name}` : `informants at ${watcher.name}`;
}

/**
 * The occupier's watchers in a state. On the server that is all of them; run on a Maquis client's view
 * it is what the Maquis know watches them (the occupier ships they see and the public garrisons), so
 * the sensor picture a player reads is the server's rule applied to what that player can see.
 */
export function occupierWatchers(state: MatchState): Watcher[] {
  const watchers: Watcher[] = [];
  for (const ship of state.ships.values()) {
    if (ship.side !== "occupier") continue;
    const range = effectiveSensorRange(state, ship);
    if (range <= 0) continue;
    const strength = classOf(ship).sensorRange / detection.referenceSensorRange;
    watchers.push({ kind: "ship", x: ship.x, y: ship.y, range: range + SHIP_BODY_RADIUS, strength, name: ship.name, shipId: ship.id });
  }
  for (const system of state.systems.values()) {
    if (system.garrison > 0)
      watchers.push({ kind: "post", x: system.x, y: system.y, range: GARRISON_SENSOR_RANGE, strength: detection.strength.garrison, name: system.name });
    else if (system.intelOccupier >= INTEL_WATCH_LEVEL)
      watchers.push({ kind: "informants", x: system.x, y: system.y, range: INTEL_WATCH_RANGE, strength: detection.strength.informants, name: system.name });
  }
  return watchers;
}

const COVER_KINDS = ["plasma-storm", "nebula", "asteroid-field"] as const;

/** The best cover among the kinds of region at a place, or a hollowed moon for a ship parked at it. */
function coverOf(regionKinds: readonly string[], parkedAtHollowedMoon: boolean): number {
  let cover: number = detection.cover.open;
  for (const kind of COVER_KINDS) if (regionKinds.includes(kind)) cover = Math.min(cover, detection.cover[kind]);
  if (parkedAtHollowedMoon) cover = Math.min(cover, detection.cover.hollowedMoon);
  return cover;
}

/** The cover at a point: the best of the regions there, or a hollowed moon for a ship parked at it. */
export function coverAtPoint(state: MatchState, x: number, y: number, parked: boolean): number {
  return coverOf(regionKindsAt(state, x, y), parked && (systemAt(state, x, y)?.hollowedMoon ?? false));
}

/** The cover a ship has where it is. */
export function coverAt(state: MatchState, ship: Ship): number {
  return coverOf(shipRegionKinds(state, ship), !ship.moving && (shipSystemAt(state, ship)?.hollowedMoon ?? false));
}

/** What the ship is doing, as the detection odds see it. */
export function activityOf(state: MatchState, ship: Ship): number {
  if (state.hours < ship.readyAt) return detection.activity.acting;
  return ship.moving ? detection.activity.moving : detection.activity.still;
}

/** What the target brings to every watcher's odds: its stealth, its cover and what it is doing, per hour of the time unit. */
function targetFactor(state: MatchState, target: Ship): number {
  return ((1 - classOf(target).stealth / 100) * coverAt(state, target) * activityOf(state, target)) / timeScale(state);
}

/** The watcher's own share: its strength and how close the target is; 0 out of its range. */
function watcherFactor(watcher: Watcher, target: { x: number; y: number }): number {
  const d = distance(watcher, target);
  if (d > watcher.range) return 0;
  const closeness = detection.edgeFactor + (1 - detection.edgeFactor) * (1 - d / watcher.range);
  return detection.ratePerHour * watcher.strength * closeness;
}

/** One watcher's hazard (expected sightings per game hour) on a ship; 0 out of its range. */
export function watcherHazard(state: MatchState, watcher: Watcher, target: Ship): number {
  const own = watcherFactor(watcher, target);
  return own === 0 ? 0 : own * targetFactor(state, target);
}

/**
 * The chance that a hidden ship of this stealth would be seen within one hour of the time unit at a
 * point, doing what it would be doing there: for planning ("is it safe to work that colony?").
 */
export function riskAt(state: MatchState, stealth: number, point: { x: number; y: number }, activity: keyof typeof detection.activity, watchers: readonly Watcher[]): number {
  let hazard = 0;
  for (const watcher of watchers) hazard += watcherFactor(watcher, point);
  const factor = (1 - stealth / 100) * coverAtPoint(state, point.x, point.y, activity !== "moving") * detection.activity[activity];
  return 1 - Math.exp(-hazard * factor);
}

/** The chance that a hidden ship is seen within one hour of its scenario's time unit, from these watchers. */
export function detectionRiskPerHour(state: MatchState, target: Ship, watchers: readonly Watcher[]): number {
  let hazard = 0;
  for (const watcher of watchers) hazard += watcherFactor(watcher, target);
  return hazard === 0 ? 0 : 1 - Math.exp(-hazard * targetFactor(state, target) * timeScale(state));
}

/** Every step, each hidden Maquis ship in range of the occupier's watchers may be picked up. */
export function stepDetection(state: MatchState): void {
  let watchers: Watcher[] | undefined;
  for (const ship of state.ships.values()) {
    if (ship.side !== "maquis" || !ship.underground) continue;
    watchers ??= occupierWatchers(state);
    let hazard = 0;
    let strongest: Watcher | undefined;
    let strongestHazard = 0;
    for (const watcher of watchers) {
      const h = watcherFactor(watcher, ship);
      hazard += h;
      if (h > strongestHazard) [strongest, strongestHazard] = [watcher, h];
    }
    if (strongest && chance(state, 1 - Math.exp(-hazard * targetFactor(state, ship) * state.hoursPerTick))) reveal(state, ship, `was picked up by ${watcherPhrase(strongest)}`);
  }
}

/** Whether the occupier's eyes (ship sensors, garrisons, well-informed systems) cover the point where a ship is. */
export function observedByOccupier(state: MatchState, target: Ship): boolean {
  return sideObserves(state, "occupier", target);
}

function whereIs(state: MatchState, ship: Ship): string {
  const system = shipSystemAt(state, ship);
  return system ? `at ${system.name}` : `near (${Math.round(ship.x)}, ${Math.round(ship.y)})`;
}

/** An underground ship that acts where the occupier can see it becomes active (visible) until it goes dark again. */
export function revealIfObserved(state: MatchState, ship: Ship): void {
  if (ship.side !== "maquis" || !ship.underground || !observedByOccupier(state, ship)) return;
  reveal(state, ship, "was seen acting");
}

export function reveal(state: MatchState, ship: Ship, how: string): void {
  if (!ship.underground) return;
  ship.underground = false;
  ship.stance = ship.stance === "dark" ? "" : ship.stance;
  ship.darkHours = 0;
  logEvent(state, "occupier", "sighting", `A Maquis ship, ${ship.name}, ${how} ${whereIs(state, ship)}.`, ship);
  logEvent(state, ship.seat, "exposed", `${ship.name} ${how} ${whereIs(state, ship)}: the occupier can see it now.`, ship);
}
