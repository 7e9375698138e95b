import type { ObjectiveGoal } from "../scenario/objectiveSchema";
import type { MatchState, Ship, StarSystem } from "../state/MatchState";
import { logEvent } from "./eventLog";
import { distance } from "./geometry";
import type { RulesContext } from "./rulesContext";
import { isWarship } from "./shipStats";
import { AT_SYSTEM_RADIUS } from "./tuning";

function systemsMatching(state: MatchState, ids: string[] | undefined, test: (sympathy: number) => boolean): number {
  let count = 0;
  // Only colonies count: an empty rock has no hearts to win.
  for (const system of state.systems.values())
    if (system.population > 0 && (!ids || ids.includes(system.id)) && test(system.sympathy)) count += 1;
  return count;
}

const livingCells = (state: MatchState) => [...state.cells.values()].filter((cell) => !cell.eliminated);

function anyLivingCell(state: MatchState): boolean {
  for (const cell of state.cells.values()) if (!cell.eliminated) return true;
  return false;
}

function evacuated(state: MatchState): number {
  let sum = 0;
  for (const cell of state.cells.values()) sum += cell.evacuated;
  return sum;
}
const destroyed = (state: MatchState, goal: Extract<ObjectiveGoal, { kind: "destroy" }>) =>
  goal.side === "maquis" ? state.lostMaquis : state.lostOccupier + (goal.convoys ? state.convoysLost : 0);
function basesFound(state: MatchState): number {
  let found = state.occupier.foundBases.size;
  for (const cell of state.cells.values()) if (cell.eliminated) found += 1;
  return found;
}

/** How far a counted goal has come (have of need), for reports; undefined for goals that are not a count. */
export function goalProgress(state: MatchState, goal: ObjectiveGoal): { have: number; need: number } | undefined {
  switch (goal.kind) {
    case "sympathy":
      return { have: systemsMatching(state, goal.systems, (s) => s >= goal.atLeast), need: goal.count };
    case "loyalty":
      return { have: systemsMatching(state, goal.systems, (s) => s <= goal.atMost), need: goal.count };
    case "destroy":
      return { have: destroyed(state, goal), need: goal.count };
    case "evacuate":
      return { have: evacuated(state), need: goal.count };
    case "findBases":
      return { have: basesFound(state), need: goal.count };
    default:
      return undefined;
  }
}

/** Whether a goal is met right now. */
export function goalMet(state: MatchState, goal: ObjectiveGoal): boolean {
  switch (goal.kind) {
    case "sympathy":
    case "loyalty":
    case "destroy":
    case "evacuate":
    case "findBases": {
      const progress = goalProgress(state, goal)!;
      return progress.have >= progress.need;
    }
    case "survive":
      return anyLivingCell(state);
    case "reputation":
      return state.reputation >= goal.atLeast;
    case "supplies":
      return livingCells(state).reduce((sum, cell) => sum + cell.supplies, 0) >= goal.atLeast;
    case "eliminateCells":
      return !anyLivingCell(state);
    case "garrison":
      return (state.systems.get(goal.system)?.garrison ?? Infinity) <= goal.atMost;
    case "reach":
      return refugeStatus(state, goal) === "reached";
  }
}

/** Where a reach goal stands: its ship safe at the system, there while the occupier's warships hold it, or not there (or fighting). */
function refugeStatus(state: MatchState, goal: Extract<ObjectiveGoal, { kind: "reach" }>): "reached" | "held" | "away" {
  const ship = state.ships.get(goal.ship);
  const system = state.systems.get(goal.system);
  if (!ship || !system || distance(ship, system) > AT_SYSTEM_RADIUS || ship.engagement !== "") return "away";
  // A refuge the occupier's warships hold is no refuge for a Maquis ship.
  return ship.side === "maquis" && warshipHolds(state, system) ? "held" : "reached";
}

/** The occupier's warships at a system (convoys are not warships), seen or not: while any sits there, it holds the system. */
export function warshipsHolding(state: MatchState, system: StarSystem): Ship[] {
  return [...state.ships.values()].filter((other) => isWarship(other) && distance(other, system) <= AT_SYSTEM_RADIUS);
}

function warshipHolds(state: MatchState, system: StarSystem): boolean {
  for (const other of state.ships.values()) if (isWarship(other) && distance(other, system) <= AT_SYSTEM_RADIUS) return true;
  return false;
}

/** Goals judged only at the end: holding something until the last day. */
const heldGoals = new Set<ObjectiveGoal["kind"]>(["sympathy", "loyalty", "survive", "reputation", "supplies"]);

/** Marks reached goals done as they happen (they cannot be undone). */
export function stepObjectives(state: MatchState, ctx: RulesContext): void {
  ctx.scenario.objectives.forEach((definition, i) => {
    const objective = state.objectives[i]!;
    const progress = goalProgress(state, definition.goal);
    // Written only when it moves, so an unchanged count sends nothing.
    if (progress && (objective.have !== progress.have || objective.need !== progress.need)) {
      objective.have = Math.max(0, Math.floor(progress.have));
      objective.need = progress.need;
    }
    if (objective.status !== "open" || heldGoals.has(definition.goal.kind)) return;
    // A reach goal's standing is read once a step: it tells both whether the goal is met and whether the refuge is held.
    const refuge = definition.goal.kind === "reach" ? refugeStatus(state, definition.goal) : null;
    if (refuge ? refuge === "reached" : goalMet(state, definition.goal)) {
      objective.status = "done";
      logEvent(state, "all", "objective", `Objective met (${definition.side}): ${definition.text}`);
      return;
    }
    if (definition.goal.kind !== "reach") return;
    // Told once, to the ship's own side: the occupier learns nothing from it.
    const held = refuge === "held";
    if (held && !objective.held) {
      const ship = state.ships.get(definition.goal.ship)!;
      logEvent(state, "maquis", "objective", `${ship.name} is at ${state.systems.get(definition.goal.system)!.name}, but the occupier's warships hold it: no refuge until they are gone.`);
    }
    objective.held = held;
  });
}

function scoreFor(state: MatchState, side: "maquis" | "occupier"): number {
  return state.objectives.filter((objective) => objective.side === side && objective.status === "done").reduce((sum, o) => sum + o.points, 0);
}

/** Each side's score if the match ended now: goals done, and goals judged at the end that hold as things stand. */
export function scoresAsTheyStand(state: MatchState, ctx: RulesContext): { maquis: number; occupier: number } {
  const scores = { maquis: 0, occupier: 0 };
  ctx.scenario.objectives.forEach((definition, i) => {
    const status = state.objectives[i]?.status;
    if (status === "done" || (status === "open" && heldGoals.has(definition.goal.kind) && goalMet(state, definition.goal))) scores[definition.side] += definition.points;
  });
  return scores;
}

/** Ends the match: judges the held goals, scores both sides and names the winner (or the given one). */
export function endMatch(state: MatchState, winner: "maquis" | "occupier" | "draw" | "", reason: string, ctx?: RulesContext): void {
  if (state.phase !== "playing") return;
  if (ctx)
    ctx.scenario.objectives.forEach((definition, i) => {
      const objective = state.objectives[i]!;
      if (objective.status === "open") objective.status = goalMet(state, definition.goal) ? "done" : "failed";
    });
  state.scoreMaquis = scoreFor(state, "maquis");
  state.scoreOccupier = scoreFor(state, "occupier");
  state.phase = "ended";
  state.winner = winner || (state.scoreMaquis > state.scoreOccupier ? "maquis" : state.scoreOccupier > state.scoreMaquis ? "occupier" : "draw");
  state.endReason = reason;
  logEvent(state, "all", "end", `The match is over: ${reason}. ${state.winner === "draw" ? "Neither side prevails." : `The ${state.winner} side prevails.`}`);
}

/** The standing ways a match ends besides triggers: time runs out, every cell is broken, the occupier's government gives up. */
export function checkMatchEnd(state: MatchState, ctx: RulesContext): void {
  if (state.phase !== "playing") return;
  if (!anyLivingCell(state)) endMatch(state, "occupier", "every Maquis cell has been broken", ctx);
  else if (state.reputation <= 0) endMatch(state, "maquis", "the occupier's government recalled its commander", ctx);
  else if (state.hours >= state.lengthHours) endMatch(state, "", "time has run out", ctx);
}
