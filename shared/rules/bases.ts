import type { Cell, MatchState } from "../state/MatchState";
import { logEvent } from "./eventLog";

/** The occupier learns where a cell's base is. */
export function locateBase(state: MatchState, cell: Cell, how: string): void {
  if (cell.eliminated || cell.baseSystem === "" || state.occupier.foundBases.has(cell.id)) return;
  state.occupier.foundBases.set(cell.id, cell.baseSystem);
  const where = state.systems.get(cell.baseSystem)?.name ?? cell.baseSystem;
  logEvent(state, "occupier", "base", `Intelligence places a Maquis base at ${where} (${how}).`, state.systems.get(cell.baseSystem));
  logEvent(state, cell.id, "base", `The occupier has found our base at ${where}.`, state.systems.get(cell.baseSystem));
}
