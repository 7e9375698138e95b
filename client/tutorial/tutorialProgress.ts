import { distance } from "../../shared/rules/geometry";
import { AT_SYSTEM_RADIUS } from "../../shared/rules/tuning";
import type { TutorialCondition, TutorialStep } from "../../shared/scenario/tutorialSchema";
import type { MatchState, Ship } from "../../shared/state/MatchState";

/** What the match screen knows that the state does not: who plays here, and what the player has on screen. */
export interface TutorialFacts {
  /** The seat this client plays. */
  seat: string;
  /** The ship selected on the map, or null. */
  selectedShip: string | null;
  /** Whether the sensor ranges are shown. */
  sensorsShown: boolean;
}

/**
 * The current step: the first of `steps`, from `reached` on, whose conditions do not all hold, or
 * `steps.length` when every one is done. Steps are done in order, and a step once done stays done, so
 * the answer is never below `reached` (a garbled `reached` counts as 0, one past the end as the end).
 * Several steps may be done at once when the player is ahead of the card.
 *
 * Reads only what the seat's own view holds (its ships, its cell, the log lines it may read, the public
 * systems and objectives): the server's full state gives the same answer, which is how the tests run it.
 */
export function tutorialProgress(steps: readonly TutorialStep[], state: MatchState, facts: TutorialFacts, reached: number): number {
  let index = Number.isInteger(reached) ? Math.min(Math.max(reached, 0), steps.length) : 0;
  while (index < steps.length && stepDone(steps[index]!, state, facts)) index += 1;
  return index;
}

/** Whether all of a step's conditions hold now. */
export function stepDone(step: TutorialStep, state: MatchState, facts: TutorialFacts): boolean {
  return step.done.every((condition) => conditionHolds(condition, state, facts));
}

/** The seat's own ships, or the one named (when it is the seat's). */
function ownShips(state: MatchState, facts: TutorialFacts, shipId: string | undefined): Ship[] {
  const ships: Ship[] = [];
  state.ships.forEach((ship) => {
    if (ship.seat === facts.seat && (shipId === undefined || ship.id === shipId)) ships.push(ship);
  });
  return ships;
}

function within(ship: Ship, system: { x: number; y: number } | undefined): boolean {
  return system !== undefined && distance(ship, system) <= AT_SYSTEM_RADIUS;
}

/** Whether the seat may read a log line: to everyone, to its side or to itself (what the server sends it). */
function readable(audience: string, state: MatchState, facts: TutorialFacts): boolean {
  return audience === "all" || audience === facts.seat || audience === state.seats.get(facts.seat)?.side;
}

export function conditionHolds(condition: TutorialCondition, state: MatchState, facts: TutorialFacts): boolean {
  switch (condition.kind) {
    case "selected": {
      const selected = facts.selectedShip;
      return selected !== null && (condition.ship === undefined || selected === condition.ship) && state.ships.get(selected)?.seat === facts.seat;
    }
    case "sensorPicture":
      return facts.sensorsShown;
    case "shipAt": {
      const system = state.systems.get(condition.system);
      return ownShips(state, facts, condition.ship).some((ship) => within(ship, system));
    }
    case "atBase": {
      const base = state.systems.get(state.cells.get(facts.seat)?.baseSystem ?? "");
      return ownShips(state, facts, condition.ship).some((ship) => within(ship, base));
    }
    case "shipState":
      return ownShips(state, facts, condition.ship).some(
        (ship) => (condition.underground === undefined || ship.underground === condition.underground) && (condition.stance === undefined || ship.stance === condition.stance),
      );
    case "log":
      return state.log.some((entry) => entry.kind === condition.logKind && readable(entry.audience, state, facts));
    case "holding": {
      const cell = state.cells.get(facts.seat);
      if (!cell) return false;
      const value = cell[condition.field];
      return (condition.atLeast === undefined || value >= condition.atLeast) && (condition.atMost === undefined || value <= condition.atMost);
    }
    case "objective":
      return state.objectives.some((objective) => objective.id === condition.id && objective.status === "done");
    case "matchOver":
      return state.phase === "ended" && (condition.winner === undefined || state.winner === condition.winner);
  }
}
