/** Every number the rules balance on, named in one place. Costs are in the side's own resources. */

/** A ship this close to a system is "at" it and can operate there. */
export const AT_SYSTEM_RADIUS = 12;
/** Hours a ship is busy after an operation before it can start another. */
export const OPERATION_HOURS = 4;
export const MAX_GARRISON = 5;
export const MAX_LOG_ENTRIES = 200;

export const maquisCosts = {
  recruit: { supplies: 2 },
  agitate: { supplies: 3 },
  smuggle: { supplies: 4 },
  raid: { weapons: 1 },
  sabotage: { weapons: 2 },
  ambush: { weapons: 1 },
  evacuate: { supplies: 2 },
  goDark: {},
  strike: { weapons: 3 },
} as const;

export const occupierCosts = {
  patrol: 0,
  sweep: 2,
  assault: 1,
  garrison: 5,
  convoy: 2,
  informants: 3,
  crackdown: 4,
  reinforce: 10,
} as const;

/** Exposure (0–100) each Maquis operation adds to its cell. */
export const exposureGain = {
  recruit: 2,
  agitate: 3,
  smuggle: 1,
  raid: 10,
  sabotage: 8,
  ambush: 0,
  evacuate: 1,
  goDark: 0,
  strike: 15,
} as const;

export const SMUGGLE_WEAPONS = 2;
export const AGITATE_BASE_CHANCE = 0.75;
export const AGITATE_GARRISON_PENALTY = 0.15;
/** Agitation is refused under a larger garrison than this. */
export const MAX_GARRISON_FOR_AGITATION = 2;
/** Intel the occupier loses on a colony where the Maquis agitate (its informants are turned). */
export const AGITATE_INTEL_LOSS = 10;
export const RAID_SUCCESS_CHANCE = 0.75;
export const SABOTAGE_INTEL_LOSS = 30;
export const SABOTAGE_GARRISON_CHANCE = 0.5;
export const STRIKE_GARRISON_CHANCE = 0.6;
/** A strike on a garrison this populous causes civilian harm. */
export const CROWDED_WORLD = 10_000;
export const EVACUATE_PER_OPERATION = { small: 300, medium: 1200, large: 3000 } as const;

export const SWEEP_MIN_INTEL = 30;
export const SWEEP_RADIUS = 60;
export const SWEEP_REST_HOURS = 24;
export const SWEEP_FINDS_BASE_INTEL = 60;
/** Intel a sweep adds to the system it searched, whatever it found. */
export const SWEEP_INTEL_GAIN = 5;
export const CRACKDOWN_FINDS_BASE_INTEL = 40;
/** Intel the Maquis lose on a colony the occupier cracks down on (their contacts go to ground). */
export const CRACKDOWN_MAQUIS_INTEL_LOSS = 20;
export const INFORMANTS_INTEL = 25;
/** Each step of sympathy for the Maquis makes informants that much less willing… */
export const INFORMANTS_INTEL_PER_SYMPATHY = 5;
/** …but they always give at least this much. */
export const INFORMANTS_MIN_INTEL = 5;
export const GARRISON_INTEL = 10;
export const CONVOY_CARGO = 8;
export const MAX_ACTIVE_CONVOYS = 3;
export const MIN_ASSAULT_FIREPOWER = 50;
/** Share of a cell's stores lost when its base is overrun. */
export const BASE_ASSAULT_LOSS = 0.6;
/** A cell that survives the loss of its base starts again no hotter than this. */
export const EXPOSURE_AFTER_BASE_LOSS = 40;

export const reputationLoss = {
  raid: 3,
  sabotage: 2,
  strike: 5,
  crackdown: 8,
  /** Per day per warship inside the zone while the treaty holds. */
  treatyBreach: 1,
  shipLost: 4,
} as const;

/** Going dark: hours out of enemy sensors, in cover, before a ship is underground again. */
export const DARK_HOURS = 6;
/** Exposure lost per day by a cell that has not operated in the last day. */
export const LIE_LOW_EXPOSURE_PER_DAY = 6;
/** Above this exposure the occupier's intelligence may locate a cell's base. */
export const BASE_DETECTION_EXPOSURE = 60;
/** A garrisoned system's sensors cover this radius. */
export const GARRISON_SENSOR_RANGE = 45;
/** Systems where a side's intel is at least this watch a radius for it (colonists report). */
export const INTEL_WATCH_LEVEL = 60;
export const INTEL_WATCH_RANGE = 40;

/** Combat: one round every this many ticks; damage scales with firepower. */
export const ROUND_TICKS = 5;
export const DAMAGE_PER_FIREPOWER = 0.25;
export const AMBUSH_FIRST_STRIKE = 1.5;
export const BREAK_OFF_BASE_CHANCE = 0.35;
export const MAX_ROUNDS = 12;

/** Region effects by ship size. */
export const stormSpeed = { small: 1, medium: 0.7, large: 0.5 } as const;
export const stormDamagePerHour = { small: 0, medium: 0.5, large: 1.5 } as const;
export const STORM_SENSOR_FACTOR = 0.25;
export const NEBULA_SPEED = 0.8;
export const NEBULA_SENSOR_FACTOR = 0.5;
/** Cover bonus to breaking off inside a storm or nebula. */
export const COVER_BREAK_OFF_BONUS = 0.25;

/** Each dawn, each garrison at a colony gives this chance of winning it one step toward the occupier (order, rations, patience). */
export const PACIFY_CHANCE_PER_GARRISON = 0.06;
/** Garrisons cannot make a colony more than passively loyal, and a Maquis ship at the colony stops them. */
export const PACIFY_FLOOR = -1;

/** Daily yield to the nearest cell per step of Maquis sympathy in a colony. */
export const SUPPLIES_PER_SYMPATHY = 0.5;
/** What a loyal or neutral colony of the occupier pays it each dawn: a base, more per step of loyalty, more per garrison (up to a cap). */
export const requisitionYield = { base: 1, perLoyalty: 1, perGarrison: 0.5, garrisonsCounted: 2 } as const;
/** How intel drifts each dawn: garrisons and loyal colonies feed the occupier's, sympathy feeds the Maquis'. */
export const intelDrift = { occupierPerGarrison: 4, occupierFromLoyalColony: 2, occupierLostPerSympathy: 2, maquisPerSympathy: 4, maquisLostPerGarrison: 1 } as const;
export const RECRUITS_FROM_DEVOTED_COLONY = 0.25;

/** A cell that has lost every ship can field a fighter again at its base for these holdings. */
export const REFIT_COST = { supplies: 10, recruits: 3 } as const;

/**
 * Repairs, as a share of the ship class's full hull and shields per game hour, for a ship at rest and
 * out of a fight. A Maquis ship refits at its cell's base or a sympathetic colony; an occupier ship at
 * a depot (a system its side controls) or a loyal colony; shields come back slowly anywhere.
 */
export const repairPerHour = {
  base: { hull: 0.05, shields: 0.25 },
  depot: { hull: 0.05, shields: 0.25 },
  friendlyColony: { hull: 0.02, shields: 0.15 },
  underway: { hull: 0, shields: 0.03 },
} as const;
/** A wrecked ship keeps this share of its speed and firepower; the rest scales with its hull. */
export const CRIPPLED_PERFORMANCE = 0.5;
