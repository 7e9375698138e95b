import type { Cell, MatchState, StarSystem } from "../state/MatchState";
import { locateBase } from "./bases";
import { crossed } from "./clock";
import { goalProgress } from "./victory";
import { logEvent } from "./eventLog";
import { distance } from "./geometry";
import { populationWeight } from "./populationWeight";
import { chance } from "./random";
import { baseSiteCoverOf } from "./siteCover";
import type { RulesContext } from "./rulesContext";
import { isOccupierSystem, type Side } from "./sides";
import {
  AT_SYSTEM_RADIUS,
  BASE_DETECTION_EXPOSURE,
  baseHunt,
  intelDrift,
  LIE_LOW_EXPOSURE_PER_ROUND,
  LIE_LOW_MIN_SHARE,
  maquisStanding,
  PACIFY_CHANCE_PER_GARRISON,
  PACIFY_FLOOR,
  roundIncome,
} from "./tuning";

/** What a round brought each side, for its report. */
interface RoundTally {
  supplies: Map<string, number>;
  recruits: Map<string, number>;
  requisition: number;
}

const clamp100 = (value: number) => Math.max(0, Math.min(100, value));

function nearestCell(state: MatchState, cells: Cell[], system: { x: number; y: number }): Cell {
  let nearest = cells[0]!;
  let best = Infinity;
  for (const cell of cells) {
    const d = distance(system, state.systems.get(cell.baseSystem)!);
    if (d < best) [nearest, best] = [cell, d];
  }
  return nearest;
}

/** What one system yields each round as things stand: to the Maquis (supplies, recruits) or to the occupier (requisition). */
export function systemYield(state: MatchState, system: StarSystem): { supplies: number; recruits: number; requisition: number } {
  const weight = populationWeight(system.population);
  const yields = { supplies: 0, recruits: 0, requisition: 0 };
  if (weight === 0) return yields;
  if (system.sympathy >= 1) {
    yields.supplies = system.sympathy * roundIncome.suppliesPerSympathy * weight;
    yields.recruits = system.sympathy === 2 ? roundIncome.recruitsFromDevotedColony * weight * (state.maquisStanding / maquisStanding.start) : 0;
  }
  if (system.sympathy <= 0 && isOccupierSystem(state, system)) {
    const { base, perLoyalty, perGarrison, garrisonsCounted } = roundIncome.requisition;
    yields.requisition = (base - perLoyalty * system.sympathy + Math.min(system.garrison, garrisonsCounted) * perGarrison) * weight;
  }
  return yields;
}

/** Sympathetic colonies feed the cell whose base is nearest; loyal ones pay the occupier. Big worlds count for more. */
function collectIncome(state: MatchState, tally: RoundTally): void {
  const cells = [...state.cells.values()].filter((cell) => !cell.eliminated && state.systems.has(cell.baseSystem));
  for (const system of state.systems.values()) {
    const { supplies, recruits, requisition } = systemYield(state, system);
    if ((supplies > 0 || recruits > 0) && cells.length > 0) {
      const cell = nearestCell(state, cells, system);
      cell.supplies += supplies;
      cell.recruits += recruits;
      tally.supplies.set(cell.id, (tally.supplies.get(cell.id) ?? 0) + supplies);
      tally.recruits.set(cell.id, (tally.recruits.get(cell.id) ?? 0) + recruits);
    }
    if (requisition > 0) {
      state.occupier.requisition += requisition;
      tally.requisition += requisition;
    }
  }
}

/** Intel drifts: the occupier's presence feeds its own, Maquis activity and sympathy erode it and feed the Maquis'. */
function driftIntel(state: MatchState): void {
  const shipsPresent = new Map<string, number>();
  for (const ship of state.ships.values()) {
    if (ship.side !== "occupier" || ship.convoy) continue;
    for (const system of state.systems.values())
      if (distance(ship, system) <= AT_SYSTEM_RADIUS) shipsPresent.set(system.id, (shipsPresent.get(system.id) ?? 0) + 1);
  }
  for (const system of state.systems.values()) {
    const activity = system.maquisActivity;
    const occupierGain =
      system.garrison * intelDrift.occupierPerGarrison +
      (shipsPresent.get(system.id) ?? 0) * intelDrift.occupierPerShipPresent +
      (system.sympathy < 0 ? intelDrift.occupierFromLoyalColony : 0) -
      (system.sympathy > 0 ? system.sympathy * intelDrift.occupierLostPerSympathy : 0) -
      activity * intelDrift.occupierLostPerMaquisOperation;
    system.intelOccupier = clamp100(system.intelOccupier + occupierGain);
    const maquisGain =
      system.sympathy * intelDrift.maquisPerSympathy + activity * intelDrift.maquisPerOperation - system.garrison * intelDrift.maquisLostPerGarrison;
    system.intelMaquis = clamp100(system.intelMaquis + maquisGain);
    system.maquisActivity = 0;
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

/** The movement's standing pulls colonies: low standing loses friends, high standing wins the undecided. */
function driftWithStanding(state: MatchState): void {
  for (const system of state.systems.values()) {
    if (system.population === 0) continue;
    if (state.maquisStanding < maquisStanding.low && system.sympathy >= 1 && chance(state, maquisStanding.driftAwayChance)) system.sympathy -= 1;
    else if (state.maquisStanding > maquisStanding.high && system.sympathy === 0 && chance(state, maquisStanding.driftCloserChance)) system.sympathy += 1;
  }
}

/** Exposure falls with the share of the round a cell lay low; a hot cell may have its base found by the occupier's intelligence. */
function coolAndHunt(state: MatchState): Map<string, number> {
  const before = new Map<string, number>();
  for (const cell of state.cells.values()) {
    if (cell.eliminated) continue;
    before.set(cell.id, cell.exposure);
    const quietShare = Math.min(1, (state.hours - cell.lastOperationHour) / state.roundHours);
    if (quietShare >= LIE_LOW_MIN_SHARE) cell.exposure = Math.max(0, cell.exposure - LIE_LOW_EXPOSURE_PER_ROUND * quietShare);
    const base = state.systems.get(cell.baseSystem);
    if (!base || cell.exposure < BASE_DETECTION_EXPOSURE) continue;
    const odds =
      (cell.exposure - BASE_DETECTION_EXPOSURE) * baseHunt.perExposurePoint * (baseHunt.intelFloor + base.intelOccupier / 100) * baseHunt.roundMultiplier;
    if (chance(state, Math.min(1, odds * baseSiteCoverOf(state, base)))) locateBase(state, cell, "the cell's own notoriety");
  }
  return before;
}

function colonyCounts(state: MatchState): { withUs: number; loyal: number } {
  let withUs = 0;
  let loyal = 0;
  for (const system of state.systems.values()) {
    if (system.population === 0) continue;
    if (system.sympathy >= 1) withUs += 1;
    if (system.sympathy <= -1) loyal += 1;
  }
  return { withUs, loyal };
}

/** Each open counted objective of a side with how far it has come: "Hold the sympathy of at least five colonies 3/5". */
function progressOf(state: MatchState, ctx: RulesContext, side: Side): string {
  const lines: string[] = [];
  ctx.scenario.objectives.forEach((definition, i) => {
    if (definition.side !== side || state.objectives[i]?.status !== "open") return;
    const progress = goalProgress(state, definition.goal);
    if (progress) lines.push(`${definition.text} ${Math.min(progress.have, progress.need).toLocaleString("en")}/${progress.need.toLocaleString("en")}`);
  });
  return lines.length > 0 ? ` Objectives: ${lines.join("; ")}.` : "";
}

/** A short report to each side: what the round brought, where things stand, and how far its objectives have come. */
function report(state: MatchState, ctx: RulesContext, round: number, tally: RoundTally, exposureBefore: Map<string, number>): void {
  const { withUs, loyal } = colonyCounts(state);
  const standings = `${withUs} colon${withUs === 1 ? "y leans" : "ies lean"} to the Maquis, ${loyal} ${loyal === 1 ? "is" : "are"} loyal`;
  for (const cell of state.cells.values()) {
    if (cell.eliminated) continue;
    const supplies = tally.supplies.get(cell.id) ?? 0;
    const recruits = tally.recruits.get(cell.id) ?? 0;
    const exposure = `exposure ${Math.round(exposureBefore.get(cell.id) ?? cell.exposure)} → ${Math.round(cell.exposure)}`;
    logEvent(
      state,
      cell.id,
      "round",
      `Round ${round}: +${supplies.toFixed(1)} supplies, +${recruits.toFixed(1)} recruits; ${exposure}; standing ${Math.round(state.maquisStanding)}; ${standings}.${progressOf(state, ctx, "maquis")}`,
    );
  }
  logEvent(state, "occupier", "round", `Round ${round}: +${tally.requisition.toFixed(1)} requisition; reputation ${Math.round(state.reputation)}; ${standings}.${progressOf(state, ctx, "occupier")}`);
}

/** The politics, once a round: income, intel, pacification, the pull of standing, exposure and the hunt for bases, and a report. */
export function stepRound(state: MatchState, ctx: RulesContext): void {
  const round = Math.round(state.hours / state.roundHours);
  const tally: RoundTally = { supplies: new Map(), recruits: new Map(), requisition: 0 };
  collectIncome(state, tally);
  driftIntel(state);
  pacify(state);
  driftWithStanding(state);
  const exposureBefore = coolAndHunt(state);
  report(state, ctx, round, tally, exposureBefore);
}

export function isRoundEnd(state: MatchState, previousHours: number): boolean {
  return crossed(state.hours, previousHours, state.roundHours);
}
