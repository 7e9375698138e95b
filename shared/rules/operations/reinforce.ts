import { ErrorCode } from "../../protocol/errorCodes";
import { logEvent } from "../eventLog";
import { newId, spawnShip } from "../fleet";
import { refused } from "../orderResult";
import { occupierCosts } from "../tuning";
import { completeOccupier, requireOccupier } from "./occupierOperation";
import { passed, type Operation } from "./operation";
import { canRequisition } from "./preconditions";

/** Reinforce: call in a warship from the pool the scenario grants. */
export const reinforce: Operation<"reinforce", void> = {
  kind: "reinforce",
  side: "occupier",
  cost: `${occupierCosts.reinforce} requisition`,
  check(state, seat) {
    const wrongSide = requireOccupier(state, seat);
    if (wrongSide) return wrongSide;
    if (state.occupier.reinforcementsLeft === 0) return refused(ErrorCode.NoReinforcements, "command has no more ships to send");
    const affordable = canRequisition(state, occupierCosts.reinforce);
    return affordable.ok ? passed(undefined) : affordable;
  },
  apply(state, ctx, seat) {
    const pool = ctx.scenario.seats.find((s) => s.id === seat);
    // The parser refuses a scenario that grants reinforcements without a pool, so a passed check always has one.
    if (pool?.side !== "occupier" || !pool.reinforcements) throw new Error(`reinforce: seat "${seat}" has reinforcements left but no pool`);
    const ship = spawnShip(state, ctx, { id: newId(state, "reinforcement"), name: `Reinforcement ${state.nextId - 1}`, class: pool.reinforcements.class, seat, at: pool.reinforcements.at });
    state.occupier.reinforcementsLeft -= 1;
    logEvent(state, "occupier", "reinforce", `${ship.name} arrives at ${state.systems.get(pool.reinforcements.at)?.name}.`);
    completeOccupier(state, undefined, occupierCosts.reinforce);
  },
};
