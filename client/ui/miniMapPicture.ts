import type { MatchState } from "../../shared/state/MatchState";
import type { LastSeen } from "../render/lastSeen";
import { systemsFrame, type Frame } from "../render/mapFrame";
import { palette } from "../theme";

/** What the minimap draws, in world units: every mark is something this viewer's view holds. */
export interface MiniMapPicture {
  frame: Frame;
  systems: { x: number; y: number; colour: number; populated: boolean }[];
  ships: { x: number; y: number; colour: number; own: boolean }[];
  lastSeen: { x: number; y: number; colour: number }[];
  /** The viewer's cell's base, when it has one. */
  base: { x: number; y: number } | null;
}

const sideColour = (side: string) => (side === "maquis" ? palette.maquis : palette.occupier);

/** The whole theatre at a glance, from the viewer's own view of the state (as the big map draws it). */
export function miniMapPicture(state: MatchState, seat: string, lastSeen: readonly LastSeen[]): MiniMapPicture {
  const systems: MiniMapPicture["systems"] = [];
  state.systems.forEach((system) => {
    const populated = system.population > 0;
    systems.push({ x: system.x, y: system.y, populated, colour: populated ? palette.sympathy[system.sympathy + 2]! : palette.systemStar });
  });
  const ships: MiniMapPicture["ships"] = [];
  state.ships.forEach((ship) => {
    const own = ship.seat === seat;
    ships.push({ x: ship.x, y: ship.y, own, colour: own ? palette.ownShip : sideColour(ship.side) });
  });
  const base = state.systems.get(state.cells.get(seat)?.baseSystem ?? "");
  return {
    frame: systemsFrame(state),
    systems,
    ships,
    lastSeen: lastSeen.map((ship) => ({ x: ship.x, y: ship.y, colour: sideColour(ship.side) })),
    base: base ? { x: base.x, y: base.y } : null,
  };
}

/** The scale and offset that fit a frame into a box of the given size, keeping its shape, centred. */
export function fitFrame(frame: Frame, width: number, height: number): { scale: number; offsetX: number; offsetY: number } {
  const scale = Math.min(width / frame.width, height / frame.height);
  return { scale, offsetX: (width - frame.width * scale) / 2 - frame.x * scale, offsetY: (height - frame.height * scale) / 2 - frame.y * scale };
}
