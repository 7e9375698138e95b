import { schema, t, type SchemaType } from "@colyseus/schema";

/** A star system on the sector map. Coordinates are map units (light-year-like). */
export const StarSystem = schema(
  {
    id: t.string().default(""),
    name: t.string().default(""),
    x: t.float64().default(0),
    y: t.float64().default(0),
    population: t.uint32().default(0),
    /** Five-step track from -2 (active loyal to the occupier) to +2 (active Maquis sympathy). */
    sympathy: t.int8().default(0),
    controller: t.string().default(""),
  },
  "StarSystem",
);
export type StarSystem = SchemaType<typeof StarSystem>;

/** A named area of space; its outline is a closed polygon stored as flat x,y pairs. */
export const Region = schema(
  {
    id: t.string().default(""),
    name: t.string().default(""),
    kind: t.string().default(""),
    outline: t.array("float64"),
  },
  "Region",
);
export type Region = SchemaType<typeof Region>;

export const Ship = schema(
  {
    id: t.string().default(""),
    name: t.string().default(""),
    shipClass: t.string().default(""),
    seat: t.string().default(""),
    x: t.float32().default(0),
    y: t.float32().default(0),
    heading: t.float32().default(0),
    moving: t.boolean().default(false),
    destX: t.float32().default(0),
    destY: t.float32().default(0),
    /** System id the ship is heading for, or "" when ordered to open space. */
    destSystem: t.string().default(""),
    /** Standing patrol route (system ids, flown in a loop); empty when the ship has none. */
    route: t.array("string"),
    routeIndex: t.uint8().default(0),
  },
  "Ship",
);
export type Ship = SchemaType<typeof Ship>;

export const Seat = schema(
  {
    id: t.string().default(""),
    side: t.string().default(""),
    name: t.string().default(""),
    /** Whether a person holds the seat; free seats are played by the AI. */
    occupied: t.boolean().default(false),
  },
  "Seat",
);
export type Seat = SchemaType<typeof Seat>;

export const MatchState = schema(
  {
    scenarioId: t.string().default(""),
    title: t.string().default(""),
    year: t.uint16().default(0),
    mapWidth: t.float64().default(0),
    mapHeight: t.float64().default(0),
    /** Simulation steps since the match began; kept in state because the room's own counter restarts on restore. */
    tick: t.uint32().default(0),
    /** Game clock in hours since the scenario's start. */
    hours: t.float64().default(0),
    systems: t.map(StarSystem),
    regions: t.array(Region),
    ships: t.map(Ship),
    seats: t.map(Seat),
  },
  "MatchState",
);
export type MatchState = SchemaType<typeof MatchState>;
