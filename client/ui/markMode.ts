import { LIMITS } from "../../shared/protocol/limits";

/** Placing a council mark: off, waiting for a click on the map ("point"), or asking for the note ("note"). */
export type MarkMode = "off" | "point" | "note";

/** The parts of a KeyboardEvent the shortcut reads. */
export interface KeyPress {
  key: string;
  repeat: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * What a key press does to mark mode: M starts it (or backs out of picking a point), Escape cancels it
 * at any step, even from the note field. M is ignored while typing (a chat line or the note itself),
 * with Ctrl, Cmd or Alt held, on auto-repeat, and for a viewer who cannot mark (a spectator).
 */
export function markKeyAction(press: KeyPress, typing: boolean, mode: MarkMode, canMark: boolean): "toggle" | "cancel" | null {
  if (press.key === "Escape") return mode === "off" ? null : "cancel";
  if (press.key.toLowerCase() !== "m" || press.repeat || press.ctrlKey || press.metaKey || press.altKey || typing) return null;
  if (mode === "off" && !canMark) return null;
  return "toggle";
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
