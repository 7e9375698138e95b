import { LIMITS } from "../../shared/protocol/limits";

/** Placing a council mark: off, waiting for a click on the map ("point"), or asking for the note ("note"). */
export type MarkMode = "off" | "point" | "note";

/** What M (or the "Mark the map" button) does: starts placing a mark, or backs out of it; a viewer who cannot mark stays out. */
export function toggledMarkMode(mode: MarkMode, canMark: boolean): MarkMode {
  return mode === "off" && canMark ? "point" : "off";
}

/** The note as the server will take it (trimmed, 1…LIMITS.markCharacters characters), or null when it would be refused. */
export function markNote(raw: string): string | null {
  const text = raw.trim();
  return text.length >= 1 && text.length <= LIMITS.markCharacters ? text : null;
}

/** Whether a world point lies on the map, where the server accepts a mark. */
export function onMap(point: { x: number; y: number }, mapWidth: number, mapHeight: number): boolean {
  return point.x >= 0 && point.y >= 0 && point.x <= mapWidth && point.y <= mapHeight;
}
