import type { DraftPath } from "../../shared/scenario/draftDocument";
import type { IdKind } from "../../shared/scenario/idSchema";

/** A field's place as the parser's problems name it: "map.systems.3.sympathy". */
export const pathKey = (path: DraftPath) => path.map(String).join(".");

const list = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((item): item is Record<string, unknown> => typeof item === "object" && item !== null && !Array.isArray(item)) : [];
const ids = (items: Record<string, unknown>[]) => [...new Set(items.map((item) => item.id).filter((id): id is string => typeof id === "string" && id !== ""))];

/**
 * The ids a field may name, by what they name: the draft's systems, seats, Maquis cells, objectives,
 * and ships (those placed at the start, and those a trigger spawns or sends as a convoy).
 */
export function referableIds(draft: Record<string, unknown>): Record<IdKind, string[]> {
  const map = (draft.map ?? {}) as Record<string, unknown>;
  const seats = list(draft.seats);
  const effects = list(draft.triggers).flatMap((trigger) => list(trigger.then));
  const spawned = effects.flatMap((effect) => (effect.kind === "spawn" ? list([effect.ship]) : effect.kind === "convoy" ? [effect] : []));
  return {
    system: ids(list(map.systems)),
    seat: ids(seats),
    "maquis-seat": ids(seats.filter((seat) => seat.side === "maquis")),
    objective: ids(list(draft.objectives)),
    ship: ids([...list(draft.forces), ...spawned]),
  };
}

/** What each referable id is called (a system's or a seat's name, an objective's text), for the lists that offer them. */
export function namesOfIds(draft: Record<string, unknown>): Map<string, string> {
  const map = (draft.map ?? {}) as Record<string, unknown>;
  const named = [...list(map.systems), ...list(draft.seats), ...list(draft.forces)].map((item) => [item.id, item.name] as const);
  const objectives = list(draft.objectives).map((item) => [item.id, item.text] as const);
  return new Map(
    [...named, ...objectives].filter((pair): pair is readonly [string, string] => typeof pair[0] === "string" && typeof pair[1] === "string" && pair[1] !== "").map(([id, name]) => [id, name]),
  );
}

/**
 * What the id at this path names, for renaming the references to it: a system, a seat (a Maquis cell is
 * named both as a seat and as a cell), an objective, or a ship (placed at the start, spawned or sent as a convoy).
 */
export function idKindsAt(path: DraftPath, draft: Record<string, unknown>): IdKind[] {
  const key = path.map(String).join(".");
  if (/^map\.systems\.\d+\.id$/.test(key)) return ["system"];
  if (/^objectives\.\d+\.id$/.test(key)) return ["objective"];
  if (/^forces\.\d+\.id$/.test(key) || /^triggers\.\d+\.then\.\d+\.(ship\.)?id$/.test(key)) return ["ship"];
  const seat = /^seats\.(\d+)\.id$/.exec(key);
  if (seat) {
    const side = (list(draft.seats)[Number(seat[1])] ?? {}).side;
    return side === "maquis" ? ["seat", "maquis-seat"] : ["seat"];
  }
  return [];
}
