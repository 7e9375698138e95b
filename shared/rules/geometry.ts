import type { MatchState, Region, Ship, StarSystem } from "../state/MatchState";
import { AT_SYSTEM_RADIUS } from "./tuning";

/** Even-odd rule over a flat [x0, y0, x1, y1, …] outline. */
export function insideOutline(outline: ArrayLike<number>, x: number, y: number): boolean {
  let inside = false;
  const n = outline.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = outline[i * 2]!;
    const yi = outline[i * 2 + 1]!;
    const xj = outline[j * 2]!;
    const yj = outline[j * 2 + 1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

interface RegionShape {
  outline: Float64Array;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Region outlines never change during a match; reading them from the schema array on every test is the hot path's main cost. */
const shapes = new WeakMap<Region, RegionShape>();

function shapeOf(region: Region): RegionShape {
  let shape = shapes.get(region);
  if (!shape) {
    const outline = Float64Array.from(region.outline);
    const xs = outline.filter((_, i) => i % 2 === 0);
    const ys = outline.filter((_, i) => i % 2 === 1);
    shape = { outline, minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
    shapes.set(region, shape);
  }
  return shape;
}

function inShape(shape: RegionShape, x: number, y: number): boolean {
  if (x < shape.minX || x > shape.maxX || y < shape.minY || y > shape.maxY) return false;
  return insideOutline(shape.outline, x, y);
}

export function inRegion(region: Region, x: number, y: number): boolean {
  return inShape(shapeOf(region), x, y);
}

export function regionsAt(state: MatchState, x: number, y: number): Region[] {
  return mapRegionsOf(state)
    .filter(({ shape }) => inShape(shape, x, y))
    .map(({ region }) => region);
}

export function inRegionKind(state: MatchState, x: number, y: number, kind: string): boolean {
  for (const region of mapRegionsOf(state)) if (region.kind === kind && inShape(region.shape, x, y)) return true;
  return false;
}

/**
 * What lies where a ship is: the kinds of the regions there and the system it is at. Regions and
 * systems stay put through a match, so both change only when the ship moves; the rules ask for them
 * many times a step (speed, sensors, cover, storms, repairs), and work them out once per position.
 */
interface Place {
  x: number;
  y: number;
  regionKinds: string[] | undefined;
  /** null: at no system (undefined: not yet worked out). */
  system: StarSystem | null | undefined;
}

const places = new WeakMap<Ship, Place>();

function placeOf(ship: Ship): Place {
  const { x, y } = ship;
  let place = places.get(ship);
  if (place === undefined) {
    place = { x, y, regionKinds: undefined, system: undefined };
    places.set(ship, place);
  } else if (place.x !== x || place.y !== y) {
    place.x = x;
    place.y = y;
    place.regionKinds = undefined;
    place.system = undefined;
  }
  return place;
}

interface MapRegion {
  region: Region;
  kind: string;
  shape: RegionShape;
}

/**
 * Each state's regions as a plain list: walking the schema array (a Proxy) for every moving ship each
 * step costs more than the tests. Regions are set when a match is created and never change after;
 * a state that is filled again (restoreMatchInto) forgets its list. An empty list is not kept, so a
 * client asking before its first state arrives asks again.
 */
const mapRegions = new WeakMap<MatchState, MapRegion[]>();

function mapRegionsOf(state: MatchState): MapRegion[] {
  let list = mapRegions.get(state);
  if (list === undefined) {
    list = state.regions.map((region) => ({ region, kind: region.kind, shape: shapeOf(region) }));
    if (list.length > 0) mapRegions.set(state, list);
  }
  return list;
}

/** For a state whose regions were replaced. */
export function forgetRegions(state: MatchState): void {
  mapRegions.delete(state);
}

/** The kinds of the regions a point lies in. */
export function regionKindsAt(state: MatchState, x: number, y: number): string[] {
  const kinds: string[] = [];
  for (const { kind, shape } of mapRegionsOf(state)) if (inShape(shape, x, y)) kinds.push(kind);
  return kinds;
}

/** regionKindsAt the ship's position. */
export function shipRegionKinds(state: MatchState, ship: Ship): readonly string[] {
  const place = placeOf(ship);
  place.regionKinds ??= regionKindsAt(state, place.x, place.y);
  return place.regionKinds;
}

/** inRegionKind at the ship's position. */
export function shipInRegionKind(state: MatchState, ship: Ship, kind: string): boolean {
  return shipRegionKinds(state, ship).includes(kind);
}

/** systemAt the ship's position. */
export function shipSystemAt(state: MatchState, ship: Ship): StarSystem | undefined {
  const place = placeOf(ship);
  if (place.system === undefined) place.system = systemAt(state, place.x, place.y) ?? null;
  return place.system ?? undefined;
}

export function distance(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** The system a point is at (within AT_SYSTEM_RADIUS), if any; the nearest wins. */
export function systemAt(state: MatchState, x: number, y: number): StarSystem | undefined {
  let best: StarSystem | undefined;
  let bestDistance = AT_SYSTEM_RADIUS;
  state.systems.forEach((system) => {
    const d = Math.hypot(system.x - x, system.y - y);
    if (d <= bestDistance) {
      best = system;
      bestDistance = d;
    }
  });
  return best;
}

/** The nearest populated system to a point (ties go to the first in map order). */
export function nearestPopulatedSystem(state: MatchState, x: number, y: number): StarSystem | undefined {
  let best: StarSystem | undefined;
  let bestDistance = Infinity;
  state.systems.forEach((system) => {
    if (system.population === 0) return;
    const d = Math.hypot(system.x - x, system.y - y);
    if (d < bestDistance) {
      best = system;
      bestDistance = d;
    }
  });
  return best;
}
