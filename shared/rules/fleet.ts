import type { ShipPlacement } from "../scenario/shipPlacementSchema";
import { Ship, type MatchState } from "../state/MatchState";
import { logEvent } from "./eventLog";
import type { RulesContext } from "./rulesContext";
import { classOf } from "./shipStats";
import { sideOfSeat } from "./sides";
import { REFIT_COST, reputationLoss } from "./tuning";

/** A fresh id; skips any a scenario's own ships already use (a file may well name a ship "convoy-1"). */
export function newId(state: MatchState, prefix: string): string {
  let id: string;
  do {
    id = `${prefix}-${state.nextId}`;
    state.nextId += 1;
  } while (state.ships.has(id));
  return id;
}

/** Puts a ship into the match (start of play, a trigger, a convoy or reinforcements). */
export function spawnShip(state: MatchState, ctx: RulesContext, placement: ShipPlacement): Ship {
  const start = typeof placement.at === "string" ? state.systems.get(placement.at)! : placement.at;
  const side = sideOfSeat(state, placement.seat) ?? "";
  const ship = new Ship({
    id: placement.id,
    name: placement.name,
    shipClass: placement.class,
    seat: placement.seat,
    side,
    x: start.x,
    y: start.y,
    destX: start.x,
    destY: start.y,
    // Maquis ships begin hidden among the colonies.
    underground: side === "maquis",
  });
  const shipClass = classOf(ship);
  ship.hull = shipClass.hull * (placement.hull ?? 1);
  ship.shields = shipClass.shields;
  for (const stop of placement.route ?? []) ship.route.push(stop);
  state.ships.set(ship.id, ship);
  ctx.world?.addShip(state, ship);
  return ship;
}

/** Takes a ship off the map, ending any fight it is in; nothing is counted. */
export function removeShip(state: MatchState, ctx: RulesContext, ship: Ship): void {
  for (const engagement of [...state.engagements.values()])
    if (engagement.attacker === ship.id || engagement.defender === ship.id) endEngagementOf(state, engagement.id);
  state.ships.delete(ship.id);
  ctx.world?.removeShip(ship.id);
}

/** Removes a ship for good: destroyed in battle or captured in a raid. */
export function loseShip(state: MatchState, ctx: RulesContext, ship: Ship, how: string): void {
  removeShip(state, ctx, ship);
  state.lostShips.push(ship.id);
  if (ship.side === "maquis") state.lostMaquis += 1;
  // Convoys are counted apart from warships, though losing either is as public.
  if (ship.convoy) state.convoysLost += 1;
  else if (ship.side === "occupier") state.lostOccupier += 1;
  // A public Maquis success: the occupier's government notices.
  if (ship.side === "occupier") state.reputation = Math.max(0, state.reputation - reputationLoss.shipLost);
  logEvent(state, "all", "loss", `${ship.name} (${classOf(ship).name}) ${how}.`, ship);
}

/** Clears an engagement and frees the ships in it. */
export function endEngagementOf(state: MatchState, engagementId: string): void {
  const engagement = state.engagements.get(engagementId);
  if (!engagement) return;
  for (const id of [engagement.attacker, engagement.defender]) {
    const ship = state.ships.get(id);
    if (ship && ship.engagement === engagementId) ship.engagement = "";
  }
  state.engagements.delete(engagementId);
}

function hasShips(state: MatchState, seat: string): boolean {
  for (const ship of state.ships.values()) if (ship.seat === seat) return true;
  return false;
}

/** A cell with no ships left but a safe base and the means fields another small craft there. */
export function fieldNewFighters(state: MatchState, ctx: RulesContext): void {
  for (const cell of state.cells.values()) {
    if (cell.eliminated || state.occupier.foundBases.has(cell.id) || !state.systems.has(cell.baseSystem)) continue;
    if (cell.supplies < REFIT_COST.supplies || cell.recruits < REFIT_COST.recruits) continue;
    if (hasShips(state, cell.id)) continue;
    cell.supplies -= REFIT_COST.supplies;
    cell.recruits -= REFIT_COST.recruits;
    const ship = spawnShip(state, ctx, { id: newId(state, "fighter"), name: `Fighter ${state.nextId - 1}`, class: "maquis-fighter", seat: cell.id, at: cell.baseSystem });
    logEvent(state, cell.id, "refit", `The cell has fielded a new fighter, ${ship.name}.`);
  }
}
