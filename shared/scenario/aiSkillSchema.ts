import { z } from "zod";

/*
 * How an AI of each level plays, as data. The tables of levels live in ai/difficulty.ts; a scenario may
 * change single fields of them for its own map (the `ai` block), so these schemas are both the type of
 * a table row and what a scenario file is checked against.
 */

const hours = z.number().min(0.1).max(240);
const hullShare = z.number().min(0).max(1);

/** The fields both sides' AIs read (how often it thinks, when it leaves a fight). */
const aiSkillFields = {
  /** Game hours between decisions, in the scenario's time unit (see rules/timeScale). */
  thinkEveryHours: hours,
  /** Share of hull below which a ship in a fight breaks off. */
  breakOffHull: hullShare,
  /** Breaks off when the foe's firepower is more than this many times its own; 0 never for that reason. */
  breakOffOutgunned: z.number().min(0).max(20),
  /** Whether it fights on below its break-off hull while the foe would be wrecked first (a failed break-off costs a round of fire). */
  weighsTheFight: z.boolean(),
};

export const maquisAiSkillSchema = z
  .object({
    ...aiSkillFields,
    /** Exposure at which the cell goes to ground. */
    hideAtExposure: z.number().min(0).max(100),
    /** The chance of being seen it accepts for one move or one operation with a hidden ship; 1 ignores the sensor picture. */
    riskTolerance: z.number().min(0).max(1),
    /** Whether it picks its own base site before its first operation (else keeps the one the seed drew). */
    picksBase: z.boolean(),
    /** Whether it takes a badly hurt ship to be mended before it goes on. */
    refitsWounded: z.boolean(),
    /** Whether it lies in ambush in cover where warships pass. */
    ambushes: z.boolean(),
    /** Whether it runs relief (goods, not words) to win colonies. */
    usesRelief: z.boolean(),
    /** Whether, ahead as things stand and one lost ship from losing it, the cell keeps every ship hidden rather than risk it. */
    guardsTheLead: z.boolean(),
    /** Whether a hunted ship runs for the cover it reaches before the warships it sees (else the nearest, even past them). */
    evadesPursuit: z.boolean(),
  })
  .strict();

export const occupierAiSkillSchema = z
  .object({
    ...aiSkillFields,
    /** How far (map units) it goes after a Maquis ship it sees, to chase it or to open fire on it from where it is; 0 never does. */
    chaseRange: z.number().min(0).max(5000),
    /** Crackdowns: "reckless" uses them wherever allowed, "measured" only where sympathy is total, "never". */
    crackdowns: z.enum(["reckless", "measured", "never"]),
    /** Convoys it keeps under way. */
    convoys: z.number().int().min(0).max(10),
    /** Whether it calls reinforcements as soon as it can afford them. */
    eagerReinforcement: z.boolean(),
    /** Garrisons it wants at each colony it works. */
    garrisonTarget: z.number().int().min(0).max(10),
    /** Whether it sends capital ships into the zone while the treaty holds (and pays in reputation). */
    breachesTreaty: z.boolean(),
    /** Whether it wins colonies with aid rather than force. */
    usesRelief: z.boolean(),
    /** Whether it searches the scenario's candidate base sites (informants, sweeps) while it must find bases. */
    searchesSites: z.boolean(),
    /** Whether it posts warships to guard what the Maquis' objectives aim at. */
    guardsTargets: z.boolean(),
    /** Whether it keeps capital ships out of plasma storms rather than chase a raider in. */
    avoidsStorms: z.boolean(),
  })
  .strict();

/** Changes to one side's levels: any field of any level, the rest as the game's table has it. */
function levelChanges<T extends z.ZodObject>(skill: T) {
  const changes = skill.partial();
  return z.object({ easy: changes.optional(), normal: changes.optional(), hard: changes.optional() }).strict();
}

/**
 * A scenario's own tuning of the AI levels: where the game's tables play its map badly (a hard occupier
 * that parks on every target of a small map, an easy cell that never finds the one gap), the designer
 * changes a field or two and says why in the notes.
 */
export const scenarioAiSchema = z
  .object({ maquis: levelChanges(maquisAiSkillSchema).optional(), occupier: levelChanges(occupierAiSkillSchema).optional() })
  .strict();
