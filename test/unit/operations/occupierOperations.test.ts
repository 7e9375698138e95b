import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../../shared/protocol/errorCodes";
import { populationWeight } from "../../../shared/rules/populationWeight";
import {
  aid,
  civilianHarm,
  CONVOY_CARGO,
  CRACKDOWN_FINDS_BASE_INTEL,
  GARRISON_INTEL,
  INFORMANTS_INTEL,
  MAX_ACTIVE_CONVOYS,
  MAX_GARRISON,
  occupierCosts,
  OPERATION_HOURS,
  reputationLoss,
  SWEEP_FINDS_BASE_INTEL,
  SWEEP_MIN_INTEL,
  SWEEP_REST_HOURS,
} from "../../../shared/rules/tuning";
import {
  acceptableSituation,
  CELL,
  expectAccepted,
  expectRefused,
  newMatch,
  OCCUPIER,
  OPEN_SPACE,
  rollAtLeast,
  rollBelow,
  rollBetween,
  rollsFrom,
  type TestMatch,
} from "./support";

const shipOperations = ["patrol", "sweep", "assault", "garrison", "informants", "crackdown"] as const;
/** Operations that start work a ship must finish before the next (patrol only sets a standing route). */
const busyingOperations = ["sweep", "assault", "garrison", "informants", "crackdown"] as const;

describe("what every occupier operation needs", () => {
  for (const kind of shipOperations) {
    it(`${kind}: a Maquis ship, or a ship that does not exist, gets NOT_YOUR_SHIP`, () => {
      const match = newMatch();
      const { seat, order } = acceptableSituation(match, kind);
      expectRefused(match, seat, { ...order, ship: "raider-1" }, ErrorCode.NotYourShip);
      expectRefused(match, seat, { ...order, ship: "no-such-ship" }, ErrorCode.NotYourShip);
    });
  }

  for (const kind of busyingOperations) {
    it(`${kind}: a ship still busy with its last operation gets SHIP_BUSY`, () => {
      const match = newMatch();
      const { seat, order } = acceptableSituation(match, kind);
      match.ship(order.ship).readyAt = match.state.hours + 0.25;
      expectRefused(match, seat, order, ErrorCode.ShipBusy);
    });

    it(`${kind}: a ship in a fight gets SHIP_ENGAGED`, () => {
      const match = newMatch();
      const { seat, order } = acceptableSituation(match, kind);
      match.ship(order.ship).engagement = "engagement-99";
      expectRefused(match, seat, order, ErrorCode.ShipEngaged);
    });

    it(`${kind}: the ship is busy for ${OPERATION_HOURS} hours afterwards`, () => {
      const match = newMatch();
      const { seat, order } = acceptableSituation(match, kind);
      expectAccepted(match, seat, order);
      expect(match.ship(order.ship).readyAt).toBe(match.state.hours + OPERATION_HOURS);
      // An assault leaves the ship in a fight, which is checked before being busy.
      match.ship(order.ship).engagement = "";
      expectRefused(match, seat, order, ErrorCode.ShipBusy);
    });
  }

  for (const kind of ["sweep", "assault", "garrison", "informants", "crackdown", "convoy", "reinforce"] as const) {
    const cost = occupierCosts[kind];
    it(`${kind} costs ${cost} requisition: a little less gets NOT_ENOUGH_REQUISITION, exactly enough is accepted and paid`, () => {
      const match = newMatch();
      const { seat, order } = acceptableSituation(match, kind);
      match.state.occupier.requisition = cost - 0.5;
      expectRefused(match, seat, order, ErrorCode.NotEnoughRequisition);
      match.state.occupier.requisition = cost;
      expectAccepted(match, seat, order);
      expect(match.state.occupier.requisition).toBe(0);
    });
  }

  for (const kind of ["sweep", "garrison", "informants", "crackdown"] as const) {
    it(`${kind} needs the ship at a system: in open space it gets NOT_AT_SYSTEM`, () => {
      const match = newMatch();
      const { seat, order } = acceptableSituation(match, kind);
      match.place(order.ship, OPEN_SPACE);
      expectRefused(match, seat, order, ErrorCode.NotAtSystem);
    });
  }
});

describe("patrol", () => {
  it("gives the ship a standing route, free, to be flown from its first stop", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "patrol");
    expectAccepted(match, seat, order);
    const galor = match.galor;
    expect([...galor.route]).toEqual(["juhraya", "umoth-viii"]);
    expect(galor.routeIndex).toBe(1);
    expect(match.state.occupier.requisition).toBe(10);
    match.step();
    expect(galor).toMatchObject({ destSystem: "juhraya", moving: true, routeIndex: 0 });
  });

  it("replaces an existing route", () => {
    const match = newMatch();
    expectAccepted(match, OCCUPIER, { kind: "patrol", ship: "patrol-1", route: ["bryma", "veloz-prime", "quatal-prime"] });
    expect([...match.patrol.route]).toEqual(["bryma", "veloz-prime", "quatal-prime"]);
    expect(match.patrol.routeIndex).toBe(2);
  });

  it("is accepted for a ship still busy with an operation (a route is not an operation)", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "patrol");
    match.galor.readyAt = match.state.hours + 4;
    expectAccepted(match, seat, order);
  });

  it("refuses a route through an unknown system with UNKNOWN_SYSTEM", () => {
    const match = newMatch();
    expectRefused(match, OCCUPIER, { kind: "patrol", ship: "galor-1", route: ["juhraya", "risa"] }, ErrorCode.UnknownSystem);
  });
});

describe("sweep", () => {
  /** patrol-1 at Dorvan V (occupier intel 35); the raider hidden 50 units south, inside the sweep's 60. */
  function sweepSituation() {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "sweep");
    match.place("raider-1", { x: 520, y: 380 });
    return { match, seat, order };
  }

  it("a roll under intel/100 (35%) flushes out a hidden ship within 60 units", () => {
    const { match, seat, order } = sweepSituation();
    match.state.rngState = rollBelow(0.35);
    expectAccepted(match, seat, order);
    expect(match.raider.underground).toBe(false);
    expect(match.logTexts("sweep").at(-1)).toBe("The sweep of Dorvan V turned up 1 Maquis ship.");
  });

  it("a roll at or over intel/100 misses it", () => {
    const { match, seat, order } = sweepSituation();
    match.state.rngState = rollAtLeast(0.35);
    expectAccepted(match, seat, order);
    expect(match.raider.underground).toBe(true);
    expect(match.logTexts("sweep").at(-1)).toBe("The sweep of Dorvan V turned up 0 Maquis ships.");
  });

  it("over many rolls, finds the ship exactly when the roll is under intel/100", () => {
    const outcomes = new Set<boolean>();
    for (const intel of [30, 50, 90]) {
      for (let rngState = 1; rngState <= 20; rngState++) {
        const { match, seat, order } = sweepSituation();
        match.system("dorvan-v").intelOccupier = intel;
        match.state.rngState = rngState;
        expectAccepted(match, seat, order);
        const found = !match.raider.underground;
        expect(found).toBe(rollsFrom(rngState)[0]! < intel / 100);
        outcomes.add(found);
      }
    }
    expect(outcomes).toEqual(new Set([true, false]));
  });

  it("never finds a ship beyond 60 units, and rolls nothing for it", () => {
    const { match, seat, order } = sweepSituation();
    match.place("raider-1", { x: 520, y: 395 });
    const rngState = rollBelow(0.35);
    match.state.rngState = rngState;
    expectAccepted(match, seat, order);
    expect(match.raider.underground).toBe(true);
    expect(match.state.rngState).toBe(rngState);
  });

  it("costs 2 requisition, adds 5 intel and marks the system swept", () => {
    const { match, seat, order } = sweepSituation();
    match.state.hours = 30;
    expectAccepted(match, seat, order);
    expect(match.state.occupier.requisition).toBe(10 - occupierCosts.sweep);
    expect(match.system("dorvan-v").intelOccupier).toBe(40);
    expect(match.system("dorvan-v").sweptAt).toBe(30);
  });

  it("intel does not rise above 100", () => {
    const { match, seat, order } = sweepSituation();
    match.system("dorvan-v").intelOccupier = 98;
    expectAccepted(match, seat, order);
    expect(match.system("dorvan-v").intelOccupier).toBe(100);
  });

  it("with intel of 60 or more, locates a base hidden at the system; with 59 it does not", () => {
    for (const [intel, found] of [[SWEEP_FINDS_BASE_INTEL - 1, false], [SWEEP_FINDS_BASE_INTEL, true]] as const) {
      const match = newMatch();
      match.cell().baseSystem = "volan-iii";
      match.place("patrol-1", "volan-iii");
      match.system("volan-iii").intelOccupier = intel;
      expectAccepted(match, OCCUPIER, { kind: "sweep", ship: "patrol-1" });
      expect([...match.state.occupier.foundBases.keys()]).toEqual(found ? [CELL] : []);
    }
  });

  it("refuses a system swept less than 24 hours ago with RECENTLY_SWEPT", () => {
    const { match, seat, order } = sweepSituation();
    match.state.hours = 100;
    match.system("dorvan-v").sweptAt = 100 - SWEEP_REST_HOURS + 0.25;
    expectRefused(match, seat, order, ErrorCode.RecentlySwept);
    match.system("dorvan-v").sweptAt = 100 - SWEEP_REST_HOURS;
    expect(match.check(seat, order)).toEqual({ ok: true });
  });

  it("a second sweep straight after the first is RECENTLY_SWEPT", () => {
    const { match, seat, order } = sweepSituation();
    expectAccepted(match, seat, order);
    match.patrol.readyAt = 0;
    expectRefused(match, seat, order, ErrorCode.RecentlySwept);
  });

  it("refuses a system with occupier intel under 30 with NOT_ENOUGH_INTEL", () => {
    const { match, seat, order } = sweepSituation();
    match.system("dorvan-v").intelOccupier = SWEEP_MIN_INTEL - 1;
    expectRefused(match, seat, order, ErrorCode.NotEnoughIntel);
  });
});

describe("assault", () => {
  it("on a revealed Maquis ship in sensor range: opens a fight, 1 requisition", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "assault");
    expectAccepted(match, seat, order);
    const engagement = match.state.engagements.get(match.galor.engagement)!;
    expect(engagement).toMatchObject({ attacker: "galor-1", defender: "raider-1" });
    expect(match.raider.engagement).toBe(engagement.id);
    expect(match.state.occupier.requisition).toBe(10 - occupierCosts.assault);
  });

  it("a light patrol ship (firepower 25) may assault a ship", () => {
    const match = newMatch();
    match.raider.underground = false;
    match.place("raider-1", { x: 590, y: 470 }); // 40 units off Bryma, where the Hideki lies
    expectAccepted(match, OCCUPIER, { kind: "assault", ship: "patrol-1", target: { ship: "raider-1" } });
    expect(match.patrol.engagement).not.toBe("");
  });

  it("refuses an occupier ship in sensor range with INVALID_TARGET", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "assault");
    match.place("patrol-1", { x: 640, y: 620 });
    expectRefused(match, seat, { ...order, target: { ship: "patrol-1" } }, ErrorCode.InvalidTarget);
  });

  it("refuses an underground ship right in range like an unknown id, with TARGET_NOT_IN_RANGE: the occupier's sensors do not show it", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "assault");
    expectRefused(match, seat, { ...order, target: { ship: "no-such-ship" } }, ErrorCode.TargetNotInRange);
    match.raider.underground = true;
    expectRefused(match, seat, order, ErrorCode.TargetNotInRange);
  });

  it("refuses a Maquis ship already in a fight with INVALID_TARGET", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "assault");
    match.raider.engagement = "engagement-99";
    expectRefused(match, seat, order, ErrorCode.InvalidTarget);
  });

  it("refuses a ship with too little firepower (a convoy freighter) with INVALID_TARGET", () => {
    const match = newMatch();
    const convoy = match.startConvoy("umoth-viii", "juhraya");
    match.raider.underground = false;
    match.place("raider-1", { x: 720, y: 450 });
    expectRefused(match, OCCUPIER, { kind: "assault", ship: convoy.id, target: { ship: "raider-1" } }, ErrorCode.InvalidTarget);
  });

  it("refuses a Maquis ship beyond the sensors with TARGET_NOT_IN_RANGE", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "assault");
    match.place("raider-1", "solosos-iii");
    expectRefused(match, seat, order, ErrorCode.TargetNotInRange);
  });

  describe("on a located base", () => {
    /** The cell's base at Volan III, located; the Galor parked there. */
    function baseSituation() {
      const match = newMatch();
      const cell = match.cell();
      cell.baseSystem = "volan-iii";
      cell.supplies = 20;
      cell.weapons = 10;
      cell.recruits = 5;
      cell.exposure = 80;
      match.state.occupier.foundBases.set(CELL, match.state.cells.get(CELL)!.baseSystem);
      match.place("galor-1", "volan-iii");
      return { match, cell, order: { kind: "assault", ship: "galor-1", target: { base: CELL } } as const };
    }

    it("destroys 60% of the cell's stores and scatters it to another candidate site, cooled to 40 exposure", () => {
      const { match, cell, order } = baseSituation();
      expectAccepted(match, OCCUPIER, order);
      expect(cell.supplies).toBeCloseTo(8, 4);
      expect(cell.weapons).toBeCloseTo(4, 4);
      expect(cell.recruits).toBeCloseTo(2, 4);
      expect(["solosos-iii", "tracken-ii", "athos-iv"]).toContain(cell.baseSystem);
      expect(cell.exposure).toBe(40);
      expect(cell.eliminated).toBe(false);
      expect([...match.state.occupier.foundBases.keys()]).toEqual([]);
      expect(match.state.occupier.requisition).toBe(10 - occupierCosts.assault);
      expect(match.logTexts("base").at(-1)).toContain("We lost the base at Volan III");
    });

    it("a cell already cooler than 40 keeps its exposure", () => {
      const { match, cell, order } = baseSituation();
      cell.exposure = 25;
      expectAccepted(match, OCCUPIER, order);
      expect(cell.exposure).toBe(25);
    });

    it("breaks a cell that has no ships left", () => {
      const { match, cell, order } = baseSituation();
      match.state.ships.delete("raider-1");
      expectAccepted(match, OCCUPIER, order);
      expect(cell.eliminated).toBe(true);
      expect(cell.baseSystem).toBe("volan-iii");
      expect(match.logTexts("base").at(-1)).toBe("The Maquis base at Volan III was overrun; the cell is broken.");
    });

    it("breaks a cell that has no other site to flee to", () => {
      const { match, cell, order } = baseSituation();
      cell.baseCandidates.clear();
      cell.baseCandidates.push("volan-iii");
      expectAccepted(match, OCCUPIER, order);
      expect(cell.eliminated).toBe(true);
    });

    it("refuses a base that has not been located with INVALID_TARGET", () => {
      const { match, order } = baseSituation();
      match.state.occupier.foundBases.clear();
      expectRefused(match, OCCUPIER, order, ErrorCode.InvalidTarget);
      expectRefused(match, OCCUPIER, { ...order, target: { base: "cell-9" } }, ErrorCode.InvalidTarget);
    });

    it("refuses a ship lighter than a warship (firepower under 50) with INVALID_TARGET", () => {
      const { match } = baseSituation();
      match.place("patrol-1", "volan-iii");
      expectRefused(match, OCCUPIER, { kind: "assault", ship: "patrol-1", target: { base: CELL } }, ErrorCode.InvalidTarget);
    });

    it("refuses a ship that is not at the base's system with NOT_AT_SYSTEM", () => {
      const { match, order } = baseSituation();
      match.place("galor-1", OPEN_SPACE);
      expectRefused(match, OCCUPIER, order, ErrorCode.NotAtSystem);
      match.place("galor-1", "solosos-iii");
      expectRefused(match, OCCUPIER, order, ErrorCode.NotAtSystem);
    });
  });
});

describe("garrison", () => {
  it("lands a garrison (+1) that feeds 10 intel, for 5 requisition", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "garrison");
    expectAccepted(match, seat, order);
    expect(match.system("umoth-viii").garrison).toBe(1);
    expect(match.system("umoth-viii").intelOccupier).toBe(35 + GARRISON_INTEL);
    expect(match.state.occupier.requisition).toBe(10 - occupierCosts.garrison);
  });

  it("intel does not rise above 100", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "garrison");
    match.system("umoth-viii").intelOccupier = 95;
    expectAccepted(match, seat, order);
    expect(match.system("umoth-viii").intelOccupier).toBe(100);
  });

  it("refuses an uninhabited system with NO_POPULATION", () => {
    const match = newMatch();
    match.place("galor-1", "athos-iv");
    expectRefused(match, OCCUPIER, { kind: "garrison", ship: "galor-1" }, ErrorCode.NoPopulation);
  });

  it("refuses a system already holding 5 garrisons with GARRISON_FULL (4 is allowed)", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "garrison");
    match.system("umoth-viii").garrison = MAX_GARRISON - 1;
    expect(match.check(seat, order)).toEqual({ ok: true });
    match.system("umoth-viii").garrison = MAX_GARRISON;
    expectRefused(match, seat, order, ErrorCode.GarrisonFull);
  });
});

describe("convoy", () => {
  it("spawns a loaded freighter at the first system, bound for the second, for 2 requisition", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "convoy");
    const ships = match.state.ships.size;
    expectAccepted(match, seat, order);
    expect(match.state.ships.size).toBe(ships + 1);
    const convoy = [...match.state.ships.values()].find((ship) => ship.convoy)!;
    expect(convoy).toMatchObject({ shipClass: "freighter", seat: OCCUPIER, side: "occupier", cargo: CONVOY_CARGO, x: 650, y: 290, routeIndex: 0, underground: false });
    expect([...convoy.route]).toEqual(["hakton-vii", "juhraya"]);
    expect(match.ctx.world!.bodies.has(convoy.id)).toBe(true);
    expect(match.state.occupier.requisition).toBe(10 - occupierCosts.convoy);
  });

  it("delivers its cargo at the end of the route and leaves the map", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "convoy");
    expectAccepted(match, seat, order);
    const convoy = [...match.state.ships.values()].find((ship) => ship.convoy)!;
    match.step();
    expect(convoy.destSystem).toBe("juhraya");
    for (let i = 0; i < 400 && match.state.ships.has(convoy.id); i++) match.step();
    expect(match.state.ships.has(convoy.id)).toBe(false);
    expect(match.logTexts("convoy").at(-1)).toBe(`${convoy.name} delivered ${CONVOY_CARGO} requisition.`);
  });

  it("refuses an unknown system with UNKNOWN_SYSTEM", () => {
    const match = newMatch();
    expectRefused(match, OCCUPIER, { kind: "convoy", from: "risa", to: "juhraya" }, ErrorCode.UnknownSystem);
    expectRefused(match, OCCUPIER, { kind: "convoy", from: "juhraya", to: "risa" }, ErrorCode.UnknownSystem);
  });

  it("refuses a system the occupier does not hold with INVALID_TARGET", () => {
    const match = newMatch();
    expectRefused(match, OCCUPIER, { kind: "convoy", from: "solosos-iii", to: "juhraya" }, ErrorCode.InvalidTarget);
    expectRefused(match, OCCUPIER, { kind: "convoy", from: "juhraya", to: "dreon-vii" }, ErrorCode.InvalidTarget);
  });

  it("refuses the same system at both ends with INVALID_TARGET", () => {
    const match = newMatch();
    expectRefused(match, OCCUPIER, { kind: "convoy", from: "juhraya", to: "juhraya" }, ErrorCode.InvalidTarget);
  });

  it("refuses a fourth convoy while three are under way with TOO_MANY_CONVOYS", () => {
    const match = newMatch();
    for (let i = 0; i < MAX_ACTIVE_CONVOYS; i++) match.startConvoy("hakton-vii", "juhraya");
    expectRefused(match, OCCUPIER, { kind: "convoy", from: "umoth-viii", to: "juhraya" }, ErrorCode.TooManyConvoys);
  });
});

describe("informants", () => {
  it("buys 25 intel at a neutral colony, for 3 requisition", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "informants");
    expectAccepted(match, seat, order);
    expect(match.system("juhraya").intelOccupier).toBe(35 + INFORMANTS_INTEL);
    expect(match.state.occupier.requisition).toBe(10 - occupierCosts.informants);
  });

  it("sympathetic worlds give up 5 less per step of sympathy; loyal ones 5 more", () => {
    for (const [sympathy, gain] of [[2, 15], [1, 20], [0, 25], [-1, 30], [-2, 35]] as const) {
      const match = newMatch();
      const { seat, order } = acceptableSituation(match, "informants");
      match.system("juhraya").sympathy = sympathy;
      match.system("juhraya").intelOccupier = 10;
      expectAccepted(match, seat, order);
      expect(match.system("juhraya").intelOccupier, `sympathy ${sympathy}`).toBe(10 + gain);
    }
  });

  it("intel does not rise above 100", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "informants");
    match.system("juhraya").intelOccupier = 90;
    expectAccepted(match, seat, order);
    expect(match.system("juhraya").intelOccupier).toBe(100);
  });

  it("refuses an uninhabited system (no colonists to buy) with NO_POPULATION", () => {
    const match = newMatch();
    match.place("galor-1", "athos-iv");
    expectRefused(match, OCCUPIER, { kind: "informants", ship: "galor-1" }, ErrorCode.NoPopulation);
  });
});

describe("crackdown", () => {
  const dorvanV = (match: TestMatch) => match.system("dorvan-v");

  it("reveals Maquis ships within 60 units, turns the colony a step toward the Maquis and costs 4 requisition and 6 reputation, more by the colony's size", () => {
    const match = newMatch({ secondCell: true });
    const { seat, order } = acceptableSituation(match, "crackdown");
    match.place("raider-1", { x: 520, y: 380 }); // 50 units off
    match.place("raider-2", { x: 520, y: 395 }); // 65 units off
    expectAccepted(match, seat, order);
    expect(match.raider.underground).toBe(false);
    expect(match.ship("raider-2").underground).toBe(true);
    expect(dorvanV(match).sympathy).toBe(1);
    expect(dorvanV(match).intelMaquis).toBe(0);
    // Dorvan V's 400 settlers weigh about 0.2.
    expect(match.state.reputation).toBeCloseTo(60 - reputationLoss.crackdown - civilianHarm.crackdown.standing * populationWeight(400), 4);
    expect(match.state.occupier.requisition).toBe(10 - occupierCosts.crackdown);
    expect(match.logTexts("crackdown").at(-1)).toBe("The occupier cracked down on Dorvan V; resentment grows.");
  });

  it("costs the Maquis 20 intel at the system, not below 0", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "crackdown");
    dorvanV(match).intelMaquis = 50;
    expectAccepted(match, seat, order);
    expect(dorvanV(match).intelMaquis).toBe(30);
  });

  it("sympathy does not rise above 2", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "crackdown");
    dorvanV(match).sympathy = 2;
    expectAccepted(match, seat, order);
    expect(dorvanV(match).sympathy).toBe(2);
  });

  it("with occupier intel of 40 or more, locates a base hidden at the system; with 39 it does not", () => {
    for (const [intel, found] of [[CRACKDOWN_FINDS_BASE_INTEL - 1, false], [CRACKDOWN_FINDS_BASE_INTEL, true]] as const) {
      const match = newMatch();
      match.cell().baseSystem = "volan-iii";
      match.system("volan-iii").garrison = 1;
      match.system("volan-iii").intelOccupier = intel;
      match.place("galor-1", "volan-iii");
      expectAccepted(match, OCCUPIER, { kind: "crackdown", ship: "galor-1" });
      expect([...match.state.occupier.foundBases.keys()]).toEqual(found ? [CELL] : []);
    }
  });

  it("refuses a system without a garrison with NO_GARRISON", () => {
    const match = newMatch();
    match.place("galor-1", "umoth-viii");
    expectRefused(match, OCCUPIER, { kind: "crackdown", ship: "galor-1" }, ErrorCode.NoGarrison);
  });

  it("refuses a system without a colony with NO_POPULATION", () => {
    const match = newMatch();
    match.place("galor-1", "athos-iv");
    match.system("athos-iv").garrison = 1;
    expectRefused(match, OCCUPIER, { kind: "crackdown", ship: "galor-1" }, ErrorCode.NoPopulation);
  });
});

describe("reinforce", () => {
  it("calls a Galor in at Quatal Prime for 10 requisition, one fewer left in the pool", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "reinforce");
    const before = new Set(match.state.ships.keys());
    expectAccepted(match, seat, order);
    const arrived = [...match.state.ships.values()].filter((ship) => !before.has(ship.id));
    expect(arrived).toHaveLength(1);
    expect(arrived[0]).toMatchObject({ shipClass: "galor", seat: OCCUPIER, side: "occupier", x: 640, y: 640, hull: 160, shields: 120 });
    expect(match.ctx.world!.bodies.has(arrived[0]!.id)).toBe(true);
    expect(match.state.occupier.reinforcementsLeft).toBe(1);
    expect(match.state.occupier.requisition).toBe(10 - occupierCosts.reinforce);
  });

  it("refuses once the pool is spent with NO_REINFORCEMENTS", () => {
    const match = newMatch();
    match.state.occupier.reinforcementsLeft = 0;
    match.state.occupier.requisition = 100;
    expectRefused(match, OCCUPIER, { kind: "reinforce" }, ErrorCode.NoReinforcements);
  });

  it("the pool runs out after the scenario's two ships", () => {
    const match = newMatch();
    match.state.occupier.requisition = 100;
    expectAccepted(match, OCCUPIER, { kind: "reinforce" });
    expectAccepted(match, OCCUPIER, { kind: "reinforce" });
    expectRefused(match, OCCUPIER, { kind: "reinforce" }, ErrorCode.NoReinforcements);
  });
});

describe("aid", () => {
  it("wins a colony a step on a roll under 30% − 10% per step of Maquis sympathy; earns reputation and intel either way", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "aid");
    const dorvanV = match.system("dorvan-v");
    const intel = dorvanV.intelOccupier;
    match.state.rngState = rollBelow(aid.loyaltyChance);
    expectAccepted(match, seat, order);
    expect(dorvanV.sympathy).toBe(-1);
    expect(match.state.reputation).toBe(60 + aid.reputationGain);
    expect(dorvanV.intelOccupier).toBe(intel + aid.intelGain);
    expect(match.state.occupier.requisition).toBe(10 - occupierCosts.aid);

    const sympathetic = newMatch();
    sympathetic.place("galor-1", "volan-iii");
    sympathetic.state.rngState = rollBetween(aid.loyaltyChance - aid.perMaquisSympathy, aid.loyaltyChance);
    expectAccepted(sympathetic, OCCUPIER, { kind: "aid", ship: "galor-1" });
    expect(sympathetic.system("volan-iii").sympathy).toBe(1);
    expect(sympathetic.state.reputation).toBe(60 + aid.reputationGain);
  });

  it("goes to a colony once a round: again within the round gets RECENTLY_AIDED", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "aid");
    match.state.rngState = rollAtLeast(aid.loyaltyChance);
    expectAccepted(match, seat, order);
    match.galor.readyAt = 0;
    match.state.hours += match.state.roundHours - 1;
    expectRefused(match, seat, order, ErrorCode.RecentlyAided);
    match.state.hours += 1;
    expect(match.check(seat, order)).toEqual({ ok: true });
  });

  it("refuses an empty world (NO_POPULATION) and one already passively loyal or more (SYMPATHY_AT_MAXIMUM)", () => {
    const match = newMatch();
    match.place("galor-1", "athos-iv");
    expectRefused(match, OCCUPIER, { kind: "aid", ship: "galor-1" }, ErrorCode.NoPopulation);
    match.place("galor-1", "bryma");
    expectRefused(match, OCCUPIER, { kind: "aid", ship: "galor-1" }, ErrorCode.SympathyAtMaximum);
    match.place("galor-1", "veloz-prime"); // sympathy −1
    expectRefused(match, OCCUPIER, { kind: "aid", ship: "galor-1" }, ErrorCode.SympathyAtMaximum);
  });
});
