import type { MatchState, Ship } from "../state/MatchState";
import { HOURS_PER_DAY, isDawn } from "./clock";
import { stepDetection } from "./detection";
import { stepDooms } from "./doom";
import { stepEngagements } from "./engagements";
import { logEvent } from "./eventLog";
import { fieldNewFighters, loseShip } from "./fleet";
import { shipInRegionKind } from "./geometry";
import { removeShipBody, stepMovement } from "./movement";
import { stepRepairs } from "./repair";
import type { RulesContext } from "./rulesContext";
import { classOf } from "./shipStats";
import { stepAmbushes, stepGoingDark } from "./stealth";
import { recordDay } from "./history";
import { isRoundEnd, stepRound } from "./round";
import { stepTreaty } from "./treaty";
import { stepTriggers } from "./triggers";
import { stormDamagePerHour } from "./tuning";
import { checkMatchEnd, stepObjectives } from "./victory";

/** Storms batter large hulls; small raiders ride them out. */
function stepStorms(state: MatchState, ctx: RulesContext): void {
  // Losses are taken after the walk: a ship leaving the map must not upset the iteration.
  let torn: Ship[] | undefined;
  for (const ship of state.ships.values()) {
    const damage = stormDamagePerHour[classOf(ship).size] * state.hoursPerTick;
    if (damage === 0 || !shipInRegionKind(state, ship, "plasma-storm")) continue;
    ship.hull -= damage;
    if (ship.hull <= 0) (torn ??= []).push(ship);
  }
  if (torn) for (const ship of torn) loseShip(state, ctx, ship, "was torn apart by the plasma storms");
}

/** A convoy that reaches the end of its route delivers its cargo and leaves the map. */
function deliverConvoys(state: MatchState, ctx: RulesContext): void {
  let arrived: Ship[] | undefined;
  for (const ship of state.ships.values())
    if (ship.convoy && !ship.moving && ship.routeIndex === ship.route.length - 1 && ship.engagement === "") (arrived ??= []).push(ship);
  if (!arrived) return;
  for (const ship of arrived) {
    state.occupier.requisition += ship.cargo;
    state.ships.delete(ship.id);
    if (ctx.world) removeShipBody(ctx.world, ship.id);
    logEvent(state, "occupier", "convoy", `${ship.name} delivered ${ship.cargo} requisition.`);
  }
}

/** One simulation step of the whole match. Pure: the same state and context always give the same result. */
export function step(state: MatchState, ctx: RulesContext): void {
  if (state.phase !== "playing") return;
  const previousHours = state.hours;
  state.tick += 1;
  state.hours += state.hoursPerTick;
  if (ctx.world) stepMovement(state, ctx.world);
  deliverConvoys(state, ctx);
  stepStorms(state, ctx);
  stepGoingDark(state);
  stepAmbushes(state, ctx);
  stepEngagements(state, ctx);
  stepRepairs(state);
  stepDetection(state);
  stepTreaty(state);
  stepDooms(state);
  fieldNewFighters(state, ctx);
  if (isRoundEnd(state, previousHours)) stepRound(state, ctx);
  // Charts sample daily, or every round when rounds are shorter than a day.
  if (state.roundHours < HOURS_PER_DAY ? isRoundEnd(state, previousHours) : isDawn(state.hours, previousHours)) recordDay(state);
  stepTriggers(state, ctx);
  stepObjectives(state, ctx);
  checkMatchEnd(state, ctx);
  if (state.phase !== "playing") recordDay(state);
}
