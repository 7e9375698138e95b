import { Engagement, type MatchState, type Ship } from "../state/MatchState";
import { harmCivilians } from "./civilianHarm";
import { reveal } from "./detection";
import { logEvent } from "./eventLog";
import { endEngagementOf, loseShip, newId } from "./fleet";
import { shipInRegionKind, shipSystemAt } from "./geometry";
import { random } from "./random";
import type { RulesContext } from "./rulesContext";
import { sideOfSeat } from "./sides";
import { classOf, inCover, inSensorRange, effectiveFirepower } from "./shipStats";
import { BREAK_OFF_BASE_CHANCE, COVER_BREAK_OFF_BONUS, DAMAGE_PER_FIREPOWER, DISABLED_HULL_SHARE, MAX_ROUNDS, ROUND_TICKS } from "./tuning";

/** Opens a fight; `firstStrike` multiplies the attacker's opening volley (ambushes hit first and harder). */
export function startEngagement(state: MatchState, attacker: Ship, defender: Ship, firstStrike = 0): void {
  const id = newId(state, "engagement");
  state.engagements.set(
    id,
    new Engagement({ id, attacker: attacker.id, defender: defender.id, x: defender.x, y: defender.y, nextRoundTick: state.tick + ROUND_TICKS }),
  );
  // Ships in a fight hold still (stepMovement keeps engaged ships at rest) but keep their course,
  // so a convoy or patrol goes on to the stop it was heading for once the fight is over.
  for (const ship of [attacker, defender]) {
    ship.engagement = id;
    reveal(state, ship, "opened fire");
  }
  logEvent(state, "all", "engagement", `${attacker.name} engaged ${defender.name}.`, defender);
  const side = sideOfSeat(state, attacker.seat);
  if (side) harmCivilians(state, shipSystemAt(state, defender), side, "fight");
  if (firstStrike > 0) volley(state, attacker, defender, firstStrike);
}

/** One side's fire for a round: shields soak damage first, then the hull. */
function volley(state: MatchState, shooter: Ship, target: Ship, multiplier = 1): void {
  let damage = effectiveFirepower(shooter) * DAMAGE_PER_FIREPOWER * (0.5 + random(state)) * multiplier;
  // Storms scatter fire aimed at small ships.
  if (shipInRegionKind(state, target, "plasma-storm") && classOf(target).size === "small") damage *= 0.6;
  const absorbed = Math.min(target.shields, damage);
  target.shields -= absorbed;
  target.hull = Math.max(0, target.hull - (damage - absorbed));
}

/** Resolves the rounds that are due; ends fights whose ships were destroyed, drifted apart or ran too long. */
export function stepEngagements(state: MatchState, ctx: RulesContext): void {
  for (const engagement of [...state.engagements.values()]) {
    const attacker = state.ships.get(engagement.attacker);
    const defender = state.ships.get(engagement.defender);
    if (!attacker || !defender) {
      endEngagementOf(state, engagement.id);
      continue;
    }
    if (state.tick < engagement.nextRoundTick) continue;
    // The same reach that let the fight start (sensor circle touching the hull), seen from either side.
    const inContact = inSensorRange(state, attacker, defender) || inSensorRange(state, defender, attacker);
    if (!inContact || engagement.rounds >= MAX_ROUNDS) {
      endEngagementOf(state, engagement.id);
      logEvent(state, "all", "engagement", `${attacker.name} and ${defender.name} lost contact.`);
      continue;
    }
    volley(state, attacker, defender);
    volley(state, defender, attacker);
    engagement.rounds += 1;
    engagement.nextRoundTick = state.tick + ROUND_TICKS;
    engagement.triedBreakOff.clear();
    for (const [ship, foe] of [[defender, attacker], [attacker, defender]] as const) {
      if (!state.ships.has(ship.id) || !state.ships.has(foe.id)) continue;
      if (ship.hull <= 0) loseShip(state, ctx, ship, `was destroyed by ${foe.name}`);
      // A ship shot to a wreck strikes its colours: disabled and boarded, lost all the same.
      else if (ship.hull <= classOf(ship).hull * DISABLED_HULL_SHARE) loseShip(state, ctx, ship, `was disabled and boarded by ${foe.name}`);
    }
  }
}

/** Breaking off: faster ships and ships in cover slip away more often. */
export function breakOffChance(state: MatchState, ship: Ship, foe: Ship): number {
  const speedEdge = (classOf(ship).speed - classOf(foe).speed) * 0.08;
  const cover = inCover(state, ship) ? COVER_BREAK_OFF_BONUS : 0;
  return Math.min(0.9, Math.max(0.1, BREAK_OFF_BASE_CHANCE + speedEdge + cover));
}
