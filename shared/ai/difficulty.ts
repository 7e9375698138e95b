import type { z } from "zod";
import type { Scenario } from "../scenario/scenarioSchema";
import type { maquisAiSkillSchema, occupierAiSkillSchema } from "../scenario/aiSkillSchema";

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
export type AiSkill = Pick<MaquisAiSkill, "thinkEveryHours" | "breakOffHull" | "breakOffOutgunned" | "weighsTheFight">;
/** How a Maquis cell's AI of each level plays (fields explained in scenario/aiSkillSchema). Its own table, so one side's level can be tuned without the other's. */
export type MaquisAiSkill = z.infer<typeof maquisAiSkillSchema>;
/** How the occupier's AI of each level plays. */
export type OccupierAiSkill = z.infer<typeof occupierAiSkillSchema>;

export const maquisAiSkill: Record<Difficulty, MaquisAiSkill> = {
  easy: {
    thinkEveryHours: 10,
    breakOffHull: 0.25,
    breakOffOutgunned: 0,
    weighsTheFight: false,
    hideAtExposure: 85,
    riskTolerance: 1,
    picksBase: false,
    refitsWounded: false,
    ambushes: false,
    usesRelief: false,
    guardsTheLead: false,
    evadesPursuit: false,
  },
  normal: {
    thinkEveryHours: 4,
    breakOffHull: 0.5,
    breakOffOutgunned: 3,
    weighsTheFight: false,
    hideAtExposure: 65,
    riskTolerance: 0.4,
    picksBase: true,
    refitsWounded: false,
    ambushes: true,
    usesRelief: true,
    guardsTheLead: false,
    evadesPursuit: false,
  },
  hard: {
    thinkEveryHours: 1.5,
    breakOffHull: 0.6,
    breakOffOutgunned: 2,
    weighsTheFight: true,
    hideAtExposure: 60,
    riskTolerance: 0.4,
    picksBase: true,
    refitsWounded: true,
    ambushes: true,
    usesRelief: true,
    guardsTheLead: true,
    evadesPursuit: true,
  },
};

export const occupierAiSkill: Record<Difficulty, OccupierAiSkill> = {
  easy: {
    thinkEveryHours: 10,
    breakOffHull: 0.25,
    breakOffOutgunned: 0,
    weighsTheFight: false,
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
    weighsTheFight: false,
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
    weighsTheFight: false,
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

/** Both sides' level tables as one scenario plays them. */
export interface AiSkills {
  maquis: Record<Difficulty, MaquisAiSkill>;
  occupier: Record<Difficulty, OccupierAiSkill>;
}

const resolved = new WeakMap<Scenario, AiSkills>();

/** The tables above with the scenario's own changes (its `ai` block) laid over them; worked out once per scenario. */
export function aiSkillsFor(scenario: Scenario): AiSkills {
  let skills = resolved.get(scenario);
  if (!skills) {
    const over = <T>(table: Record<Difficulty, T>, changes: Partial<Record<Difficulty, Partial<T>>> | undefined) =>
      Object.fromEntries(difficulties.map((level) => [level, { ...table[level], ...changes?.[level] }])) as Record<Difficulty, T>;
    skills = { maquis: over(maquisAiSkill, scenario.ai?.maquis), occupier: over(occupierAiSkill, scenario.ai?.occupier) };
    resolved.set(scenario, skills);
  }
  return skills;
}
