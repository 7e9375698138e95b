import type { MatchState } from "../../shared/state/MatchState";

/** The margin around the systems when the map is framed. */
const FRAME_MARGIN = 60;

export interface Frame {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The part of the map where the scenario's systems are, with a margin, inside the map's bounds: a
 * scenario may use a small corner of a large atlas, so the first camera and the minimap frame this.
 */
export function systemsFrame(state: Pick<MatchState, "systems" | "mapWidth" | "mapHeight">): Frame {
  const systems = [...state.systems.values()];
  if (systems.length === 0) return { x: 0, y: 0, width: state.mapWidth, height: state.mapHeight };
  const xs = systems.map((system) => system.x);
  const ys = systems.map((system) => system.y);
  const x = Math.max(0, Math.min(...xs) - FRAME_MARGIN);
  const y = Math.max(0, Math.min(...ys) - FRAME_MARGIN);
  return {
    x,
    y,
    width: Math.min(state.mapWidth, Math.max(...xs) + FRAME_MARGIN) - x,
    height: Math.min(state.mapHeight, Math.max(...ys) + FRAME_MARGIN) - y,
  };
}
