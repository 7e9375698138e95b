import { z } from "zod";
import { idSchema } from "./idSchema";
import { shipClasses } from "./shipClassSchema";

export const CURRENT_FORMAT_VERSION = 1;
export const MAX_MAP_SIZE = 5000;

const coordinate = z.number().finite().min(0).max(MAX_MAP_SIZE);
const point = z.object({ x: coordinate, y: coordinate }).strict();

export const systemSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1).max(40),
    x: coordinate,
    y: coordinate,
    population: z.number().int().min(0).max(20_000_000_000),
    sympathy: z.number().int().min(-2, "must be between -2 and 2").max(2, "must be between -2 and 2"),
    controller: z.enum(["cardassia", "federation", "bajor", "independent", "maquis", "terran-empire", "alliance"]),
  })
  .strict();

export const regionSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1).max(40),
    kind: z.enum(["plasma-storm", "nebula", "asteroid-field", "treaty-border", "zone"]),
    outline: z.array(point).min(3, "needs at least 3 points").max(64),
  })
  .strict();

export const seatSchema = z
  .object({
    id: idSchema.refine((id) => id !== "spectator", "\"spectator\" is reserved for onlookers"),
    side: z.enum(["maquis", "occupier"]),
    name: z.string().min(1).max(40),
  })
  .strict();

export const shipPlacementSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1).max(40),
    class: idSchema,
    seat: idSchema,
    /** A system id to start at, or a point on the map. */
    at: z.union([idSchema, point]),
    /** A patrol route: system ids flown in a loop. */
    route: z.array(idSchema).min(2, "a route needs at least 2 systems").max(16).optional(),
  })
  .strict();

export const sourceSchema = z
  .object({
    title: z.string().min(1).max(120),
    kind: z.enum(["episode", "source-text", "reference", "novel"]),
  })
  .strict();

const scenarioShape = z
  .object({
    formatVersion: z.literal(CURRENT_FORMAT_VERSION),
    id: idSchema,
    title: z.string().min(1).max(80),
    universe: z.enum(["primary", "mirror", "reborn"]),
    year: z.number().int().min(2000).max(3000),
    sources: z.array(sourceSchema).min(1, "name at least one source"),
    briefing: z.string().min(1).max(4000),
    map: z
      .object({
        width: z.number().positive().max(MAX_MAP_SIZE),
        height: z.number().positive().max(MAX_MAP_SIZE),
        systems: z.array(systemSchema).min(1).max(100),
        regions: z.array(regionSchema).max(50),
      })
      .strict(),
    seats: z.array(seatSchema).min(1).max(6),
    ships: z.array(shipPlacementSchema).max(200),
  })
  .strict();

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
  if (scenario.seats.filter((seat) => seat.side === "occupier").length > 1) problem(["seats"], "has more than one occupier seat");
  const shipIds = new Set<string>();
  scenario.ships.forEach((ship, i) => {
    if (shipIds.has(ship.id)) problem(["ships", i, "id"], `"${ship.id}" is used by another ship`);
    shipIds.add(ship.id);
    if (!shipClasses.has(ship.class))
      problem(["ships", i, "class"], `unknown ship class "${ship.class}" (known: ${[...shipClasses.keys()].join(", ")})`);
    if (!seatIds.has(ship.seat)) problem(["ships", i, "seat"], `no seat has the id "${ship.seat}"`);
    if (typeof ship.at === "string") {
      if (!systemIds.has(ship.at)) problem(["ships", i, "at"], `no system has the id "${ship.at}"`);
    } else if (ship.at.x > scenario.map.width || ship.at.y > scenario.map.height) {
      problem(["ships", i, "at"], `lies outside the ${scenario.map.width}×${scenario.map.height} map`);
    }
    ship.route?.forEach((stop, j) => {
      if (!systemIds.has(stop)) problem(["ships", i, "route", j], `no system has the id "${stop}"`);
    });
  });
}

export const scenarioSchema = scenarioShape.superRefine(checkReferences);
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioSystem = z.infer<typeof systemSchema>;
export type ScenarioSeat = z.infer<typeof seatSchema>;

/** What the menu needs to list a scenario. */
export interface ScenarioSummary {
  id: string;
  title: string;
  universe: Scenario["universe"];
  year: number;
  seats: { id: string; side: string; name: string }[];
}

export function summarizeScenario(scenario: Scenario): ScenarioSummary {
  return {
    id: scenario.id,
    title: scenario.title,
    universe: scenario.universe,
    year: scenario.year,
    seats: scenario.seats.map(({ id, side, name }) => ({ id, side, name })),
  };
}
