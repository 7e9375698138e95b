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

/** The system controllers that count as the occupier's own (its convoys run between them). */
export const occupierControllers = new Set(["cardassia", "terran-empire", "alliance"]);
