import type { MatchState } from "../state/MatchState";
import { locateBase } from "./bases";
import { logEvent } from "./eventLog";
import { newId, spawnShip } from "./fleet";
import { distance, inRegionKind } from "./geometry";
import { chance } from "./random";
import type { RulesContext } from "./rulesContext";
import { classOf } from "./shipStats";
import { isOccupierSystem } from "./sides";
import {
  AT_SYSTEM_RADIUS,
  BASE_DETECTION_EXPOSURE,
  PACIFY_CHANCE_PER_GARRISON,
  PACIFY_FLOOR,
  LIE_LOW_EXPOSURE_PER_DAY,
  RECRUITS_FROM_DEVOTED_COLONY,
  REFIT_COST,
  reputationLoss,
  SUPPLIES_PER_SYMPATHY,
  intelDrift,
  requisitionYield,
} from "./tuning";

const HOURS_PER_DAY = 24;

/** Sympathetic colonies feed the cell whose base is nearest; loyal ones pay the occupier. */
function collectYields(state: MatchState): void {
  const cells = [...state.cells.values()].filter((cell) => !cell.eliminated && cell.baseSystem !== "");
  for (const system of state.systems.values()) {
    if (system.population === 0) continue;
    if (system.sympathy >= 1 && cells.length > 0) {
      let nearest = cells[0]!;
      let best = Infinity;
      for (const cell of cells) {
        const d = distance(system, state.systems.get(cell.baseSystem)!);
        if (d < best) [nearest, best] = [cell, d];
      }
      nearest.supplies += system.sympathy * SUPPLIES_PER_SYMPATHY;
      if (system.sympathy === 2) nearest.recruits += RECRUITS_FROM_DEVOTED_COLONY;
    }
    if (system.sympathy <= 0 && isOccupierSystem(state, system))
      state.occupier.requisition +=
        requisitionYield.base - requisitionYield.perLoyalty * system.sympathy + Math.min(system.garrison, requisitionYield.garrisonsCounted) * requisitionYield.perGarrison;
  }
}

/** Intel drifts: garrisons and loyalty feed the occupier's, sympathy feeds the Maquis'. */
function driftIntel(state: MatchState): void {
  for (const system of state.systems.values()) {
    const occupierGain =
      system.garrison * intelDrift.occupierPerGarrison +
      (system.sympathy < 0 ? intelDrift.occupierFromLoyalColony : 0) -
      (system.sympathy > 0 ? system.sympathy * intelDrift.occupierLostPerSympathy : 0);
    system.intelOccupier = Math.max(0, Math.min(100, system.intelOccupier + occupierGain));
    const maquisGain = system.sympathy * intelDrift.maquisPerSympathy - system.garrison * intelDrift.maquisLostPerGarrison;
    system.intelMaquis = Math.max(0, Math.min(100, system.intelMaquis + maquisGain));
  }
}

/** Garrisons slowly win quiet colonies over, unless a Maquis ship is there to remind them. */
function pacify(state: MatchState): void {
  for (const system of state.systems.values()) {
    if (system.garrison === 0 || system.population === 0 || system.sympathy <= PACIFY_FLOOR) continue;
    const maquisPresent = [...state.ships.values()].some((ship) => ship.side === "maquis" && distance(ship, system) <= AT_SYSTEM_RADIUS);
    if (!maquisPresent && chance(state, PACIFY_CHANCE_PER_GARRISON * system.garrison)) system.sympathy -= 1;
  }
}

/** Exposure falls while a cell lies low; a hot cell may have its base found by the occupier's intelligence. */
function coolAndHunt(state: MatchState): void {
  for (const cell of state.cells.values()) {
    if (cell.eliminated) continue;
    if (state.hours - cell.lastOperationHour >= HOURS_PER_DAY) cell.exposure = Math.max(0, cell.exposure - LIE_LOW_EXPOSURE_PER_DAY);
    const base = state.systems.get(cell.baseSystem);
    if (!base || cell.exposure < BASE_DETECTION_EXPOSURE) continue;
    const odds = ((cell.exposure - BASE_DETECTION_EXPOSURE) / 100) * (0.25 + base.intelOccupier / 100);
    if (chance(state, odds)) locateBase(state, cell, "the cell's own notoriety");
  }
}

/** Warships inside the zone while the treaty holds are a breach, and the occupier's government pays for each. */
function chargeTreatyBreaches(state: MatchState): void {
  if (!state.treaty) return;
  let breaches = 0;
  for (const ship of state.ships.values())
    if (ship.side === "occupier" && classOf(ship).size === "large" && inRegionKind(state, ship.x, ship.y, "zone")) breaches += 1;
  if (breaches === 0) return;
  state.reputation = Math.max(0, state.reputation - breaches * reputationLoss.treatyBreach);
  logEvent(state, "all", "treaty", `${breaches} occupier warship${breaches === 1 ? "" : "s"} in the zone breach the treaty.`);
}

/** A cell with no ships left but a safe base and the means finds another small craft. */
function refitCells(state: MatchState, ctx: RulesContext): void {
  for (const cell of state.cells.values()) {
    if (cell.eliminated || state.occupier.foundBases.has(cell.id) || !state.systems.has(cell.baseSystem)) continue;
    if ([...state.ships.values()].some((ship) => ship.seat === cell.id)) continue;
    if (cell.supplies < REFIT_COST.supplies || cell.recruits < REFIT_COST.recruits) continue;
    cell.supplies -= REFIT_COST.supplies;
    cell.recruits -= REFIT_COST.recruits;
    const ship = spawnShip(state, ctx, { id: newId(state, "fighter"), name: `Fighter ${state.nextId - 1}`, class: "maquis-fighter", seat: cell.id, at: cell.baseSystem });
    logEvent(state, cell.id, "refit", `The cell has fielded a new fighter, ${ship.name}.`);
  }
}

/** Runs once at each dawn of the game clock. */
export function stepDay(state: MatchState, ctx: RulesContext): void {
  collectYields(state);
  driftIntel(state);
  pacify(state);
  coolAndHunt(state);
  chargeTreatyBreaches(state);
  refitCells(state, ctx);
}

export function isDawn(state: MatchState, previousHours: number): boolean {
  return Math.floor(state.hours / HOURS_PER_DAY) > Math.floor(previousHours / HOURS_PER_DAY);
}

export function dayOf(hours: number): number {
  return Math.floor(hours / HOURS_PER_DAY) + 1;
}
