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
  /** Smuggling relief: food, medicine and parts handed out to the colonists. */
  relief: { supplies: 6 },
  transfer: {},
  raid: { weapons: 1 },
  /** Breaking into a depot takes more than boarding a freighter. */
  depotRaid: { weapons: 2 },
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
  aid: 3,
  reinforce: 10,
} as const;

/** Exposure (0–100) each Maquis operation adds to its cell. */
export const exposureGain = {
  recruit: 2,
  agitate: 3,
  smuggle: 1,
  transfer: 0,
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
/** Agitation's odds move by up to this much with the movement's standing. */
export const AGITATE_STANDING_EFFECT = 0.2;
/** Agitation is refused under a larger garrison than this. */
export const MAX_GARRISON_FOR_AGITATION = 2;
/** Intel the occupier loses on a colony where the Maquis agitate (its informants are turned). */
export const AGITATE_INTEL_LOSS = 10;
export const RAID_SUCCESS_CHANCE = 0.75;
/** Raiding a depot: the odds fall with each garrison there; a success carries off requisition as supplies. */
export const raidDepot = { baseChance: 0.65, garrisonPenalty: 0.15, seized: 8 } as const;
/** Relief run: the odds of winning the colony a step (less under garrisons), and the standing it earns either way. */
export const relief = { sympathyChance: 0.5, garrisonPenalty: 0.1, standingGain: 1 } as const;
/**
 * Aid (civic action), the occupier's non-violent lever: the odds of winning a colony a step toward it
 * (less where the Maquis are strong), the reputation it earns and the intel it buys either way.
 */
export const aid = { loyaltyChance: 0.3, perMaquisSympathy: 0.1, reputationGain: 1, intelGain: 5 } as const;
export const SABOTAGE_INTEL_LOSS = 30;
export const SABOTAGE_GARRISON_CHANCE = 0.5;
export const STRIKE_GARRISON_CHANCE = 0.6;
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
  /** A looted depot is an embarrassment, not a defeat. */
  depotRaid: 1,
  sabotage: 2,
  strike: 5,
  /** The news of a crackdown anywhere, before the harm to the colony's people (civilianHarm.crackdown). */
  crackdown: 6,
  /** Per day per warship inside the zone while the treaty holds, charged every step. */
  treatyBreachPerDay: 1,
  shipLost: 4,
} as const;

/** Going dark: hours out of enemy sensors, in cover, before a ship is underground again. */
export const DARK_HOURS = 6;
/** Above this exposure the occupier's intelligence may locate a cell's base, each round with odds baseHuntOdds. */
export const BASE_DETECTION_EXPOSURE = 60;
/** Odds per round of locating a hot cell's base: per point of exposure over the threshold, by the occupier's intel on the site. */
export const baseHunt = { perExposurePoint: 0.01, intelFloor: 0.25, roundMultiplier: 5 } as const;
/** A garrisoned system's sensors (its sensor post) cover this radius. */
export const GARRISON_SENSOR_RANGE = 45;
/** Systems where a side's intel is at least this watch a radius for it (colonists report). */
export const INTEL_WATCH_LEVEL = 60;
export const INTEL_WATCH_RANGE = 40;

/**
 * Sensor contacts (matter-js; only ambushes read them) are refreshed every this many steps while a
 * ship lies in ambush; the ships move every step. An ambush springs at most this many steps minus one
 * after the hulls touch.
 */
export const CONTACT_CHECK_STEPS = 2;
/** Combat: one round every this many ticks; damage scales with firepower. */
export const ROUND_TICKS = 5;
export const DAMAGE_PER_FIREPOWER = 0.25;
export const AMBUSH_FIRST_STRIKE = 1.5;
export const BREAK_OFF_BASE_CHANCE = 0.35;
export const MAX_ROUNDS = 12;
/** A ship in a fight whose hull falls to this share of its class's is disabled and boarded: lost to its side, as if destroyed. */
export const DISABLED_HULL_SHARE = 0.15;

/** Region effects by ship size. */
export const stormSpeed = { small: 1, medium: 0.7, large: 0.5 } as const;
export const stormDamagePerHour = { small: 0, medium: 0.5, large: 1.5 } as const;
export const STORM_SENSOR_FACTOR = 0.25;
export const NEBULA_SPEED = 0.8;
export const NEBULA_SENSOR_FACTOR = 0.5;
/** Cover bonus to breaking off inside a storm or nebula. */
export const COVER_BREAK_OFF_BONUS = 0.25;

/** Each round, each garrison at a colony gives this chance of winning it one step toward the occupier (order, rations, patience). */
export const PACIFY_CHANCE_PER_GARRISON = 0.25;
/** Garrisons cannot make a colony more than passively loyal, and a Maquis ship at the colony stops them. */
export const PACIFY_FLOOR = -1;

/**
 * How much a colony counts in the round's income and in civilian harm, by its people: 1 at
 * referencePopulation, a third more for every tenfold, between min and max. Four hundred colonists
 * weigh 0.2; a world of four million, 1.5.
 */
export const populationWeight = { referencePopulation: 100_000, perTenfold: 1 / 3, min: 0.2, max: 2 } as const;

/** What each round pays, per colony and times its population weight. */
export const roundIncome = {
  /** Supplies to the cell whose base is nearest, per step of Maquis sympathy. */
  suppliesPerSympathy: 3.5,
  /** Recruits from a devoted (+2) colony, times the movement's standing over its start. */
  recruitsFromDevotedColony: 1.75,
  /** Requisition from a loyal or neutral colony of the occupier: a base, more per step of loyalty, more per garrison (up to a cap). */
  requisition: { base: 7, perLoyalty: 7, perGarrison: 3.5, garrisonsCounted: 2 },
} as const;

/**
 * How intel drifts each round. The occupier's grows with garrisons, its ships in orbit and loyal
 * colonies, and decays with sympathy and with every Maquis operation there that round; the Maquis'
 * grows with sympathy and their own operations, and shrinks under garrisons.
 */
export const intelDrift = {
  occupierPerGarrison: 28,
  occupierPerShipPresent: 6,
  occupierFromLoyalColony: 14,
  occupierLostPerSympathy: 14,
  occupierLostPerMaquisOperation: 6,
  maquisPerSympathy: 28,
  maquisPerOperation: 4,
  maquisLostPerGarrison: 7,
} as const;

/** Exposure a cell sheds in a round it spent wholly lying low (less for a round it partly worked). */
export const LIE_LOW_EXPOSURE_PER_ROUND = 42;
/** The share of a round a cell must lie low before it cools at all. */
export const LIE_LOW_MIN_SHARE = 1 / 7;

/**
 * The Maquis movement's standing (0–100) with the colonists: it drops when the Maquis harm civilians
 * and rises with public successes. Recruits scale with it; below `low` sympathetic colonies drift
 * away, above `high` neutral ones drift closer (chances per colony per round).
 */
export const maquisStanding = { start: 50, low: 30, high: 70, driftAwayChance: 0.2, driftCloserChance: 0.1, successGain: 1 } as const;

/**
 * Civilian harm: any fight, assault, strike, raid or crackdown at a populated world may turn it one step
 * against whoever did it (shiftChance), and costs that side standing (the occupier's reputation, the
 * Maquis' standing) — `standing` times the colony's population weight.
 */
export const civilianHarm = {
  fight: { shiftChance: 0.4, standing: 2 },
  raid: { shiftChance: 0.3, standing: 1 },
  strike: { shiftChance: 0.6, standing: 3 },
  assault: { shiftChance: 1, standing: 4 },
  crackdown: { shiftChance: 1, standing: 4 },
} as const;

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

/** A round (the politics: income, intel, exposure, reports) comes this often unless the scenario sets its own period. */
export const DEFAULT_ROUND_HOURS = 168;

/**
 * Detection of underground Maquis ships: every step, each occupier watcher whose range covers a hidden
 * ship rolls against it. Its hazard (expected sightings per hour of the scenario's time unit) is
 * ratePerHour × the watcher's strength × (1 − stealth/100) × closeness × cover × activity; hazards of
 * all watchers add up. A raider (stealth 60) flying through the middle of a Galor's range in open space
 * is seen within about six hours; the same raider parked in a storm, within about six days.
 */
export const detection = {
  ratePerHour: 0.4,
  /** A ship's strength as a watcher is its class's sensor range over this. */
  referenceSensorRange: 90,
  /** Fixed watchers: a garrison's sensor post, and colonists reporting to a well-informed occupier. */
  strength: { garrison: 0.7, informants: 0.4 },
  /** Odds fall from 1 at the watcher to this at the edge of its range. */
  edgeFactor: 0.2,
  /** What the target is doing: parked and quiet, under way, or busy with an operation. */
  activity: { still: 0.3, moving: 1, acting: 1.5 },
  /** Where the target is: the best cover it is in counts. A hollowed moon hides a ship parked at it. */
  cover: { "plasma-storm": 0.15, nebula: 0.4, "asteroid-field": 0.5, hollowedMoon: 0.1, open: 1 },
} as const;

/** How much harder a base is to locate (by notoriety or a sweep) at each kind of site. */
export const baseSiteCover = { hollowedMoon: 0.35, "asteroid-field": 0.6, "plasma-storm": 0.6, nebula: 0.8, open: 1 } as const;
