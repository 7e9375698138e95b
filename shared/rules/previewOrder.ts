import type { Order } from "../protocol/orders";
import type { MatchState } from "../state/MatchState";
import { checkOnView, operationFor } from "./applyOrder";
import type { Refusal } from "./orderResult";

/**
 * A client's verdict on an order, reached on its own view of the match: refused (with the reason the
 * server will give), allowed, or allowed as far as the client can see with the rest left to the
 * server (`serverDecides`, a "whether …" question for the panel).
 */
export type Preview = { ok: true; serverDecides?: string } | Refusal;

/** What the server will say to an order, as far as the ordering side's view can tell; never throws on a client's view. */
export function previewOrder(view: MatchState, seatId: string, order: Order): Preview {
  const result = checkOnView(view, seatId, order);
  if (!result.ok) return result;
  const decision = operationFor(order).serverDecides;
  return decision ? { ok: true, serverDecides: decision.question } : { ok: true };
}
