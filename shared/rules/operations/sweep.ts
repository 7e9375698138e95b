import { ErrorCode } from "../../protocol/errorCodes";
import { reveal } from "../detection";
import { logEvent } from "../eventLog";
import { distance } from "../geometry";
import { refused } from "../orderResult";
import { chance } from "../random";
import { SWEEP_INTEL_GAIN, occupierCosts, SWEEP_FINDS_BASE_INTEL, SWEEP_MIN_INTEL, SWEEP_RADIUS, SWEEP_REST_HOURS } from "../tuning";
import { locateBase } from "../bases";
import { baseSiteCoverOf } from "../siteCover";
import { formatHours, scaledHours } from "../timeScale";
import { completeOccupier, prepareOccupier, type OccupierActor } from "./occupierOperation";
import { passed, type Operation } from "./operation";

/** Sweep: search a system and its surroundings; needs intel, and the better the intel the more it finds. */
export const sweep: Operation<"sweep", OccupierActor> = {
  kind: "sweep",
  side: "occupier",
  cost: `${occupierCosts.sweep} requisition`,
  check(state, seat, order) {
    const prepared = prepareOccupier(state, seat, order.ship, occupierCosts.sweep, true);
    if (!prepared.ok) return prepared;
    const system = prepared.actor.system!;
    const rest = scaledHours(state, SWEEP_REST_HOURS);
    if (state.hours - system.sweptAt < rest)
      return refused(ErrorCode.RecentlySwept, `${system.name} was swept less than ${formatHours(rest)} ago`);
    if (system.intelOccupier < SWEEP_MIN_INTEL)
      return refused(ErrorCode.NotEnoughIntel, `intel on ${system.name} is ${system.intelOccupier}; a sweep needs ${SWEEP_MIN_INTEL}`);
    return passed(prepared.actor);
  },
  apply(state, _ctx, seat, _order, actor) {
    const system = actor.system!;
    let found = 0;
    for (const ship of state.ships.values()) {
      if (ship.side !== "maquis" || !ship.underground || distance(ship, system) > SWEEP_RADIUS) continue;
      if (chance(state, system.intelOccupier / 100)) {
        reveal(state, ship, "was flushed out by a sweep");
        found += 1;
      }
    }
    // A base in a hollowed moon or an asteroid belt is missed more often than one in plain sight.
    if (system.intelOccupier >= SWEEP_FINDS_BASE_INTEL)
      for (const cell of state.cells.values())
        if (cell.baseSystem === system.id && chance(state, baseSiteCoverOf(state, system))) locateBase(state, cell, `a sweep of ${system.name}`);
    system.intelOccupier = Math.min(100, system.intelOccupier + SWEEP_INTEL_GAIN);
    system.sweptAt = state.hours;
    logEvent(state, seat, "sweep", `The sweep of ${system.name} turned up ${found} Maquis ship${found === 1 ? "" : "s"}.`);
    completeOccupier(state, actor.ship, occupierCosts.sweep);
  },
};
