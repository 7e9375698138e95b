import type { Order } from "../protocol/orders";
import { applyOrder } from "../rules/applyOrder";
import type { Match } from "../rules/match";
import { sideOfSeat } from "../rules/sides";
import { scaledHours } from "../rules/timeScale";
import type { MatchState } from "../state/MatchState";
import { aiSkillsFor, type AiSkill, type Difficulty } from "./difficulty";
import { breakOffOrders } from "./fight";
import { maquisOrders } from "./maquisAi";
import { occupierOrders } from "./occupierAi";

/** Difficulty per side: the occupier's skill is what a Maquis player faces, and the other way round. */
export interface AiSettings {
  occupier: Difficulty;
  maquis: Difficulty;
}

/** Whether a seat's AI decides on this tick: every thinkEveryHours of the scenario's time unit, at least once a tick. */
export function aiThinksNow(state: MatchState, seat: string, skill: AiSkill): boolean {
  const thinkEvery = Math.max(1, Math.round(scaledHours(state, skill.thinkEveryHours) / state.hoursPerTick));
  // Offset by seat so several AI seats do not all think on the same tick.
  return (state.tick + seat.length) % thinkEvery === 0;
}

/**
 * Lets the AI play the given seats for this tick: each thinks on its own cadence and its orders go
 * through applyOrder exactly like a person's.
 */
export function runAiSeats(match: Match, seats: Iterable<string>, settings: AiSettings): void {
  const { state, ctx } = match;
  if (state.phase !== "playing") return;
  const skills = aiSkillsFor(ctx.scenario);
  for (const seat of seats) {
    const side = sideOfSeat(state, seat);
    if (!side) continue;
    const level = settings[side];
    const skill: AiSkill = skills[side][level];
    if (!aiThinksNow(state, seat, skill)) {
      if (state.engagements.size > 0) for (const order of breakOffOrders(state, seat, skill)) applyOrder(state, seat, order, ctx);
      continue;
    }
    const orders: Order[] = side === "occupier" ? occupierOrders(state, ctx, seat, skills.occupier[level]) : maquisOrders(state, ctx, seat, skills.maquis[level]);
    for (const order of orders) applyOrder(state, seat, order, ctx);
  }
}
