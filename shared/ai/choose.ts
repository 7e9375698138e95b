import type { Order } from "../protocol/orders";
import { checkOrder } from "../rules/applyOrder";
import type { MatchState } from "../state/MatchState";

/** The first candidate order the rules would accept, if any: the AI never sends an order it knows will be refused. */
export function firstLegal(state: MatchState, seat: string, candidates: (Order | null | undefined | false)[]): Order | null {
  for (const candidate of candidates) if (candidate && checkOrder(state, seat, candidate).ok) return candidate;
  return null;
}

export function byDistanceFrom(point: { x: number; y: number }) {
  return (a: { x: number; y: number; id: string }, b: { x: number; y: number; id: string }) =>
    Math.hypot(a.x - point.x, a.y - point.y) - Math.hypot(b.x - point.x, b.y - point.y) || (a.id < b.id ? -1 : 1);
}
