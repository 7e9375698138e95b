import { schema, t, type SchemaType } from "@colyseus/schema";
import { HOURS_PER_TICK } from "../rules/clock";
import { DEFAULT_ROUND_HOURS, maquisStanding } from "../rules/tuning";
import { MAQUIS_INTEL_TAG, OCCUPIER_INTEL_TAG, OWN_SIDE_TAG, SERVER_ONLY_TAG } from "./viewTags";

/** A star system on the sector map. Coordinates are map units (light-year-like). */
export const StarSystem = schema(
  {
    id: t.string().default(""),
    name: t.string().default(""),
    /** float64, like every number an order's check compares: a client must hold the very value the server checks. */
    x: t.float64().default(0),
    y: t.float64().default(0),
    population: t.uint32().default(0),
    /** Five-step track from -2 (active loyal to the occupier) to +2 (active Maquis sympathy). */
    sympathy: t.int8().default(0),
    controller: t.string().default(""),
    /** Occupier ground garrisons stationed here. */
    garrison: t.uint8().default(0),
    /** Colonists carried to safety from this system. */
    evacuated: t.uint32().default(0),
    intelOccupier: t.uint8().default(0).view(OCCUPIER_INTEL_TAG),
    intelMaquis: t.uint8().default(0).view(MAQUIS_INTEL_TAG),
    /** Game hour of the occupier's last sweep here (sweeps need a day's rest to find anything new). */
    sweptAt: t.float64().default(-1000).view(OCCUPIER_INTEL_TAG),
    /** Game hour of the last crackdown here; public, as crackdowns are. */
    crackedDownAt: t.float64().default(-1000),
    /** Game hour of the occupier's last aid here; public, as aid is (once a round per colony). */
    aidedAt: t.float64().default(-1000),
    /** A hollowed moon: a ship parked here is all but invisible, and a base here is hard to find. */
    hollowedMoon: t.boolean().default(false),
    /** Game hour at which a scenario's catastrophe falls on this world (its people still here are lost), or -1; public, as the threat is. */
    doomedAt: t.float64().default(-1),
    /** How the people left behind are lost, in the scenario's words ("were rounded up by the Jem'Hadar"). */
    doomFate: t.string().default(""),
    /** Maquis operations here this round: they erode the occupier's intel and feed the Maquis'. */
    maquisActivity: t.uint8().default(0).view(SERVER_ONLY_TAG),
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
    side: t.string().default(""),
    /** float64: the checks measure ranges from here (a float32 copy can fall on the other side of a boundary). */
    x: t.float64().default(0),
    y: t.float64().default(0),
    heading: t.float32().default(0),
    moving: t.boolean().default(false),
    hull: t.float32().default(0),
    shields: t.float32().default(0),
    /** Hidden from the occupier until it acts within sensor range or is swept. */
    underground: t.boolean().default(false),
    /** Engagement id while fighting, "" otherwise. */
    engagement: t.string().default(""),
    destX: t.float32().default(0).view(OWN_SIDE_TAG),
    destY: t.float32().default(0).view(OWN_SIDE_TAG),
    /** System id the ship is heading for, or "" when ordered to open space. */
    destSystem: t.string().default("").view(OWN_SIDE_TAG),
    /** Standing patrol route (system ids, flown in a loop); empty when the ship has none. */
    route: t.array("string").view(OWN_SIDE_TAG),
    routeIndex: t.uint8().default(0).view(OWN_SIDE_TAG),
    /** A convoy flies its route once and delivers its cargo at the end. Public: a freighter under occupier colours is plainly one (a raid's check needs it on a Maquis client); its cargo is not. */
    convoy: t.boolean().default(false),
    cargo: t.uint16().default(0).view(OWN_SIDE_TAG),
    /** "" (none), "ambush" (strike the first enemy in sensor range) or "dark" (going underground). */
    stance: t.string().default("").view(OWN_SIDE_TAG),
    /** Hours spent out of enemy sensors while going dark. */
    darkHours: t.float32().default(0).view(OWN_SIDE_TAG),
    /** Game hour from which the ship can start another operation. */
    readyAt: t.float64().default(0).view(OWN_SIDE_TAG),
    /** An occupier warship inside the zone while the treaty holds (logged once as it crosses in). */
    inBreach: t.boolean().default(false).view(OWN_SIDE_TAG),
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
    /** The name of the person in the seat, "" when the AI plays it. */
    playerName: t.string().default(""),
    /** Ready to start (in a lobby match, before the host starts it). */
    ready: t.boolean().default(false),
    /** False while its player's connection is lost and the seat waits for them. */
    connected: t.boolean().default(true),
    /** The speed its player voted for (0 pause, 1, 2, 4), or -1 for no vote. */
    speedVote: t.int8().default(-1),
  },
  "Seat",
);
export type Seat = SchemaType<typeof Seat>;

/** A Maquis cell's hidden holdings; seen only by its own seat. */
export const Cell = schema(
  {
    id: t.string().default(""),
    baseSystem: t.string().default(""),
    /** The scenario's candidate sites for this cell's base. */
    baseCandidates: t.array("string"),
    /** Whether the base may still be moved (only before the cell's first operation). */
    baseChosen: t.boolean().default(false),
    /** Heat 0–100: rises with every strike, falls while the cell lies low. */
    exposure: t.float32().default(0),
    /** float64: the checks weigh costs against them, and the cell's client must see the same amounts. */
    supplies: t.float64().default(0),
    weapons: t.float64().default(0),
    recruits: t.float64().default(0),
    /** Game hour of the cell's last operation (lying low is measured from it). */
    lastOperationHour: t.float64().default(-1000),
    evacuated: t.uint32().default(0),
    eliminated: t.boolean().default(false),
  },
  "Cell",
);
export type Cell = SchemaType<typeof Cell>;

/** The occupier's private holdings. */
export const Occupier = schema(
  {
    /** float64: the checks weigh costs against it, and the occupier's client must see the same amount. */
    requisition: t.float64().default(0),
    reinforcementsLeft: t.uint8().default(0),
    /** Located Maquis bases: cell id → the system where the base was found. */
    foundBases: t.map("string"),
  },
  "Occupier",
);
export type Occupier = SchemaType<typeof Occupier>;

export const Engagement = schema(
  {
    id: t.string().default(""),
    attacker: t.string().default(""),
    defender: t.string().default(""),
    x: t.float32().default(0),
    y: t.float32().default(0),
    rounds: t.uint8().default(0),
    nextRoundTick: t.uint32().default(0),
    /** Ids of ships whose try to break off failed this round (one try per ship per round). */
    triedBreakOff: t.array("string"),
  },
  "Engagement",
);
export type Engagement = SchemaType<typeof Engagement>;

export const LogEntry = schema(
  {
    tick: t.uint32().default(0),
    hours: t.float64().default(0),
    /** Game hours per simulation step, from the scenario: a season moves faster than a six-hour crisis. */
    hoursPerTick: t.float64().default(HOURS_PER_TICK),
    /** Who may read it: "all", a side ("maquis", "occupier") or a seat id. */
    audience: t.string().default("all"),
    kind: t.string().default(""),
    text: t.string().default(""),
    /** Where on the map it points (a council mark), or -1 when it points nowhere. */
    x: t.float32().default(-1),
    y: t.float32().default(-1),
  },
  "LogEntry",
);
export type LogEntry = SchemaType<typeof LogEntry>;

export const Objective = schema(
  {
    id: t.string().default(""),
    side: t.string().default(""),
    text: t.string().default(""),
    points: t.uint16().default(0),
    /** "open", "done" or "failed". */
    status: t.string().default("open"),
    /** A reach goal's ship is at its refuge while the occupier holds it: remembered so its side is told once, not every step. */
    held: t.boolean().default(false).view(SERVER_ONLY_TAG),
    /** A counted goal's progress ("4 of 6 colonies"): `need` 0 for goals that are not a count. Only the objective's own side sees it, as it may count what the other side cannot see. */
    have: t.uint32().default(0).view(OWN_SIDE_TAG),
    need: t.uint32().default(0).view(OWN_SIDE_TAG),
  },
  "Objective",
);
export type Objective = SchemaType<typeof Objective>;

/** One day of the match in numbers, for the results screen's charts; revealed to all when the match ends. */
export const DaySample = schema(
  {
    day: t.uint16().default(0),
    /** Game hour of the sample (an hour-scale scenario samples every round, within one day). */
    hours: t.float64().default(0),
    standing: t.float32().default(0),
    maquisColonies: t.uint8().default(0),
    loyalColonies: t.uint8().default(0),
    exposure: t.float32().default(0),
    supplies: t.float32().default(0),
    requisition: t.float32().default(0),
    reputation: t.float32().default(0),
    lostMaquis: t.uint16().default(0),
    lostOccupier: t.uint16().default(0),
    convoysLost: t.uint16().default(0),
  },
  "DaySample",
);
export type DaySample = SchemaType<typeof DaySample>;

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
    /** Game hours per simulation step, from the scenario: a season moves faster than a six-hour crisis. */
    hoursPerTick: t.float64().default(HOURS_PER_TICK),
    lengthHours: t.float64().default(0),
    /** Game hours between rounds (the politics); also the scenario's time unit, see rules/timeScale. */
    roundHours: t.float64().default(DEFAULT_ROUND_HOURS),
    /** Whether the treaty bars occupier warships from the zone (breaches cost reputation). */
    treaty: t.boolean().default(false),
    /** System controllers that count as the occupier's own (its convoys run between them, they pay it). */
    occupierControllers: t.array("string"),
    /** The occupier's political capital, 0–100; public, as politics are. */
    reputation: t.float32().default(0),
    /** The Maquis movement's standing with the colonists, 0–100; public, as reputations are. */
    maquisStanding: t.float32().default(maquisStanding.start),
    /** "lobby" (seats being taken, the host has not started), "playing" or "ended". */
    phase: t.string().default("playing"),
    hostName: t.string().default(""),
    /** Simulation steps per server tick: 0 paused, 1 normal, 2 or 4 faster; decided by the players' votes. */
    speed: t.uint8().default(1),
    winner: t.string().default(""),
    endReason: t.string().default(""),
    scoreMaquis: t.int32().default(0),
    scoreOccupier: t.int32().default(0),
    rngState: t.uint32().default(0).view(SERVER_ONLY_TAG),
    nextId: t.uint32().default(1).view(SERVER_ONLY_TAG),
    firedTriggers: t.array("string").view(SERVER_ONLY_TAG),
    /** Ids of ships destroyed or captured, for triggers and objectives. */
    lostShips: t.array("string").view(SERVER_ONLY_TAG),
    lostMaquis: t.uint16().default(0),
    /** The occupier's ships lost, convoys apart: a seized freighter is not a warship lost. */
    lostOccupier: t.uint16().default(0),
    convoysLost: t.uint16().default(0),
    /** Colonists still on doomed worlds when their catastrophe came. */
    colonistsLost: t.uint32().default(0),
    systems: t.map(StarSystem),
    regions: t.array(Region),
    ships: t.map(Ship).view(),
    seats: t.map(Seat),
    cells: t.map(Cell).view(),
    occupier: t.ref(Occupier).default(() => new Occupier()).view(),
    engagements: t.map(Engagement).view(),
    log: t.array(LogEntry).view(),
    objectives: t.array(Objective),
    history: t.array(DaySample).view(),
  },
  "MatchState",
);
export type MatchState = SchemaType<typeof MatchState>;
