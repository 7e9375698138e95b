import { ErrorCode } from "../../protocol/errorCodes";
import { harmCivilians } from "../civilianHarm";
import { reveal } from "../detection";
import { logEvent } from "../eventLog";
import { distance } from "../geometry";
import { refused } from "../orderResult";
import { CRACKDOWN_MAQUIS_INTEL_LOSS, CRACKDOWN_FINDS_BASE_INTEL, occupierCosts, reputationLoss, SWEEP_RADIUS } from "../tuning";
import { locateBase } from "../bases";
import { completeOccupier, prepareOccupier, type OccupierActor } from "./occupierOperation";
import { passed, type Operation } from "./operation";

/** Crackdown: force against a whole colony. It flushes out the Maquis there, but the colony turns and the occupier pays for it. */
export const crackdown: Operation<"crackdown", OccupierActor> = {
  kind: "crackdown",
  side: "occupier",
  cost: `${occupierCosts.crackdown} requisition, ${reputationLoss.crackdown} reputation and more by the colony's size`,
  check(state, seat, order) {
    const prepared = prepareOccupier(state, seat, order.ship, occupierCosts.crackdown, true);
    if (!prepared.ok) return prepared;
    const system = prepared.actor.system!;
    if (system.garrison === 0) return refused(ErrorCode.NoGarrison, `a crackdown on ${system.name} needs a garrison there`);
    if (system.population === 0) return refused(ErrorCode.NoPopulation, `${system.name} has no colony`);
    return passed(prepared.actor);
  },
  apply(state, _ctx, _seat, _order, actor) {
    const system = actor.system!;
    for (const ship of state.ships.values())
      if (ship.side === "maquis" && distance(ship, system) <= SWEEP_RADIUS) reveal(state, ship, "was exposed by a crackdown");
    if (system.intelOccupier >= CRACKDOWN_FINDS_BASE_INTEL)
      for (const cell of state.cells.values()) if (cell.baseSystem === system.id) locateBase(state, cell, `a crackdown on ${system.name}`);
    system.intelMaquis = Math.max(0, system.intelMaquis - CRACKDOWN_MAQUIS_INTEL_LOSS);
    // Force against a colony turns it against whoever used it.
    state.reputation = Math.max(0, state.reputation - reputationLoss.crackdown);
    harmCivilians(state, system, "occupier", "crackdown");
    system.crackedDownAt = state.hours;
    logEvent(state, "all", "crackdown", `The occupier cracked down on ${system.name}; resentment grows.`);
    completeOccupier(state, actor.ship, occupierCosts.crackdown);
  },
};
