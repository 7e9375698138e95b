import type { MatchState } from "../state/MatchState";
import { DEFAULT_ROUND_HOURS } from "./tuning";

/**
 * The scenario's time unit against the default weekly round. A six-hour crisis with hourly rounds has
 * a time scale of 1/168: its operations, hiding, sightings and AI thinking run 168 times faster, so it
 * holds as many decisions as six weeks of a campaign.
 */
export function timeScale(state: MatchState): number {
  return state.roundHours / DEFAULT_ROUND_HOURS;
}

/** A duration written for the default time unit, in this match's game hours. */
export function scaledHours(state: MatchState, hours: number): number {
  return hours * timeScale(state);
}

/** A span of game hours as a player reads it: "40 minutes", "6 hours", "2 days". */
export function formatHours(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} minutes`;
  if (hours < 48) return `${Math.round(hours * 10) / 10} hours`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}
