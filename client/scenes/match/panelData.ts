import { shipClasses } from "../../../shared/scenario/shipClassSchema";
import type { MatchState, Ship } from "../../../shared/state/MatchState";
import { formatHours } from "../../../shared/rules/timeScale";
import { formatClock } from "../../ui/formatClock";
import { seenAgo, type LastSeen } from "../../render/lastSeen";
import type { LastSeenRow } from "../../ui/FleetPanel";
import type { HidingStatus } from "../../ui/hidingRisk";
import type { PlayerRow } from "../../ui/MatchControls";
import type { ShipRow } from "../../ui/MatchHud";
import type { LogRow, ObjectiveRow } from "../../ui/SidePanel";
import { placeOf, whereabouts } from "../../ui/whereabouts";

/** How many of the newest log lines the side panel lists. */
const LOG_LINES_SHOWN = 12;

/** The seat's own ships and the contacts it sees, as the ship list shows them. */
export function shipRows(state: MatchState, seat: string, hidingOf: (ship: Ship) => HidingStatus | undefined): { own: ShipRow[]; contacts: ShipRow[] } {
  const own: ShipRow[] = [];
  const contacts: ShipRow[] = [];
  state.ships.forEach((ship) => {
    const row: ShipRow = {
      id: ship.id,
      name: ship.name,
      className: shipClasses.get(ship.shipClass)?.name ?? ship.shipClass,
      x: ship.x,
      y: ship.y,
      moving: ship.moving,
      where: whereabouts(state, ship),
      hiding: hidingOf(ship),
    };
    (ship.seat === seat ? own : contacts).push(row);
  });
  return { own, contacts };
}

/** Where the other side's ships were last seen, newest first, in words. */
export function lastSeenRows(state: MatchState, lastSeen: readonly LastSeen[]): LastSeenRow[] {
  return [...lastSeen]
    .reverse()
    .map((ship) => ({ id: ship.id, name: ship.name, x: ship.x, y: ship.y, when: `${placeOf(state, ship)}, ${seenAgo(ship.hours, state.hours)}` }));
}

export function clockLine(state: MatchState): string {
  return `${formatClock(state.year, state.hours)} of ${formatHours(state.lengthHours)}`;
}

/** What the seat holds: a cell's goods and base, or the occupier's requisition and reinforcements. */
export function holdingsOf(state: MatchState, seat: string, side: string): [string, string][] {
  const cell = state.cells.get(seat);
  if (cell) {
    return [
      ["Supplies", String(Math.floor(cell.supplies))],
      ["Weapons", String(Math.floor(cell.weapons))],
      ["Recruits", String(Math.floor(cell.recruits))],
      ["Exposure", `${Math.round(cell.exposure)}%`],
      ["Base", state.systems.get(cell.baseSystem)?.name ?? "none"],
    ];
  }
  if (side === "occupier" && state.occupier?.requisition !== undefined) {
    return [
      ["Requisition", String(Math.floor(state.occupier.requisition))],
      ["Reinforcements", String(state.occupier.reinforcementsLeft)],
    ];
  }
  return [];
}

export function objectiveRows(state: MatchState): ObjectiveRow[] {
  return state.objectives.map(({ id, side, text, points, status, have, need }) => ({
    id,
    side,
    text,
    points,
    status,
    progress: need > 0 ? `${Math.min(have, need)} of ${need}` : "",
  }));
}

/** Where a cell may still move its base (only before its first operation). */
export function baseOptions(state: MatchState, seat: string): { id: string; name: string }[] {
  const cell = state.cells.get(seat);
  if (!cell || cell.baseChosen) return [];
  return [...cell.baseCandidates].filter((id) => id !== cell.baseSystem).map((id) => ({ id, name: state.systems.get(id)?.name ?? id }));
}

/** The newest log lines, newest first. */
export function logRows(state: MatchState): LogRow[] {
  // Sorted by time: entries reach this client in the order they became visible to it, not the order they were written.
  return [...state.log]
    .sort((a, b) => b.tick - a.tick)
    .slice(0, LOG_LINES_SHOWN)
    .map((entry, i) => ({
      key: `${entry.tick}-${i}`,
      when: `day ${Math.floor(entry.hours / 24) + 1}`,
      text: entry.text,
      kind: entry.kind,
      ...(entry.kind === "mark" && entry.x >= 0 && entry.y >= 0 ? { at: { x: entry.x, y: entry.y } } : {}),
    }));
}

export function playerRows(state: MatchState): PlayerRow[] {
  return [...state.seats.values()].map((seat) => ({
    seat: seat.id,
    seatName: seat.name,
    playerName: seat.playerName,
    occupied: seat.occupied,
    connected: seat.connected,
    speedVote: seat.speedVote,
  }));
}
