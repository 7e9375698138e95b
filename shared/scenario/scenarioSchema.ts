import { z } from "zod";
import { SPECTATOR_SEAT } from "../protocol/joinOptions";
import { HOURS_PER_TICK, TICK_RATE } from "../rules/clock";
import { DEFAULT_ROUND_HOURS, maquisStanding } from "../rules/tuning";

const MAQUIS_STANDING_START = maquisStanding.start;
import { scenarioAiSchema } from "./aiSkillSchema";
import { atlases } from "./atlases";
import { scenarioDifficultySchema, type ScenarioDifficulty } from "./difficultySchema";
import { idOf, idSchema } from "./idSchema";
import { objectiveSchema } from "./objectiveSchema";
import { shipClasses } from "./shipClassSchema";
import { atlasMapSchema, controllerSchema, inlineMapSchema } from "./mapSchema";
import { GENERATED_SHIP_ID, shipClassIdSchema, shipPlacementSchema, type ShipPlacement } from "./shipPlacementSchema";
import { triggerSchema, type Condition, type Effect } from "./triggerSchema";
import { tutorialSchema, type Tutorial } from "./tutorialSchema";

/** Version 2: "ships" became "forces", rules.treaty became rules.treatyInForce, maps may come from an atlas, lengths may be in hours. */
export const CURRENT_FORMAT_VERSION = 2;
const seatId = idSchema
  .refine((id) => id !== SPECTATOR_SEAT, `"${SPECTATOR_SEAT}" is reserved for onlookers`)
  .meta({ not: { const: SPECTATOR_SEAT } });

export const maquisSeatSchema = z
  .object({
    id: seatId,
    side: z.literal("maquis"),
    name: z.string().min(1).max(40),
    /** Where the cell may hide its base; the choice is made inside the match, never in the file. */
    baseCandidates: z
      .array(idOf("system"))
      .min(1, "name at least one candidate base site")
      .max(12)
      .describe("Systems where the cell may hide its base; the player chooses one during the match."),
    start: z
      .object({ supplies: z.number().min(0).max(1000), weapons: z.number().min(0).max(1000), recruits: z.number().min(0).max(1000) })
      .strict(),
  })
  .strict();

export const occupierSeatSchema = z
  .object({
    id: seatId,
    side: z.literal("occupier"),
    name: z.string().min(1).max(40),
    start: z.object({ requisition: z.number().min(0).max(1000), reputation: z.number().min(0).max(100) }).strict(),
    /** Which system controllers count as this occupier's own; the Cardassian Union and the mirror powers when left out. */
    controls: z.array(controllerSchema).min(1).optional().describe("Which holders count as this occupier's own; the Cardassian Union and the mirror powers when left out."),
    /** Warships the Reinforce operation can call in: their class, where they arrive, how many. */
    reinforcements: z
      .object({ class: shipClassIdSchema, at: idOf("system"), count: z.number().int().min(0).max(20) })
      .strict()
      .optional()
      .describe("Warships the Reinforce operation can call in: their class, where they arrive, how many."),
  })
  .strict();

export const seatSchema = z.discriminatedUnion("side", [maquisSeatSchema, occupierSeatSchema]);

/*
 * What checkReferences and resolveMap check that JSON Schema can say too: attached with .meta() to the
 * fields they constrain, so the exported schema (jsonSchema.ts) says it. Built from the same constants
 * and data as the checks; test/unit/scenarioJsonSchema.test.ts fails if the two disagree.
 */
const sideIs = (side: "maquis" | "occupier") => ({ type: "object", required: ["side"], properties: { side: { const: side } } });
const seatCountRule = { allOf: [{ contains: sideIs("maquis") }, { contains: sideIs("occupier"), minContains: 1, maxContains: 1 }] };
const objectiveSidesRule = { allOf: [{ contains: sideIs("maquis") }, { contains: sideIs("occupier") }] };
/** A stance effect that adds reinforcements needs an occupier seat with a reinforcements pool. */
const reinforcementsPoolRule = {
  if: {
    type: "object",
    required: ["triggers"],
    properties: {
      triggers: {
        type: "array",
        contains: {
          type: "object",
          required: ["then"],
          properties: {
            then: {
              type: "array",
              contains: { type: "object", required: ["kind", "reinforcements"], properties: { kind: { const: "stance" }, reinforcements: { type: "number", exclusiveMinimum: 0 } } },
            },
          },
        },
      },
    },
  },
  then: {
    type: "object",
    properties: {
      seats: { type: "array", contains: { type: "object", required: ["side", "reinforcements"], properties: { side: { const: "occupier" }, reinforcements: { type: "object" } } } },
    },
  },
};
/** Each bundled atlas with the systems and regions a scenario may pick from it and change. */
const atlasChoicesRule = {
  anyOf: [...atlases.values()].map((atlas) => {
    const systemIds = atlas.systems.map((system) => system.id);
    return {
      type: "object",
      properties: {
        atlas: { const: atlas.id },
        systems: { type: "array", items: { enum: systemIds } },
        regions: { type: "array", items: { enum: atlas.regions.map((region) => region.id) } },
        changes: { type: "object", propertyNames: { enum: systemIds } },
      },
    };
  }),
};

export const sourceSchema = z
  .object({
    title: z.string().min(1).max(120),
    kind: z.enum(["episode", "source-text", "reference", "novel"]),
  })
  .strict();

/** Everything but the map: shared by the file format and the resolved scenario. */
const scenarioFields = {
  formatVersion: z.literal(CURRENT_FORMAT_VERSION),
  id: idSchema,
  title: z.string().min(1).max(80),
  universe: z.enum(["primary", "mirror", "reborn"]),
  year: z.number().int().min(2000).max(3000),
  /** A stardate for the briefing, when the sources give one. */
  stardate: z.string().regex(/^\d{4,5}(\.\d)?$/, "must look like 47751.2").optional(),
  sources: z.array(sourceSchema).min(1, "name at least one source"),
  briefing: z.string().min(1).max(4000).describe("What the players read before the match: the situation, what is at stake, what they face."),
  /** The designer's notes for other modders (never shown to players): the measured length at 1×, balance, canon choices. */
  notes: z.string().max(4000).optional().describe("Notes for other modders, never shown to players: balance, canon choices, measured length."),
  /** How long the match runs unless a trigger ends it sooner: in days, or in hours for a tight crisis. */
  length: z.union([
    z.object({ days: z.number().int().min(1).max(365) }).strict(),
    z.object({ hours: z.number().int().min(1).max(240) }).strict(),
  ]),
  rules: z
    .object({
      /** Occupier warships in the zone breach the treaty and cost reputation. */
      treatyInForce: z.boolean().default(false).describe("Occupier warships in the zone breach the treaty and cost reputation."),
      /** Game hours per simulation step: the campaign default, or less for a crisis measured in hours. */
      hoursPerTick: z.number().min(0.0002).max(1).default(HOURS_PER_TICK).describe("Game hours per simulation step: lower for a crisis measured in hours."),
      /**
       * Game hours between rounds (income, intel, exposure, reports): a week unless set. It is also the
       * scenario's time unit: operations, going dark and the AIs' thinking scale with it.
       */
      roundHours: z.number().min(0.5).max(720).default(DEFAULT_ROUND_HOURS).describe("Game hours between rounds (income, intel, reports); a week unless set."),
      /** The Maquis movement's standing with the colonists at the start, 0–100. */
      maquisStanding: z.number().min(0).max(100).default(MAQUIS_STANDING_START).describe("The Maquis movement's standing with the colonists at the start, 0–100."),
    })
    .strict()
    .default({ treatyInForce: false, hoursPerTick: HOURS_PER_TICK, roundHours: DEFAULT_ROUND_HOURS, maquisStanding: MAQUIS_STANDING_START }),
  seats: z.array(seatSchema).min(2).max(6).meta(seatCountRule),
  /** The starting forces. */
  forces: z.array(shipPlacementSchema).max(200),
  objectives: z.array(objectiveSchema).min(2).max(20).meta(objectiveSidesRule),
  triggers: z.array(triggerSchema).max(50).default([]),
  /** The scenario's own changes to the AI levels (see aiSkillSchema); the game's tables where left out. */
  ai: scenarioAiSchema.optional(),
  /** A training scenario: listed apart from the history (first, under "Training") and left out of the balance table. */
  training: z.boolean().optional().describe("A training scenario: listed first, under Training, and left out of the balance table."),
  /** How hard each side is for its player against the AI at normal, labelled from measured balance (see difficultySchema). */
  difficulty: scenarioDifficultySchema.optional(),
  /** Steps a coach card shows the player one at a time, each done when its conditions hold (see tutorialSchema). */
  tutorial: tutorialSchema.optional(),
};

/** The file a modder writes (current format version): the map written out, or taken from an atlas. */
export const scenarioFileSchema = z
  .object({ ...scenarioFields, map: z.union([inlineMapSchema, atlasMapSchema.meta(atlasChoicesRule)]) })
  .strict()
  .meta(reinforcementsPoolRule);
export type ScenarioFile = z.infer<typeof scenarioFileSchema>;

/** A scenario with its map resolved, before the cross-reference checks. */
const scenarioShape = z.object({ ...scenarioFields, map: inlineMapSchema }).strict();

type ScenarioShape = z.infer<typeof scenarioShape>;

/** Cross-references a field-by-field schema cannot see: duplicate ids, dangling names, pieces off the map. */
function checkReferences(scenario: ScenarioShape, ctx: z.RefinementCtx): void {
  const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  const systemIds = new Set<string>();
  scenario.map.systems.forEach((system, i) => {
    if (systemIds.has(system.id)) problem(["map", "systems", i, "id"], `"${system.id}" is used by another system`);
    systemIds.add(system.id);
    if (system.x > scenario.map.width || system.y > scenario.map.height)
      problem(["map", "systems", i], `lies outside the ${scenario.map.width}×${scenario.map.height} map`);
  });
  const regionIds = new Set<string>();
  scenario.map.regions.forEach((region, i) => {
    if (regionIds.has(region.id)) problem(["map", "regions", i, "id"], `"${region.id}" is used by another region`);
    regionIds.add(region.id);
  });
  const seatIds = new Set<string>();
  scenario.seats.forEach((seat, i) => {
    if (seatIds.has(seat.id)) problem(["seats", i, "id"], `"${seat.id}" is used by another seat`);
    seatIds.add(seat.id);
  });
  if (!scenario.seats.some((seat) => seat.side === "maquis")) problem(["seats"], "needs at least one Maquis cell seat");
  const occupierSeats = scenario.seats.filter((seat) => seat.side === "occupier").length;
  if (occupierSeats !== 1) problem(["seats"], `needs exactly one occupier seat (has ${occupierSeats})`);
  const system = (path: (string | number)[], id: string) => {
    if (!systemIds.has(id)) problem(path, `no system has the id "${id}"`);
  };
  const shipClass = (path: (string | number)[], id: string) => {
    if (!shipClasses.has(id)) problem(path, `unknown ship class "${id}" (known: ${[...shipClasses.keys()].join(", ")})`);
  };
  scenario.seats.forEach((seat, i) => {
    if (seat.side === "maquis") seat.baseCandidates.forEach((id, j) => system(["seats", i, "baseCandidates", j], id));
    else if (seat.reinforcements) {
      shipClass(["seats", i, "reinforcements", "class"], seat.reinforcements.class);
      system(["seats", i, "reinforcements", "at"], seat.reinforcements.at);
    }
  });
  const shipIds = new Set<string>();
  const checkPlacement = (path: (string | number)[], ship: ShipPlacement) => {
    if (shipIds.has(ship.id)) problem([...path, "id"], `"${ship.id}" is used by another ship`);
    if (GENERATED_SHIP_ID.test(ship.id)) problem([...path, "id"], `"${ship.id}" looks like an id the game gives the ships it creates; choose another`);
    shipIds.add(ship.id);
    shipClass([...path, "class"], ship.class);
    if (!seatIds.has(ship.seat)) problem([...path, "seat"], `no seat has the id "${ship.seat}"`);
    if (typeof ship.at === "string") system([...path, "at"], ship.at);
    else if (ship.at.x > scenario.map.width || ship.at.y > scenario.map.height)
      problem([...path, "at"], `lies outside the ${scenario.map.width}×${scenario.map.height} map`);
    ship.route?.forEach((stop, j) => system([...path, "route", j], stop));
  };
  scenario.forces.forEach((ship, i) => checkPlacement(["forces", i], ship));
  const objectiveIds = new Set<string>();
  scenario.objectives.forEach((objective, i) => {
    if (objectiveIds.has(objective.id)) problem(["objectives", i, "id"], `"${objective.id}" is used by another objective`);
    objectiveIds.add(objective.id);
    const goal = objective.goal;
    if ("systems" in goal) goal.systems?.forEach((id, j) => system(["objectives", i, "goal", "systems", j], id));
    if (goal.kind === "garrison" || goal.kind === "reach") system(["objectives", i, "goal", "system"], goal.system);
    if (goal.kind === "sympathy" || goal.kind === "loyalty") {
      const colonies = scenario.map.systems.filter((s) => s.population > 0 && (!goal.systems || goal.systems.includes(s.id))).length;
      if (goal.count > colonies)
        problem(["objectives", i, "goal", "count"], `asks for ${goal.count} colonies but only ${colonies} populated systems can count, so no side can reach it`);
    }
  });
  for (const side of ["maquis", "occupier"] as const)
    if (!scenario.objectives.some((objective) => objective.side === side)) problem(["objectives"], `gives the ${side} side no objective`);
  const triggerIds = new Set<string>();
  scenario.triggers.forEach((trigger, i) => {
    if (triggerIds.has(trigger.id)) problem(["triggers", i, "id"], `"${trigger.id}" is used by another trigger`);
    triggerIds.add(trigger.id);
    trigger.when.forEach((condition: Condition, j) => {
      const path = ["triggers", i, "when", j];
      if (condition.kind === "sympathy" || condition.kind === "shipAt") system([...path, "system"], condition.system);
      if (condition.kind === "objective" && !objectiveIds.has(condition.id)) problem([...path, "id"], `no objective has the id "${condition.id}"`);
      if (condition.kind === "exposure" && scenario.seats.find((seat) => seat.id === condition.cell)?.side !== "maquis")
        problem([...path, "cell"], `no Maquis cell seat has the id "${condition.cell}"`);
    });
    trigger.then.forEach((effect: Effect, j) => {
      const path = ["triggers", i, "then", j];
      if (effect.kind === "spawn") checkPlacement([...path, "ship"], effect.ship);
      if (effect.kind === "convoy") {
        if (shipIds.has(effect.id)) problem([...path, "id"], `"${effect.id}" is used by another ship`);
        if (GENERATED_SHIP_ID.test(effect.id)) problem([...path, "id"], `"${effect.id}" looks like an id the game gives the ships it creates; choose another`);
        shipIds.add(effect.id);
        shipClass([...path, "class"], effect.class);
        effect.route.forEach((stop, k) => system([...path, "route", k], stop));
      }
      if (effect.kind === "sympathy" || effect.kind === "doom") system([...path, "system"], effect.system);
      if ((effect.kind === "grant" || effect.kind === "reveal" || effect.kind === "hide") && !seatIds.has(effect.seat))
        problem([...path, "seat"], `no seat has the id "${effect.seat}"`);
      if (effect.kind === "exposure" && scenario.seats.find((seat) => seat.id === effect.cell)?.side !== "maquis")
        problem([...path, "cell"], `no Maquis cell seat has the id "${effect.cell}"`);
      if (effect.kind === "stance" && (effect.reinforcements ?? 0) > 0 && !scenario.seats.some((seat) => seat.side === "occupier" && seat.reinforcements))
        problem([...path, "reinforcements"], "the occupier seat has no reinforcements pool (seats[].reinforcements) to add to");
    });
  });
  // Ships named by goals and "remove" effects may be spawned by a trigger, so they are checked after every placement is known.
  scenario.objectives.forEach((objective, i) => {
    if (objective.goal.kind === "reach" && !shipIds.has(objective.goal.ship))
      problem(["objectives", i, "goal", "ship"], `no ship has the id "${objective.goal.ship}"`);
  });
  scenario.triggers.forEach((trigger, i) => {
    trigger.when.forEach((condition, j) => {
      if (condition.kind === "shipAt" && condition.ship !== undefined && !shipIds.has(condition.ship))
        problem(["triggers", i, "when", j, "ship"], `no ship has the id "${condition.ship}"`);
    });
    trigger.then.forEach((effect, j) => {
      if (effect.kind === "remove" && !shipIds.has(effect.ship)) problem(["triggers", i, "then", j, "ship"], `no ship has the id "${effect.ship}"`);
    });
  });
  if (scenario.tutorial) checkTutorial(scenario.tutorial, { systemIds, objectiveIds, shipIds }, problem);
}

/** A tutorial's steps: unique ids, and the systems, objectives and ships its conditions name. */
function checkTutorial(
  tutorial: Tutorial,
  known: { systemIds: Set<string>; objectiveIds: Set<string>; shipIds: Set<string> },
  problem: (path: (string | number)[], message: string) => void,
): void {
  const stepIds = new Set<string>();
  tutorial.steps.forEach((step, i) => {
    const path = ["tutorial", "steps", i];
    if (stepIds.has(step.id)) problem([...path, "id"], `"${step.id}" is used by another step`);
    stepIds.add(step.id);
    step.done.forEach((condition, j) => {
      const at = [...path, "done", j];
      if (condition.kind === "shipAt" && !known.systemIds.has(condition.system)) problem([...at, "system"], `no system has the id "${condition.system}"`);
      if (condition.kind === "objective" && !known.objectiveIds.has(condition.id)) problem([...at, "id"], `no objective has the id "${condition.id}"`);
      if ("ship" in condition && condition.ship !== undefined && !known.shipIds.has(condition.ship)) problem([...at, "ship"], `no ship has the id "${condition.ship}"`);
    });
  });
}

export const scenarioSchema = scenarioShape.superRefine(checkReferences);
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioSystem = Scenario["map"]["systems"][number];
export type ScenarioSeat = z.infer<typeof seatSchema>;
export type MaquisSeat = z.infer<typeof maquisSeatSchema>;
export type OccupierSeat = z.infer<typeof occupierSeatSchema>;

/** What the menu and the briefing screen need: the story, who plays, what each side is after, how long it runs. */
export interface ScenarioSummary {
  id: string;
  title: string;
  universe: Scenario["universe"];
  year: number;
  stardate?: string;
  sources: string[];
  briefing: string;
  seats: { id: string; side: string; name: string }[];
  objectives: { id: string; side: string; text: string; points: number }[];
  /** The full length in game hours, and what that is in real minutes at 1× (a trigger may end it sooner). */
  lengthHours: number;
  minutesAt1x: number;
  /** A training scenario (listed under "Training", offered to new players first). */
  training?: true;
  /** How hard each side is for its player, when the author has measured it. */
  difficulty?: ScenarioDifficulty;
  /** The coach's steps, for a scenario that has them. */
  tutorial?: Tutorial;
}

export function summarizeScenario(scenario: Scenario): ScenarioSummary {
  const lengthHours = lengthInHours(scenario);
  return {
    id: scenario.id,
    title: scenario.title,
    universe: scenario.universe,
    year: scenario.year,
    ...(scenario.stardate ? { stardate: scenario.stardate } : {}),
    sources: scenario.sources.map((source) => source.title),
    briefing: scenario.briefing,
    seats: scenario.seats.map(({ id, side, name }) => ({ id, side, name })),
    objectives: scenario.objectives.map(({ id, side, text, points }) => ({ id, side, text, points })),
    lengthHours,
    minutesAt1x: Math.round(lengthHours / scenario.rules.hoursPerTick / TICK_RATE / 60),
    ...(scenario.training ? { training: true as const } : {}),
    ...(scenario.difficulty ? { difficulty: scenario.difficulty } : {}),
    ...(scenario.tutorial ? { tutorial: scenario.tutorial } : {}),
  };
}

/** The scenario's length in game hours. */
export function lengthInHours(scenario: Pick<Scenario, "length">): number {
  return "days" in scenario.length ? scenario.length.days * 24 : scenario.length.hours;
}
