import type { MatchState } from "../../shared/state/MatchState";

/**
 * Everything the colony-standing layer shows, as one string: the layer redraws only when it changes,
 * though the HUD asks four times a second.
 */
export function standingKey(state: MatchState, ownBase: string, zoom: number): string {
  let key = `${ownBase}|${zoom}`;
  state.systems.forEach((system) => {
    key += `|${system.id}:${system.population > 0 ? system.sympathy : "-"}:${system.garrison}`;
  });
  return key;
}
