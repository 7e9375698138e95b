import type { Cell, MatchState, Ship } from "../state/MatchState";

export type Side = "maquis" | "occupier";

export function sideOfSeat(state: MatchState, seatId: string): Side | undefined {
  const side = state.seats.get(seatId)?.side;
  return side === "maquis" || side === "occupier" ? side : undefined;
}

export function occupierSeatId(state: MatchState): string {
  for (const seat of state.seats.values()) if (seat.side === "occupier") return seat.id;
  return "";
}

export function cellOf(state: MatchState, seatId: string): Cell | undefined {
  return state.cells.get(seatId);
}

export function shipsOfSeat(state: MatchState, seatId: string): Ship[] {
  return [...state.ships.values()].filter((ship) => ship.seat === seatId);
}

/** Controllers an occupier seat holds when the scenario does not say: the Cardassian Union and the mirror universe's powers. */
export const DEFAULT_OCCUPIER_CONTROLLERS = ["cardassia", "terran-empire", "alliance"] as const;

/** Whether a system belongs to the occupier (its convoys run between such systems, and they pay it). */
export function isOccupierSystem(state: MatchState, system: { controller: string }): boolean {
  return state.occupierControllers.includes(system.controller);
}
