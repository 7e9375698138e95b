export type Difficulty = "easy" | "normal" | "hard";

/** Map units between the points an AI checks along a straight path (for the treaty zone, for known sensors). */
export const PATH_SAMPLE_SPACING = 10;

/** Habits every Maquis AI shares, whatever its level. */
export const maquisAiHabits = {
  /** How far (map units) a raider goes after a convoy it can see. */
  convoyHuntRange: 260,
  /** Weapons a cell wants in store before it strikes. */
  strikeWeapons: 6,
  /** A cell that mends its ships (refitsWounded) takes one in below this share of its hull... */
  refitBelowHull: 0.6,
  /** ...and keeps it there until it is back to this share. */
  refitUntilHull: 0.9,
} as const;

/** Habits every occupier AI shares, whatever its level. */
export const occupierAiHabits = {
  /** Requisition kept back from spending, for an emergency. */
  requisitionReserve: 6,
  /** Stops on the patrol beat given to an idle light ship. */
  patrolBeatStops: 3,
  /** Game hours before the AI cracks down on the same colony again: force used twice in a row only hardens it. */
  crackdownCooldownHours: 14 * 24,
} as const;
export const difficulties: readonly Difficulty[] = ["easy", "normal", "hard"];

/** The fields both sides' AIs read (how often it thinks, when it leaves a fight); each side's table sets its own values. */
export interface AiSkill {
  /** Game hours between decisions, in the scenario's time unit (see rules/timeScale). */
  thinkEveryHours: number;
  /** Share of hull below which a ship in a fight breaks off. */
  breakOffHull: number;
  /** Breaks off when the foe's firepower is more than this many times its own; 0 never for that reason. */
  breakOffOutgunned: number;
}

/** How a Maquis cell's AI of each level plays. Its own table, so one side's level can be tuned without the other's. */
export interface MaquisAiSkill extends AiSkill {
  /** Exposure at which the cell goes to ground. */
  hideAtExposure: number;
  /** The chance of being seen it accepts for one move or one operation with a hidden ship; 1 ignores the sensor picture. */
  riskTolerance: number;
  /** Whether it picks its own base site before its first operation (else keeps the one the seed drew). */
  picksBase: boolean;
  /** Whether it takes a badly hurt ship to be mended before it goes on. */
  refitsWounded: boolean;
  /** Whether it lies in ambush in cover where warships pass. */
  ambushes: boolean;
  /** Whether it runs relief (goods, not words) to win colonies. */
  usesRelief: boolean;
}

/** How the occupier's AI of each level plays. */
export interface OccupierAiSkill extends AiSkill {
  /** Chases visible enemies this far (map units); 0 never chases. */
  chaseRange: number;
  /** Crackdowns: "reckless" uses them wherever allowed, "measured" only where sympathy is total, "never". */
  crackdowns: "reckless" | "measured" | "never";
  /** Convoys it keeps under way. */
  convoys: number;
  /** Whether it calls reinforcements as soon as it can afford them. */
  eagerReinforcement: boolean;
  /** Garrisons it wants at each colony it works. */
  garrisonTarget: number;
  /** Whether it sends capital ships into the zone while the treaty holds (and pays in reputation). */
  breachesTreaty: boolean;
  /** Whether it wins colonies with aid rather than force. */
  usesRelief: boolean;
  /** Whether it searches the scenario's candidate base sites (informants, sweeps) while it must find bases. */
  searchesSites: boolean;
  /** Whether it posts warships to guard what the Maquis' objectives aim at. */
  guardsTargets: boolean;
  /** Whether it keeps capital ships out of plasma storms rather than chase a raider in. */
  avoidsStorms: boolean;
}

export const maquisAiSkill: Record<Difficulty, MaquisAiSkill> = {
  easy: {
    thinkEveryHours: 10,
    breakOffHull: 0.25,
    breakOffOutgunned: 0,
    hideAtExposure: 85,
    riskTolerance: 1,
    picksBase: false,
    refitsWounded: false,
    ambushes: false,
    usesRelief: false,
  },
  normal: {
    thinkEveryHours: 4,
    breakOffHull: 0.5,
    breakOffOutgunned: 3,
    hideAtExposure: 65,
    riskTolerance: 0.4,
    picksBase: true,
    refitsWounded: false,
    ambushes: true,
    usesRelief: true,
  },
  hard: {
    thinkEveryHours: 1.5,
    breakOffHull: 0.6,
    breakOffOutgunned: 2,
    hideAtExposure: 60,
    riskTolerance: 0.4,
    picksBase: true,
    refitsWounded: true,
    ambushes: true,
    usesRelief: true,
  },
};

export const occupierAiSkill: Record<Difficulty, OccupierAiSkill> = {
  easy: {
    thinkEveryHours: 10,
    breakOffHull: 0.25,
    breakOffOutgunned: 0,
    chaseRange: 90,
    crackdowns: "measured",
    convoys: 3,
    eagerReinforcement: false,
    garrisonTarget: 1,
    breachesTreaty: false,
    usesRelief: false,
    searchesSites: false,
    guardsTargets: false,
    avoidsStorms: false,
  },
  normal: {
    thinkEveryHours: 4,
    breakOffHull: 0.5,
    breakOffOutgunned: 3,
    chaseRange: 180,
    crackdowns: "measured",
    convoys: 2,
    eagerReinforcement: false,
    garrisonTarget: 2,
    breachesTreaty: false,
    usesRelief: true,
    searchesSites: true,
    guardsTargets: false,
    avoidsStorms: true,
  },
  hard: {
    thinkEveryHours: 1.5,
    breakOffHull: 0.6,
    breakOffOutgunned: 2,
    chaseRange: 400,
    crackdowns: "never",
    convoys: 1,
    eagerReinforcement: true,
    garrisonTarget: 3,
    breachesTreaty: false,
    usesRelief: true,
    searchesSites: true,
    guardsTargets: true,
    avoidsStorms: true,
  },
};
