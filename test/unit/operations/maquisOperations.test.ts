import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../../shared/protocol/errorCodes";
import { maquisOperationKinds } from "../../../shared/rules/operations";
import {
  AGITATE_BASE_CHANCE,
  AGITATE_GARRISON_PENALTY,
  DARK_HOURS,
  EVACUATE_PER_OPERATION,
  exposureGain,
  maquisCosts,
  OPERATION_HOURS,
  RAID_SUCCESS_CHANCE,
  reputationLoss,
  SABOTAGE_GARRISON_CHANCE,
  SABOTAGE_INTEL_LOSS,
  SMUGGLE_WEAPONS,
  STRIKE_GARRISON_CHANCE,
  civilianHarm,
  maquisStanding,
  raidDepot,
  relief,
} from "../../../shared/rules/tuning";
import { populationWeight } from "../../../shared/rules/populationWeight";
import { HOURS_PER_TICK } from "../../../shared/rules/clock";
import { isContactCheckStep } from "../../../shared/rules/movement";
import {
  acceptableSituation,
  matchFor,
  CELL,
  expectAccepted,
  expectRefused,
  IN_NEBULA,
  newMatch,
  OPEN_SPACE,
  OTHER_CELL,
  rollAtLeast,
  rollBelow,
  rollBetween,
  rollsFrom,
  type TestMatch,
} from "./support";

/** The bookkeeping every Maquis operation does: costs paid, the ship busy, the cell hotter, the base locked in. */
function expectMaquisBookkeeping(match: TestMatch, kind: (typeof maquisOperationKinds)[number], before: { supplies: number; weapons: number }) {
  const cell = match.cell();
  const cost: { supplies?: number; weapons?: number } = maquisCosts[kind];
  expect(cell.supplies).toBe(before.supplies - (cost.supplies ?? 0));
  expect(cell.weapons).toBe(before.weapons - (cost.weapons ?? 0));
  expect(cell.exposure).toBe(exposureGain[kind]);
  expect(cell.baseChosen).toBe(true);
  expect(match.raider.readyAt).toBe(match.state.hours + OPERATION_HOURS);
  expect(cell.lastOperationHour).toBe(exposureGain[kind] > 0 ? match.state.hours : -1000);
}

const startingHoldings = { supplies: 12, weapons: 4 };

describe("what every Maquis operation needs", () => {
  for (const kind of maquisOperationKinds) {
    describe(kind, () => {
      it("another cell's ship gets NOT_YOUR_SHIP, as does a ship that does not exist", () => {
        const match = newMatch({ secondCell: true });
        const { order } = acceptableSituation(match, kind);
        expectRefused(match, OTHER_CELL, order, ErrorCode.NotYourShip);
        expectRefused(match, CELL, { ...order, ship: "raider-2" }, ErrorCode.NotYourShip);
        expectRefused(match, CELL, { ...order, ship: "galor-1" }, ErrorCode.NotYourShip);
        expectRefused(match, CELL, { ...order, ship: "no-such-ship" }, ErrorCode.NotYourShip);
      });

      it("a ship still busy with its last operation gets SHIP_BUSY, and is ready again when the time is up", () => {
        const match = matchFor(kind);
        const { seat, order } = acceptableSituation(match, kind);
        match.raider.readyAt = match.state.hours + 0.25;
        expectRefused(match, seat, order, ErrorCode.ShipBusy);
        match.raider.readyAt = match.state.hours;
        expect(match.check(seat, order)).toEqual({ ok: true });
      });

      it("a ship in a fight gets SHIP_ENGAGED", () => {
        const match = matchFor(kind);
        const { seat, order } = acceptableSituation(match, kind);
        match.raider.engagement = "engagement-99";
        expectRefused(match, seat, order, ErrorCode.ShipEngaged);
      });

      it("a broken cell gets CELL_ELIMINATED", () => {
        const match = matchFor(kind);
        const { seat, order } = acceptableSituation(match, kind);
        match.cell().eliminated = true;
        expectRefused(match, seat, order, ErrorCode.CellEliminated);
      });

      const cost: { supplies?: number; weapons?: number } = maquisCosts[kind];
      if (cost.supplies) {
        it(`costs ${cost.supplies} supplies: one short gets NOT_ENOUGH_SUPPLIES, exactly enough is accepted`, () => {
          const match = matchFor(kind);
          const { seat, order } = acceptableSituation(match, kind);
          match.cell().supplies = cost.supplies! - 0.5;
          expectRefused(match, seat, order, ErrorCode.NotEnoughSupplies);
          match.cell().supplies = cost.supplies!;
          expect(match.check(seat, order)).toEqual({ ok: true });
        });
      }
      if (cost.weapons) {
        it(`costs ${cost.weapons} weapons: one short gets NOT_ENOUGH_WEAPONS, exactly enough is accepted`, () => {
          const match = matchFor(kind);
          const { seat, order } = acceptableSituation(match, kind);
          match.cell().weapons = cost.weapons! - 0.5;
          expectRefused(match, seat, order, ErrorCode.NotEnoughWeapons);
          match.cell().weapons = cost.weapons!;
          expect(match.check(seat, order)).toEqual({ ok: true });
        });
      }
    });
  }

  for (const kind of ["recruit", "agitate", "smuggle", "sabotage", "evacuate", "strike"] as const) {
    it(`${kind} needs the ship at a system: in open space it gets NOT_AT_SYSTEM`, () => {
      const match = matchFor(kind);
      const { seat, order } = acceptableSituation(match, kind);
      match.place("raider-1", OPEN_SPACE);
      expectRefused(match, seat, order, ErrorCode.NotAtSystem);
    });
  }

  it("a ship within 12 units of a system is at it; 13 units away it is not", () => {
    const match = newMatch();
    match.place("raider-1", { x: 312, y: 380 });
    expect(match.check(CELL, { kind: "recruit", ship: "raider-1" })).toEqual({ ok: true });
    match.place("raider-1", { x: 313, y: 380 });
    expectRefused(match, CELL, { kind: "recruit", ship: "raider-1" }, ErrorCode.NotAtSystem);
  });

  it("an unwatched ship stays underground after operating; one in an occupier ship's sensors is revealed", () => {
    const unseen = newMatch();
    expectAccepted(unseen, CELL, { kind: "recruit", ship: "raider-1" });
    expect(unseen.raider.underground).toBe(true);

    const seen = newMatch();
    seen.place("galor-1", { x: 300, y: 300 }); // 80 units off Solosos III, inside a Galor's 90
    expectAccepted(seen, CELL, { kind: "recruit", ship: "raider-1" });
    expect(seen.raider.underground).toBe(false);
    expect(seen.logTexts("sighting").at(-1)).toContain("Tallgrass, was seen acting at Solosos III");
  });

  it("a garrison's sensors reveal a ship operating at its system", () => {
    const match = newMatch();
    match.system("solosos-iii").garrison = 1;
    expectAccepted(match, CELL, { kind: "recruit", ship: "raider-1" });
    expect(match.raider.underground).toBe(false);
  });
});

describe("recruit", () => {
  it("adds recruits equal to the colony's sympathy, for 2 supplies and 2 exposure", () => {
    const match = newMatch();
    expectAccepted(match, CELL, { kind: "recruit", ship: "raider-1" });
    expect(match.cell().recruits).toBe(3 + 1);
    expectMaquisBookkeeping(match, "recruit", startingHoldings);
  });

  it("a devoted colony (sympathy 2) gives two recruits", () => {
    const match = newMatch();
    match.system("solosos-iii").sympathy = 2;
    expectAccepted(match, CELL, { kind: "recruit", ship: "raider-1" });
    expect(match.cell().recruits).toBe(3 + 2);
  });

  it("refuses an uninhabited system with NO_POPULATION", () => {
    const match = newMatch();
    match.place("raider-1", "athos-iv");
    expectRefused(match, CELL, { kind: "recruit", ship: "raider-1" }, ErrorCode.NoPopulation);
  });

  it("refuses a colony that does not sympathize yet (sympathy below 1) with SYMPATHY_TOO_LOW", () => {
    const match = newMatch();
    match.system("solosos-iii").sympathy = 0;
    expectRefused(match, CELL, { kind: "recruit", ship: "raider-1" }, ErrorCode.SympathyTooLow);
  });
});

describe("agitate", () => {
  const juhraya = (match: TestMatch) => match.system("juhraya");

  it("a roll under 75% wins the colony one step; it costs 3 supplies and erodes 10 occupier intel", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "agitate");
    match.state.rngState = rollBelow(AGITATE_BASE_CHANCE);
    expectAccepted(match, seat, order);
    expect(juhraya(match).sympathy).toBe(1);
    expect(juhraya(match).intelOccupier).toBe(35 - 10);
    expect(match.logTexts("agitate").at(-1)).toBe("Juhraya warms to the cause (sympathy 1).");
    expectMaquisBookkeeping(match, "agitate", startingHoldings);
    expect(match.raider.underground).toBe(true);
  });

  it("a roll at or over the chance changes no minds, but still costs and still erodes intel", () => {
    const match = newMatch();
    match.place("raider-1", "juhraya");
    match.state.rngState = rollAtLeast(AGITATE_BASE_CHANCE);
    expectAccepted(match, CELL, { kind: "agitate", ship: "raider-1" });
    expect(juhraya(match).sympathy).toBe(0);
    expect(juhraya(match).intelOccupier).toBe(25);
    expectMaquisBookkeeping(match, "agitate", startingHoldings);
  });

  it("each garrison lowers the chance by 15 points: the same roll wins an empty colony and fails under a garrison of 2", () => {
    const roll = rollBetween(AGITATE_BASE_CHANCE - 2 * AGITATE_GARRISON_PENALTY, AGITATE_BASE_CHANCE);
    for (const [garrison, sympathyAfter] of [[0, 1], [2, 0]] as const) {
      const match = newMatch();
      match.place("raider-1", "juhraya");
      juhraya(match).garrison = garrison;
      match.state.rngState = roll;
      expectAccepted(match, CELL, { kind: "agitate", ship: "raider-1" });
      expect(juhraya(match).sympathy).toBe(sympathyAfter);
    }
  });

  it("over many rolls, wins the colony exactly when the roll is under 75% − 15% × garrison", () => {
    const outcomes = new Set<boolean>();
    for (const garrison of [0, 1, 2]) {
      for (let rngState = 1; rngState <= 25; rngState++) {
        const match = newMatch();
        match.place("raider-1", "juhraya");
        juhraya(match).garrison = garrison;
        match.state.rngState = rngState;
        expectAccepted(match, CELL, { kind: "agitate", ship: "raider-1" });
        const won = juhraya(match).sympathy === 1;
        expect(won).toBe(rollsFrom(rngState)[0]! < AGITATE_BASE_CHANCE - AGITATE_GARRISON_PENALTY * garrison);
        outcomes.add(won);
      }
    }
    expect(outcomes).toEqual(new Set([true, false]));
  });

  it("occupier intel does not fall below 0", () => {
    const match = newMatch();
    match.place("raider-1", "juhraya");
    juhraya(match).intelOccupier = 4;
    expectAccepted(match, CELL, { kind: "agitate", ship: "raider-1" });
    expect(juhraya(match).intelOccupier).toBe(0);
  });

  it("refuses an uninhabited system with NO_POPULATION", () => {
    const match = newMatch();
    match.place("raider-1", "athos-iv");
    expectRefused(match, CELL, { kind: "agitate", ship: "raider-1" }, ErrorCode.NoPopulation);
  });

  it("refuses a colony already wholly with the Maquis (sympathy 2) with SYMPATHY_AT_MAXIMUM", () => {
    const match = newMatch();
    match.place("raider-1", "juhraya");
    juhraya(match).sympathy = 2;
    expectRefused(match, CELL, { kind: "agitate", ship: "raider-1" }, ErrorCode.SympathyAtMaximum);
  });

  it("refuses under a garrison of 3 or more with GARRISON_TOO_STRONG (2 is still allowed)", () => {
    const match = newMatch();
    match.place("raider-1", "juhraya");
    juhraya(match).garrison = 2;
    expect(match.check(CELL, { kind: "agitate", ship: "raider-1" })).toEqual({ ok: true });
    juhraya(match).garrison = 3;
    expectRefused(match, CELL, { kind: "agitate", ship: "raider-1" }, ErrorCode.GarrisonTooStrong);
  });
});

describe("smuggle", () => {
  it("trades 4 supplies for 2 weapons outside the occupier's rule", () => {
    const match = newMatch();
    expectAccepted(match, CELL, { kind: "smuggle", ship: "raider-1" });
    expect(match.cell().weapons).toBe(4 + SMUGGLE_WEAPONS);
    expect(match.cell().supplies).toBe(12 - 4);
    expect(match.cell().exposure).toBe(exposureGain.smuggle);
    expect(match.raider.readyAt).toBe(OPERATION_HOURS);
  });

  it("works in an occupier colony whose colonists sympathize (sympathy 1 or more)", () => {
    const match = newMatch();
    match.place("raider-1", "volan-iii");
    expectAccepted(match, CELL, { kind: "smuggle", ship: "raider-1" });
    expect(match.cell().weapons).toBe(6);
  });

  it("refuses an occupier colony that does not sympathize with NOT_TRADE_PARTNER", () => {
    const match = newMatch();
    match.place("raider-1", "dorvan-v");
    expectRefused(match, CELL, { kind: "smuggle", ship: "raider-1" }, ErrorCode.NotTradePartner);
  });
});

describe("raid", () => {
  function raidSituation() {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "raid");
    const convoy = match.ship(order.target as string);
    // The raider sits 40 units off Umoth VIII in open space, unwatched until it strikes.
    expect([convoy.x, convoy.y, convoy.cargo]).toEqual([720, 430, 8]);
    expect(match.raider.underground).toBe(true);
    return { match, seat, order, convoy };
  }

  it("a successful raid (roll under 75%) seizes the convoy: its cargo feeds the cell, the occupier loses face, and the colony in whose orbit it happened suffers", () => {
    const { match, seat, order, convoy } = raidSituation();
    match.state.rngState = rollBelow(RAID_SUCCESS_CHANCE);
    expectAccepted(match, seat, order);
    expect(match.cell().supplies).toBe(12 + 8);
    expect(match.state.ships.has(convoy.id)).toBe(false);
    expect(match.ctx.world!.bodies.has(convoy.id)).toBe(false);
    expect([...match.state.lostShips]).toEqual([convoy.id]);
    // A convoy is counted apart from the occupier's warships.
    expect([match.state.convoysLost, match.state.lostOccupier]).toEqual([1, 0]);
    // The convoy was in Umoth VIII's orbit (2,500 people): a public success, but the colonists were in the crossfire.
    expect([0, -1]).toContain(match.system("umoth-viii").sympathy);
    expect(match.state.maquisStanding).toBeCloseTo(maquisStanding.start + maquisStanding.successGain - civilianHarm.raid.standing * populationWeight(2500), 4);
    expect(match.logTexts("harm").at(-1)).toBe("A raid at Umoth VIII hurt its people; they blame the Maquis.");
    // The raid's own cost in reputation and the public loss of a ship both count.
    expect(match.state.reputation).toBe(60 - reputationLoss.raid - reputationLoss.shipLost);
    expect(match.raider.underground).toBe(false);
    // Raids cost weapons only; the seized cargo is the whole change in supplies.
    expectMaquisBookkeeping(match, "raid", { supplies: 12 + 8, weapons: 4 });
  });

  it("a failed raid (roll at or over 75%) halves the convoy's cargo; the raider is revealed all the same", () => {
    const { match, seat, order, convoy } = raidSituation();
    match.state.rngState = rollAtLeast(RAID_SUCCESS_CHANCE);
    expectAccepted(match, seat, order);
    expect(match.state.ships.has(convoy.id)).toBe(true);
    expect(convoy.cargo).toBe(4);
    expect(match.cell().supplies).toBe(12);
    expect(match.state.reputation).toBe(60);
    expect(match.state.maquisStanding).toBeCloseTo(maquisStanding.start - civilianHarm.raid.standing * populationWeight(2500), 4);
    expect(match.raider.underground).toBe(false);
    expect(match.logTexts("raid").at(-1)).toContain("fought off a Maquis raid");
    expectMaquisBookkeeping(match, "raid", startingHoldings);
  });

  it("refuses a ship in sensor range that is not an occupier convoy (a warship, a Maquis ship) with INVALID_TARGET", () => {
    const { match, seat, order } = raidSituation();
    match.place("patrol-1", { x: 720, y: 480 });
    for (const target of ["patrol-1", "raider-1"]) expectRefused(match, seat, { ...order, target }, ErrorCode.InvalidTarget);
  });

  it("refuses an unknown id like a ship out of sight, with TARGET_NOT_IN_RANGE: a client cannot tell them apart", () => {
    const { match, seat, order } = raidSituation();
    for (const target of ["galor-1", "no-such-ship"]) expectRefused(match, seat, { ...order, target }, ErrorCode.TargetNotInRange);
  });

  it("refuses a convoy beyond the raider's sensors with TARGET_NOT_IN_RANGE", () => {
    const { match, seat, order } = raidSituation();
    match.place("raider-1", "solosos-iii");
    expectRefused(match, seat, order, ErrorCode.TargetNotInRange);
  });
});

describe("sabotage", () => {
  const dorvanV = (match: TestMatch) => match.system("dorvan-v");

  it("blinds the occupier at the system (−30 intel), costs it 2 reputation, and on a roll under 50% wrecks a garrison post", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "sabotage");
    match.state.rngState = rollBelow(SABOTAGE_GARRISON_CHANCE);
    expectAccepted(match, seat, order);
    expect(dorvanV(match).garrison).toBe(0);
    expect(dorvanV(match).intelOccupier).toBe(35 - SABOTAGE_INTEL_LOSS);
    expect(match.state.reputation).toBe(60 - reputationLoss.sabotage);
    expect(match.logTexts("sabotage").at(-1)).toBe("Saboteurs wrecked a garrison post on Dorvan V.");
    expectMaquisBookkeeping(match, "sabotage", startingHoldings);
  });

  it("on a roll at or over 50% the garrison stands, and its sensors reveal the saboteur", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "sabotage");
    match.state.rngState = rollAtLeast(SABOTAGE_GARRISON_CHANCE);
    expectAccepted(match, seat, order);
    expect(dorvanV(match).garrison).toBe(1);
    expect(dorvanV(match).intelOccupier).toBe(5);
    expect(match.state.reputation).toBe(58);
    expect(match.raider.underground).toBe(false);
    expectMaquisBookkeeping(match, "sabotage", startingHoldings);
  });

  it("works on an occupier system without a garrison (sensor posts only), rolling nothing", () => {
    const match = newMatch();
    match.place("raider-1", "umoth-viii");
    const rngState = match.state.rngState;
    expectAccepted(match, CELL, { kind: "sabotage", ship: "raider-1" });
    expect(match.system("umoth-viii").intelOccupier).toBe(5);
    expect(match.state.rngState).toBe(rngState);
  });

  it("intel does not fall below 0", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "sabotage");
    dorvanV(match).intelOccupier = 12;
    expectAccepted(match, seat, order);
    expect(dorvanV(match).intelOccupier).toBe(0);
  });

  it("refuses a system where the occupier keeps nothing (not its own, no garrison) with NO_GARRISON", () => {
    const match = newMatch();
    expectRefused(match, CELL, { kind: "sabotage", ship: "raider-1" }, ErrorCode.NoGarrison);
    match.system("solosos-iii").garrison = 1;
    expect(match.check(CELL, { kind: "sabotage", ship: "raider-1" })).toEqual({ ok: true });
  });
});

describe("ambush", () => {
  it("in a storm, the ship lies in wait: stance ambush, stopped, 1 weapon, no exposure", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "ambush");
    match.raider.moving = true;
    expectAccepted(match, seat, order);
    expect(match.raider.stance).toBe("ambush");
    expect(match.raider.moving).toBe(false);
    expect(match.raider.underground).toBe(true);
    expectMaquisBookkeeping(match, "ambush", startingHoldings);
  });

  it("works in a nebula too, away from any system", () => {
    const match = newMatch();
    match.place("raider-1", IN_NEBULA);
    expectAccepted(match, CELL, { kind: "ambush", ship: "raider-1" });
    expect(match.raider.stance).toBe("ambush");
  });

  it("springs on the first occupier ship into its sensors, hitting first", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "ambush");
    expectAccepted(match, seat, order);
    match.patrol.route.clear();
    match.place("patrol-1", { x: 120, y: 310 }); // 10 units off, inside the storm-shortened sensors
    const shieldsBefore = match.patrol.shields;
    // It springs at the next sensor contact check.
    do match.step();
    while (!isContactCheckStep(match.state));
    const engagement = [...match.state.engagements.values()][0]!;
    expect(engagement).toMatchObject({ attacker: "raider-1", defender: "patrol-1" });
    expect(match.raider.stance).toBe("");
    expect(match.raider.underground).toBe(false);
    expect(match.patrol.shields).toBeLessThan(shieldsBefore);
  });

  it("refuses a ship outside a storm or nebula with NOT_IN_COVER", () => {
    const match = newMatch();
    expectRefused(match, CELL, { kind: "ambush", ship: "raider-1" }, ErrorCode.NotInCover);
  });
});

describe("evacuate", () => {
  /** Solosos III, where the raider starts, with its catastrophe two days off. */
  const doomedMatch = () => {
    const match = newMatch();
    match.system("solosos-iii").doomedAt = match.state.hours + 48;
    return match;
  };

  it("a small ship carries 300 colonists off for 2 supplies", () => {
    const match = doomedMatch();
    expectAccepted(match, CELL, { kind: "evacuate", ship: "raider-1" });
    const solosos = match.system("solosos-iii");
    expect(solosos.population).toBe(15000 - EVACUATE_PER_OPERATION.small);
    expect(solosos.evacuated).toBe(300);
    expect(match.cell().evacuated).toBe(300);
    expect(match.logTexts("evacuate").at(-1)).toBe("300 colonists were carried off Solosos III.");
    expectMaquisBookkeeping(match, "evacuate", startingHoldings);
  });

  it("a bigger ship carries more", () => {
    const match = doomedMatch();
    match.raider.shipClass = "freighter";
    expectAccepted(match, CELL, { kind: "evacuate", ship: "raider-1" });
    expect(match.system("solosos-iii").evacuated).toBe(EVACUATE_PER_OPERATION.medium);
  });

  it("carries no more than are left", () => {
    const match = doomedMatch();
    match.system("solosos-iii").population = 120;
    expectAccepted(match, CELL, { kind: "evacuate", ship: "raider-1" });
    expect(match.system("solosos-iii").population).toBe(0);
    expect(match.cell().evacuated).toBe(120);
  });

  it("a neutral colony (sympathy 0) trusts the Maquis enough", () => {
    const match = doomedMatch();
    match.system("solosos-iii").sympathy = 0;
    expect(match.check(CELL, { kind: "evacuate", ship: "raider-1" })).toEqual({ ok: true });
  });

  it("refuses a system with nobody left with NO_POPULATION", () => {
    const match = doomedMatch();
    match.system("solosos-iii").population = 0;
    expectRefused(match, CELL, { kind: "evacuate", ship: "raider-1" }, ErrorCode.NoPopulation);
  });

  it("refuses a world nothing threatens with NOT_THREATENED: evacuation is for doomed worlds", () => {
    const match = newMatch();
    expectRefused(match, CELL, { kind: "evacuate", ship: "raider-1" }, ErrorCode.NotThreatened);
  });

  it("when the hour comes, whoever is left is lost, in the scenario's words; those carried off are saved", () => {
    const match = doomedMatch();
    const solosos = match.system("solosos-iii");
    solosos.doomFate = "were rounded up by the Jem'Hadar";
    expectAccepted(match, CELL, { kind: "evacuate", ship: "raider-1" });
    const left = solosos.population;
    for (let i = 0; i < 48 * 4; i++) match.step();
    expect(solosos.population).toBe(0);
    expect(match.state.colonistsLost).toBe(left);
    expect(match.cell().evacuated).toBe(300);
    expect(match.logTexts("doom").at(-1)).toBe(`The ${left.toLocaleString("en")} colonists still on Solosos III were rounded up by the Jem'Hadar.`);
    expectRefused(match, CELL, { kind: "evacuate", ship: "raider-1" }, ErrorCode.NoPopulation);
  });

  it("refuses a colony loyal to the occupier (sympathy below 0) with SYMPATHY_TOO_LOW", () => {
    const match = doomedMatch();
    match.system("solosos-iii").sympathy = -1;
    expectRefused(match, CELL, { kind: "evacuate", ship: "raider-1" }, ErrorCode.SympathyTooLow);
  });
});

describe("goDark", () => {
  it("in a storm, an exposed ship starts going dark: stance dark, stopped, free, no exposure", () => {
    const match = newMatch();
    match.place("raider-1", "athos-iv");
    match.raider.underground = false;
    match.raider.darkHours = 2;
    match.raider.moving = true;
    expectAccepted(match, CELL, { kind: "goDark", ship: "raider-1" });
    expect(match.raider).toMatchObject({ stance: "dark", darkHours: 0, moving: false, underground: false });
    expectMaquisBookkeeping(match, "goDark", startingHoldings);
  });

  it("left unwatched for six hours, the ship is underground again", () => {
    const match = newMatch();
    match.place("raider-1", "athos-iv");
    match.raider.underground = false;
    expectAccepted(match, CELL, { kind: "goDark", ship: "raider-1" });
    match.step(DARK_HOURS / HOURS_PER_TICK - 1);
    expect(match.raider.underground).toBe(false);
    match.step();
    expect(match.raider.underground).toBe(true);
    expect(match.raider.stance).toBe("");
  });

  it("a sympathetic colony (sympathy 1 or more) is cover enough", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "goDark");
    expectAccepted(match, seat, order);
    expect(match.raider.stance).toBe("dark");
  });

  it("a nebula is cover enough", () => {
    const match = newMatch();
    match.place("raider-1", IN_NEBULA);
    match.raider.underground = false;
    expectAccepted(match, CELL, { kind: "goDark", ship: "raider-1" });
  });

  it("refuses a ship that is already hidden with ALREADY_UNDERGROUND", () => {
    const match = newMatch();
    expectRefused(match, CELL, { kind: "goDark", ship: "raider-1" }, ErrorCode.AlreadyUnderground);
  });

  it("refuses open space and colonies that are not sympathetic with NOT_IN_COVER", () => {
    const match = newMatch();
    match.raider.underground = false;
    match.place("raider-1", OPEN_SPACE);
    expectRefused(match, CELL, { kind: "goDark", ship: "raider-1" }, ErrorCode.NotInCover);
    match.place("raider-1", "juhraya");
    expectRefused(match, CELL, { kind: "goDark", ship: "raider-1" }, ErrorCode.NotInCover);
  });
});

describe("strike", () => {
  const dorvanV = (match: TestMatch) => match.system("dorvan-v");

  it("on a garrison: a roll under 60% destroys a post; 3 weapons, 5 reputation, 15 exposure, and the raider is revealed", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "strike");
    match.state.rngState = rollBelow(STRIKE_GARRISON_CHANCE);
    expectAccepted(match, seat, order);
    expect(dorvanV(match).garrison).toBe(0);
    expect(match.state.reputation).toBe(60 - reputationLoss.strike);
    expect(match.raider.underground).toBe(false);
    expect(match.logTexts("strike").at(-1)).toBe("Maquis raiders destroyed a garrison post on Dorvan V.");
    expectMaquisBookkeeping(match, "strike", startingHoldings);
  });

  it("on a garrison: a roll at or over 60% is beaten off, with the same costs", () => {
    const match = newMatch();
    const { seat, order } = acceptableSituation(match, "strike");
    match.state.rngState = rollAtLeast(STRIKE_GARRISON_CHANCE);
    expectAccepted(match, seat, order);
    expect(dorvanV(match).garrison).toBe(1);
    expect(match.state.reputation).toBe(55);
    expect(match.raider.underground).toBe(false);
    expectMaquisBookkeeping(match, "strike", startingHoldings);
  });

  it("on a garrison at a colony, its people are hurt: the movement loses standing by the colony's size, and the colony may turn", () => {
    const crowded = newMatch();
    crowded.place("raider-1", "volan-iii");
    crowded.system("volan-iii").garrison = 1;
    expectAccepted(crowded, CELL, { kind: "strike", ship: "raider-1", target: { garrison: true } });
    expect([0, 1]).toContain(crowded.system("volan-iii").sympathy);
    expect(crowded.state.maquisStanding).toBeCloseTo(maquisStanding.start - civilianHarm.strike.standing * populationWeight(12_000), 4);
    expect(crowded.logTexts("harm").at(-1)).toBe("A Maquis strike at Volan III hurt its people; they blame the Maquis.");

    // Dorvan V's 400 settlers weigh about a fifth of a world of 100,000, and so does the harm.
    const small = newMatch();
    const { seat, order } = acceptableSituation(small, "strike");
    expectAccepted(small, seat, order);
    expect(small.state.maquisStanding).toBeCloseTo(maquisStanding.start - civilianHarm.strike.standing * populationWeight(400), 4);
  });

  it("sympathy does not fall below −2", () => {
    const match = newMatch();
    match.place("raider-1", "quatal-prime");
    expect(match.system("quatal-prime").sympathy).toBe(-2);
    expectAccepted(match, CELL, { kind: "strike", ship: "raider-1", target: { garrison: true } });
    expect(match.system("quatal-prime").sympathy).toBe(-2);
  });

  it("on a warship in sensor range: opens a fight with the raider as attacker", () => {
    const match = newMatch();
    match.place("raider-1", { x: 640, y: 600 }); // 40 units off Quatal Prime, where the Galor lies
    expectAccepted(match, CELL, { kind: "strike", ship: "raider-1", target: { ship: "galor-1" } });
    const engagement = match.state.engagements.get(match.raider.engagement)!;
    expect(engagement).toMatchObject({ attacker: "raider-1", defender: "galor-1" });
    expect(match.galor.engagement).toBe(engagement.id);
    expect(match.raider.underground).toBe(false);
    expect(match.state.reputation).toBe(55);
    expectMaquisBookkeeping(match, "strike", startingHoldings);
  });

  it("refuses a garrison strike where there is no garrison with NO_GARRISON", () => {
    const match = newMatch();
    expectRefused(match, CELL, { kind: "strike", ship: "raider-1", target: { garrison: true } }, ErrorCode.NoGarrison);
  });

  it("refuses anything in sensor range but an occupier warship (a convoy, a Maquis ship) with INVALID_TARGET", () => {
    const match = newMatch();
    const convoy = match.startConvoy("umoth-viii", "juhraya");
    match.place("raider-1", { x: 720, y: 470 });
    for (const ship of [convoy.id, "raider-1"]) expectRefused(match, CELL, { kind: "strike", ship: "raider-1", target: { ship } }, ErrorCode.InvalidTarget);
  });

  it("refuses an unknown id like a warship out of sight, with TARGET_NOT_IN_RANGE", () => {
    const match = newMatch();
    expectRefused(match, CELL, { kind: "strike", ship: "raider-1", target: { ship: "no-such-ship" } }, ErrorCode.TargetNotInRange);
  });

  it("refuses a warship already in a fight with INVALID_TARGET", () => {
    const match = newMatch();
    match.place("raider-1", { x: 640, y: 600 });
    match.galor.engagement = "engagement-99";
    expectRefused(match, CELL, { kind: "strike", ship: "raider-1", target: { ship: "galor-1" } }, ErrorCode.InvalidTarget);
  });

  it("refuses a warship beyond the raider's sensors with TARGET_NOT_IN_RANGE", () => {
    const match = newMatch();
    expectRefused(match, CELL, { kind: "strike", ship: "raider-1", target: { ship: "galor-1" } }, ErrorCode.TargetNotInRange);
  });
});

describe("chooseBase", () => {
  it("moves the hidden base to another candidate site, for free, and may be repeated before the first operation", () => {
    const match = newMatch();
    const cell = match.cell();
    expectAccepted(match, CELL, { kind: "chooseBase", system: "athos-iv" });
    expect(cell.baseSystem).toBe("athos-iv");
    expect(match.logTexts("base").at(-1)).toBe("The cell's base is now hidden at Athos IV.");
    expectAccepted(match, CELL, { kind: "chooseBase", system: "volan-iii" });
    expect(cell).toMatchObject({ baseSystem: "volan-iii", baseChosen: false, supplies: 12, weapons: 4, exposure: 0 });
  });

  it("after the cell's first operation the base is locked: BASE_LOCKED", () => {
    const match = newMatch();
    expectAccepted(match, CELL, { kind: "recruit", ship: "raider-1" });
    expectRefused(match, CELL, { kind: "chooseBase", system: "athos-iv" }, ErrorCode.BaseLocked);
  });

  it("refuses a system that is not one of the cell's candidate sites with NOT_A_BASE_SITE", () => {
    const match = newMatch();
    expectRefused(match, CELL, { kind: "chooseBase", system: "dorvan-v" }, ErrorCode.NotABaseSite);
    expectRefused(match, CELL, { kind: "chooseBase", system: "risa" }, ErrorCode.NotABaseSite);
  });

  it("refuses a broken cell with CELL_ELIMINATED", () => {
    const match = newMatch();
    match.cell().eliminated = true;
    expectRefused(match, CELL, { kind: "chooseBase", system: "athos-iv" }, ErrorCode.CellEliminated);
  });
});

describe("raid on a depot", () => {
  /** The raider at Juhraya, a Cardassian colony of 6,000 with no garrison. */
  function atDepot() {
    const match = newMatch();
    match.place("raider-1", "juhraya");
    return match;
  }
  const order = { kind: "raid", ship: "raider-1", target: { depot: true } } as const;

  it("a success (roll under 65% − 15% a garrison) carries off requisition as supplies, costs the occupier face and wins the movement standing", () => {
    const match = atDepot();
    match.state.rngState = rollBelow(raidDepot.baseChance);
    expectAccepted(match, CELL, order);
    expect(match.cell().supplies).toBe(12 + raidDepot.seized);
    expect(match.state.occupier.requisition).toBe(10 - raidDepot.seized);
    expect(match.state.reputation).toBe(60 - reputationLoss.depotRaid);
    expect(match.cell().weapons).toBe(4 - maquisCosts.depotRaid.weapons);
    // Juhraya's people were in the crossfire: the standing gained is less the harm done.
    expect(match.state.maquisStanding).toBeCloseTo(maquisStanding.start + maquisStanding.successGain - civilianHarm.raid.standing * populationWeight(6000), 4);
    expect(match.raider.underground).toBe(false);
    expect(match.logTexts("raid").at(-1)).toBe("Maquis raiders looted the depot on Juhraya.");
    expect(match.cell().exposure).toBe(exposureGain.raid);
  });

  it("a garrison makes it harder: with two, a roll that would have won is beaten off", () => {
    const match = atDepot();
    match.system("juhraya").garrison = 2;
    match.state.rngState = rollBetween(raidDepot.baseChance - 2 * raidDepot.garrisonPenalty, raidDepot.baseChance);
    expectAccepted(match, CELL, order);
    expect(match.cell().supplies).toBe(12);
    expect(match.state.occupier.requisition).toBe(10);
    expect(match.logTexts("raid").at(-1)).toBe("The depot on Juhraya beat off a Maquis raid.");
  });

  it("refuses a system that holds no occupier depot with INVALID_TARGET, and open space with NOT_AT_SYSTEM", () => {
    const match = newMatch();
    expectRefused(match, CELL, order, ErrorCode.InvalidTarget); // Solosos III is a Federation colony
    match.place("raider-1", OPEN_SPACE);
    expectRefused(match, CELL, order, ErrorCode.NotAtSystem);
  });
});

describe("smuggling relief", () => {
  const relieve = { kind: "smuggle", ship: "raider-1", goods: "relief" } as const;

  it("hands the colonists supplies: the movement gains standing, and a roll under 50% − 10% a garrison wins the colony a step", () => {
    const match = newMatch();
    match.place("raider-1", "juhraya");
    match.state.rngState = rollBelow(relief.sympathyChance);
    expectAccepted(match, CELL, relieve);
    expect(match.system("juhraya").sympathy).toBe(1);
    expect(match.state.maquisStanding).toBe(maquisStanding.start + relief.standingGain);
    expect(match.cell().supplies).toBe(12 - maquisCosts.relief.supplies);
    expect(match.cell().weapons).toBe(4);
  });

  it("a failed roll still earns the standing; nobody to help or a world already won is refused", () => {
    const match = newMatch();
    match.place("raider-1", "juhraya");
    match.state.rngState = rollAtLeast(relief.sympathyChance);
    expectAccepted(match, CELL, relieve);
    expect(match.system("juhraya").sympathy).toBe(0);
    expect(match.state.maquisStanding).toBe(maquisStanding.start + relief.standingGain);
    const other = newMatch();
    other.place("raider-1", "athos-iv");
    expectRefused(other, CELL, relieve, ErrorCode.NoPopulation);
    other.place("raider-1", "volan-iii");
    other.system("volan-iii").sympathy = 2;
    expectRefused(other, CELL, relieve, ErrorCode.SympathyAtMaximum);
  });

  it("arms are still the default: supplies for weapons", () => {
    const match = newMatch();
    expectAccepted(match, CELL, { kind: "smuggle", ship: "raider-1" });
    expect(match.cell().weapons).toBe(4 + SMUGGLE_WEAPONS);
    expectAccepted(newMatch(), CELL, { kind: "smuggle", ship: "raider-1", goods: "arms" });
  });
});

describe("transfer between cells", () => {
  function met() {
    const match = newMatch({ secondCell: true });
    match.place("raider-2", match.raider);
    return match;
  }
  const give = (supplies: number, weapons: number, to = OTHER_CELL) => ({ kind: "transfer", ship: "raider-1", to, supplies, weapons }) as const;

  it("hands goods to a fellow cell whose ship is at the same place; both cells hear of it; no heat", () => {
    const match = met();
    const other = match.state.cells.get(OTHER_CELL)!;
    const [s, w] = [other.supplies, other.weapons];
    expectAccepted(match, CELL, give(5, 3));
    expect([match.cell().supplies, match.cell().weapons]).toEqual([12 - 5, 4 - 3]);
    expect([other.supplies, other.weapons]).toEqual([s + 5, w + 3]);
    expect(match.cell().exposure).toBe(0);
    expect(match.state.log.some((entry) => entry.audience === OTHER_CELL && entry.kind === "transfer" && entry.text.includes("5 supplies and 3 weapons"))).toBe(true);
    expect(match.raider.readyAt).toBeGreaterThan(match.state.hours);
  });

  it("refuses without a meeting (NO_RENDEZVOUS), to itself or the occupier (INVALID_TARGET), nothing or more than it holds", () => {
    const match = met();
    expectRefused(match, CELL, give(1, 0, CELL), ErrorCode.InvalidTarget);
    expectRefused(match, CELL, give(1, 0, "occupier"), ErrorCode.InvalidTarget);
    expectRefused(match, CELL, give(0, 0), ErrorCode.InvalidTarget);
    expectRefused(match, CELL, give(13, 0), ErrorCode.NotEnoughSupplies);
    expectRefused(match, CELL, give(0, 5), ErrorCode.NotEnoughWeapons);
    match.place("raider-2", "dreon-vii");
    expectRefused(match, CELL, give(1, 0), ErrorCode.NoRendezvous);
  });
});
