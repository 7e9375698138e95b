/** Simulation steps per real second at normal speed. */
export const TICK_RATE = 10;
/** Game hours that pass in one simulation step, unless the scenario sets its own (state.hoursPerTick). */
export const HOURS_PER_TICK = 0.25;
