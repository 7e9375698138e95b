import type { MatchState } from "../state/MatchState";
import { observedByOccupier } from "./detection";
import { startEngagement } from "./engagements";
import { logEvent } from "./eventLog";
import type { RulesContext } from "./rulesContext";
import { scaledHours } from "./timeScale";
import { AMBUSH_FIRST_STRIKE, CONTACT_CHECK_STEPS, DARK_HOURS } from "./tuning";

/** Ships going dark vanish once they have spent DARK_HOURS (in the scenario's time unit) unobserved. */
export function stepGoingDark(state: MatchState): void {
  for (const ship of state.ships.values()) {
    if (ship.stance !== "dark" || ship.underground) continue;
    // A ship trading fire is in plain sight, whatever the foe's sensors reach.
    if (ship.engagement !== "" || observedByOccupier(state, ship)) {
      ship.darkHours = 0;
      continue;
    }
    ship.darkHours += state.hoursPerTick;
    if (ship.darkHours >= scaledHours(state, DARK_HOURS)) {
      ship.underground = true;
      ship.stance = "";
      ship.darkHours = 0;
      logEvent(state, ship.seat, "dark", `${ship.name} has gone dark.`);
    }
  }
}

/**
 * An ambushing ship springs on the first occupier ship its sensors report (sensor contacts come from
 * matter-js). Read only on the steps that refresh them (movement.ts), so a match resumed between two
 * checks springs its ambushes on the same steps as one never stopped.
 */
export function stepAmbushes(state: MatchState, ctx: RulesContext): void {
  if (!ctx.world || state.tick % CONTACT_CHECK_STEPS !== 0) return;
  for (const ship of state.ships.values()) {
    if (ship.stance !== "ambush" || ship.engagement !== "") continue;
    const seen = ctx.world.contacts.get(ship.id);
    if (!seen || seen.size === 0) continue;
    // Contact sets have no reliable order; pick by ship id so every run chooses the same victim.
    const victimId = [...seen].filter((id) => {
      const other = state.ships.get(id);
      return other?.side === "occupier" && other.engagement === "";
    }).sort()[0];
    if (!victimId) continue;
    ship.stance = "";
    startEngagement(state, ship, state.ships.get(victimId)!, AMBUSH_FIRST_STRIKE);
  }
}
