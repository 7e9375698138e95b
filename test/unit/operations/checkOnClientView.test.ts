/**
 * The promise of `Operation.check`: a client running it on its own decoded view of the match gets the
 * server's verdict. For generated moments of play in every bundled scenario, each seat's view is built
 * as the wire builds it (FogOfWar's StateView, the schema encoder and decoder), and every kind of order
 * is put to both: the preview on the seat's view and the server's check on the whole state.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Order } from "../../../shared/protocol/orders";
import { checkOrder } from "../../../shared/rules/applyOrder";
import type { OrderResult } from "../../../shared/rules/orderResult";
import { previewOrder, type Preview } from "../../../shared/rules/previewOrder";
import type { Side } from "../../../shared/rules/sides";
import { decodedView } from "../../support/decodedView";
import { playSituation, situation, type Situation } from "./generatedSituations";
import { everyOrderKind, ordersToTry, type OrderDetails } from "./ordersToTry";

const orderDetails: fc.Arbitrary<OrderDetails> = fc.record({
  supplies: fc.integer({ min: 0, max: 20 }),
  weapons: fc.integer({ min: 0, max: 10 }),
  point: fc.record({ x: fc.double({ min: 0, max: 1000, noNaN: true }), y: fc.double({ min: 0, max: 1000, noNaN: true }) }),
  system: fc.nat(),
  otherSystem: fc.nat(),
});

const say = (verdict: Preview | OrderResult): string =>
  verdict.ok ? ("serverDecides" in verdict && verdict.serverDecides ? `the server decides ${verdict.serverDecides}` : "allowed") : `refused ${verdict.code}`;

/** What the comparisons met, per order kind, to show that they reached every kind and every kind of answer. */
interface Tally {
  allowed: Map<string, number>;
  refused: Map<string, number>;
  /** Server refusals the preview left to the server (`serverDecides`). */
  decidedByServer: Map<string, number>;
  /** Orders naming a ship target the seat's view does not hold. */
  hiddenTargets: Map<string, number>;
}

const newTally = (): Tally => ({ allowed: new Map(), refused: new Map(), decidedByServer: new Map(), hiddenTargets: new Map() });
const count = (counts: Map<string, number>, kind: string) => counts.set(kind, (counts.get(kind) ?? 0) + 1);

function targetShip(order: Order): string | undefined {
  if (order.kind === "raid") return typeof order.target === "string" ? order.target : undefined;
  if (order.kind === "strike" || order.kind === "assault") return "ship" in order.target ? order.target.ship : undefined;
  return undefined;
}

/**
 * Every disagreement between a seat's preview and the server, in words. Agreement means: the preview
 * on the seat's view is exactly the preview on the whole state (so it reads nothing the view lacks),
 * and the server refuses only what that preview refused, with the same code, or left to the server.
 */
function disagreements(s: Situation, details: OrderDetails, tally: Tally): string[] {
  const match = playSituation(s);
  const found: string[] = [];
  for (const seat of match.state.seats.values()) {
    const view = decodedView(match, { side: seat.side as Side, seat: seat.id });
    for (const order of ordersToTry(match.state, seat.id, details)) {
      const where = `${s.scenario} (seed ${s.seed}, tick ${match.state.tick}) ${seat.id}: ${JSON.stringify(order)}`;
      let onView: Preview;
      try {
        onView = previewOrder(view, seat.id, order);
      } catch (error) {
        found.push(`${where}: the preview threw on the seat's view: ${String(error)}`);
        continue;
      }
      const onWholeState = previewOrder(match.state, seat.id, order);
      const server = checkOrder(match.state, seat.id, order);
      if (say(onView) !== say(onWholeState)) found.push(`${where}: on its view "${say(onView)}", on the whole state "${say(onWholeState)}"`);
      const leftToServer = onWholeState.ok && onWholeState.serverDecides !== undefined;
      if (!leftToServer && say(server) !== say(onWholeState)) found.push(`${where}: the preview says "${say(onWholeState)}", the server "${say(server)}"`);
      count(server.ok ? tally.allowed : tally.refused, order.kind);
      if (leftToServer && !server.ok) count(tally.decidedByServer, order.kind);
      const target = targetShip(order);
      if (target && match.state.ships.has(target) && !view.ships.has(target)) count(tally.hiddenTargets, order.kind);
    }
  }
  return found;
}

const noDetails: OrderDetails = { supplies: 0, weapons: 0, point: { x: 0, y: 0 }, system: 0, otherSystem: 0 };
/** Moments that once disagreed, tried on every run before the generated ones. */
const once: [Situation, OrderDetails][] = [
  // A ship out of the cell's sight named as a strike's target: "no such ship" against "out of range".
  [{ scenario: "dorvan-2370", seed: 1, warmup: 0, level: "easy", tweaks: [] }, noDetails],
  // A Galor just inside the raider's sensor reach, where matter-js's polygon sensor did not reach.
  [{ scenario: "dorvan-2370", seed: 1, warmup: 0, level: "easy", tweaks: [{ kind: "beside", ship: 26, other: 0, reach: 0.9898813559322024, angle: 0 }] }, noDetails],
  // A Federation cell's ship at the rim of the occupier's sensors after AI play.
  [{ scenario: "reborn-ds285-2392", seed: 434363, warmup: 156, level: "hard", tweaks: [] }, noDetails],
  // A convoy 12.000000000002 from Rigel II: at the system on a float32 copy of its position, not on the server.
  [{ scenario: "mirror-vulcan-2285", seed: 1, warmup: 137, level: "normal", tweaks: [] }, noDetails],
];

describe("an operation's check on a client's view agrees with the server", () => {
  it("for every seat, every kind of order and generated moments of play in every bundled scenario", () => {
    fc.assert(
      fc.property(situation, orderDetails, (s, details) => {
        expect(disagreements(s, details, newTally()).slice(0, 12)).toEqual([]);
      }),
      { numRuns: 150, examples: once },
    );
  }, 120_000);

  it("the comparisons reach every kind of order, allowed and refused, hidden targets and the server's own decisions", () => {
    const tally = newTally();
    const samples = fc.sample(fc.tuple(situation, orderDetails), { numRuns: 60, seed: 20_370 });
    for (const [s, details] of samples) expect(disagreements(s, details, tally).slice(0, 12)).toEqual([]);
    for (const kind of everyOrderKind) {
      expect(tally.allowed.get(kind) ?? 0, `${kind} allowed`).toBeGreaterThan(0);
      expect(tally.refused.get(kind) ?? 0, `${kind} refused`).toBeGreaterThan(0);
    }
    for (const kind of ["raid", "strike", "assault"]) expect(tally.hiddenTargets.get(kind) ?? 0, `${kind} at hidden ships`).toBeGreaterThan(0);
    expect(tally.decidedByServer.get("chooseBase") ?? 0).toBeGreaterThan(0);
  }, 120_000);
});
