import type { Order } from "../protocol/orders";
import { applyOrder } from "../rules/applyOrder";
import type { Match } from "../rules/match";
import { sideOfSeat } from "../rules/sides";
import { aiSkill, type Difficulty } from "./difficulty";
import { maquisOrders } from "./maquisAi";
import { occupierOrders } from "./occupierAi";

/** Difficulty per side: the occupier's skill is what a Maquis player faces, and the other way round. */
export interface AiSettings {
  occupier: Difficulty;
  maquis: Difficulty;
}

/**
 * Lets the AI play the given seats for this tick: each thinks on its own cadence and its orders go
 * through applyOrder exactly like a person's.
 */
export function runAiSeats(match: Match, seats: Iterable<string>, settings: AiSettings): void {
  const { state, ctx } = match;
  if (state.phase !== "playing") return;
  for (const seat of seats) {
    const side = sideOfSeat(state, seat);
    if (!side) continue;
    const skill = aiSkill[settings[side]];
    // Offset by seat so several AI seats do not all think on the same tick.
    if ((state.tick + seat.length) % skill.thinkEvery !== 0) continue;
    const orders: Order[] = side === "occupier" ? occupierOrders(state, ctx, seat, skill) : maquisOrders(state, ctx, seat, skill);
    for (const order of orders) applyOrder(state, seat, order, ctx);
  }
}
