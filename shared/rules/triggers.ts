import type { Condition, Effect } from "../scenario/triggerSchema";
import type { MatchState } from "../state/MatchState";
import { dayOf } from "./clock";
import { reveal } from "./detection";
import { logEvent } from "./eventLog";
import { removeShip, spawnShip } from "./fleet";
import { distance } from "./geometry";
import { endMatch } from "./victory";
import type { RulesContext } from "./rulesContext";
import { occupierSeatId } from "./sides";
import { AT_SYSTEM_RADIUS } from "./tuning";

function lostCount(state: MatchState, side: "maquis" | "occupier" | undefined): number {
  if (side === "maquis") return state.lostMaquis;
  if (side === "occupier") return state.lostOccupier;
  return state.lostMaquis + state.lostOccupier;
}

export function conditionHolds(state: MatchState, condition: Condition): boolean {
  switch (condition.kind) {
    case "day":
      return dayOf(state.hours) >= condition.atLeast;
    case "sympathy": {
      const system = state.systems.get(condition.system);
      if (!system) return false;
      return (condition.atLeast === undefined || system.sympathy >= condition.atLeast) && (condition.atMost === undefined || system.sympathy <= condition.atMost);
    }
    case "control": {
      let count = 0;
      for (const system of state.systems.values())
        if (system.population > 0 && (condition.side === "maquis" ? system.sympathy >= 1 : system.sympathy <= -1)) count += 1;
      return count >= condition.count;
    }
    case "unitLost":
      return condition.ship !== undefined ? state.lostShips.includes(condition.ship) : lostCount(state, condition.side) >= condition.count;
    case "objective":
      return state.objectives.some((objective) => objective.id === condition.id && objective.status === "done");
    case "exposure":
      return (state.cells.get(condition.cell)?.exposure ?? 0) >= condition.atLeast;
    case "reputation":
      return (condition.atLeast === undefined || state.reputation >= condition.atLeast) && (condition.atMost === undefined || state.reputation <= condition.atMost);
    case "shipAt": {
      const system = state.systems.get(condition.system);
      if (!system) return false;
      for (const ship of state.ships.values()) {
        if (condition.ship !== undefined ? ship.id !== condition.ship : condition.side !== undefined && ship.side !== condition.side) continue;
        if (distance(ship, system) <= AT_SYSTEM_RADIUS) return true;
      }
      return false;
    }
  }
}

export function applyEffect(state: MatchState, ctx: RulesContext, effect: Effect): void {
  switch (effect.kind) {
    case "spawn":
      if (!state.ships.has(effect.ship.id)) spawnShip(state, ctx, effect.ship);
      return;
    case "remove": {
      // A scripted departure, not a loss: it counts for no side's objectives and costs no reputation.
      const ship = state.ships.get(effect.ship);
      if (!ship) return;
      removeShip(state, ctx, ship);
      logEvent(state, "all", "departure", `${ship.name} left the zone.`);
      return;
    }
    case "convoy": {
      const seat = occupierSeatId(state);
      const from = state.systems.get(effect.route[0]!);
      const to = state.systems.get(effect.route[effect.route.length - 1]!);
      if (state.ships.has(effect.id) || seat === "" || !from || !to) return;
      // As the Convoy operation sends one: it starts at the first stop and delivers at the last.
      const ship = spawnShip(state, ctx, { id: effect.id, name: effect.name, class: effect.class, seat, at: from.id, route: effect.route });
      ship.convoy = true;
      ship.cargo = effect.cargo;
      ship.routeIndex = 0;
      logEvent(state, seat, "convoy", `${ship.name} leaves ${from.name} for ${to.name}.`);
      return;
    }
    case "sympathy": {
      const system = state.systems.get(effect.system);
      if (system) system.sympathy = Math.max(-2, Math.min(2, system.sympathy + effect.by));
      return;
    }
    case "grant": {
      const cell = state.cells.get(effect.seat);
      if (cell) {
        cell.supplies = Math.max(0, cell.supplies + (effect.supplies ?? 0));
        cell.weapons = Math.max(0, cell.weapons + (effect.weapons ?? 0));
        cell.recruits = Math.max(0, cell.recruits + (effect.recruits ?? 0));
      }
      if (state.seats.get(effect.seat)?.side === "occupier") state.occupier.requisition = Math.max(0, state.occupier.requisition + (effect.requisition ?? 0));
      state.reputation = Math.max(0, Math.min(100, state.reputation + (effect.reputation ?? 0)));
      return;
    }
    case "stance":
      if (effect.treaty !== undefined) state.treaty = effect.treaty;
      if (effect.reinforcements !== undefined) state.occupier.reinforcementsLeft += effect.reinforcements;
      return;
    case "message":
      logEvent(state, effect.to, "briefing", effect.text);
      return;
    case "reveal":
      for (const ship of state.ships.values()) if (ship.seat === effect.seat) reveal(state, ship, "was given away");
      return;
    case "hide":
      for (const ship of state.ships.values())
        if (ship.seat === effect.seat && ship.side === "maquis" && ship.engagement === "") {
          ship.underground = true;
          ship.stance = "";
        }
      return;
    case "exposure": {
      const cell = state.cells.get(effect.cell);
      if (cell) cell.exposure = Math.max(0, Math.min(100, cell.exposure + effect.by));
      return;
    }
    case "doom": {
      const system = state.systems.get(effect.system);
      if (!system || system.population === 0) return;
      system.doomedAt = state.hours + effect.inHours;
      system.doomFate = effect.fate;
      return;
    }
    case "end":
      endMatch(state, effect.winner, effect.reason, ctx);
      return;
  }
}

/** Fires every trigger whose conditions all hold, once each, in file order. */
export function stepTriggers(state: MatchState, ctx: RulesContext): void {
  for (const trigger of ctx.scenario.triggers) {
    if (state.phase !== "playing") return;
    if (state.firedTriggers.includes(trigger.id)) continue;
    if (!trigger.when.every((condition) => conditionHolds(state, condition))) continue;
    state.firedTriggers.push(trigger.id);
    for (const effect of trigger.then) applyEffect(state, ctx, effect);
  }
}
