/** Simulation steps per real second at normal speed. */
export const TICK_RATE = 10;
/** Game hours that pass in one simulation step, unless the scenario sets its own (state.hoursPerTick). */
export const HOURS_PER_TICK = 0.25;
export const HOURS_PER_DAY = 24;

/** Whether the step from previousHours to hours crossed a multiple of period (a dawn, a round). */
export function crossed(hours: number, previousHours: number, period: number): boolean {
  return Math.floor(hours / period) > Math.floor(previousHours / period);
}

export function isDawn(hours: number, previousHours: number): boolean {
  return crossed(hours, previousHours, HOURS_PER_DAY);
}

export function dayOf(hours: number): number {
  return Math.floor(hours / HOURS_PER_DAY) + 1;
}
