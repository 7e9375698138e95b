import { HOURS_PER_DAY } from "../../shared/rules/clock";

/** One sample of the match's history, as the results charts read it (the state's DaySample, as JSON). */
export interface HistoryPoint {
  day: number;
  /** Game hour of the sample; an hour-scale scenario samples every round, several times within a day. */
  hours?: number;
  /** The Maquis movement's public standing, 0–100. */
  standing?: number;
  /** The occupier's reputation, 0–100. */
  reputation?: number;
  maquisColonies: number;
  loyalColonies: number;
  exposure: number;
  supplies: number;
  requisition: number;
  lostMaquis: number;
  lostOccupier: number;
  convoysLost: number;
}

/**
 * Where a sample sits on the charts' day axis, counted like the match clock (the first day is day 1):
 * from the hour it was taken when it says, else its day.
 */
export function chartDay(point: HistoryPoint): number {
  return point.hours === undefined ? point.day : point.hours / HOURS_PER_DAY + 1;
}

/** Samples in time order, as the charts' x axis needs them. */
export function inTimeOrder<T extends HistoryPoint>(points: readonly T[]): T[] {
  return [...points].sort((a, b) => chartDay(a) - chartDay(b));
}
