import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../../shared/protocol/errorCodes";
import { LIMITS } from "../../../shared/protocol/limits";
import { markOrderSchema } from "../../../shared/protocol/orders";
import { operations } from "../../../shared/rules/operations";
import { BREAK_OFF_BASE_CHANCE, COVER_BREAK_OFF_BONUS } from "../../../shared/rules/tuning";
import { shipClasses } from "../../../shared/scenario/shipClassSchema";
import {
  acceptableSituation,
  matchFor,
  allOrderKinds,
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
  SPECTATOR,
} from "./support";

describe("what every order is checked for first", () => {
  it("the acceptable situations cover every order kind the rules know", () => {
    expect([...allOrderKinds].sort()).toEqual(Object.keys(operations).sort());
  });

  for (const kind of allOrderKinds) {
    describe(kind, () => {
      it("a spectator (or any id that holds no seat) gets SPECTATOR_CANNOT_ORDER", () => {
        const match = matchFor(kind);
        const { order } = acceptableSituation(match, kind);
        expectRefused(match, SPECTATOR, order, ErrorCode.SpectatorCannotOrder);
        expectRefused(match, "cell-9", order, ErrorCode.SpectatorCannotOrder);
      });

      it("once the match has ended, the same order gets MATCH_OVER", () => {
        const match = matchFor(kind);
        const { seat, order } = acceptableSituation(match, kind);
        match.state.phase = "ended";
        expectRefused(match, seat, order, ErrorCode.MatchOver);
      });

      const side = operations[kind].side;
      if (side !== "any") {
        it(`only the ${side} side may give it: the other side gets WRONG_SIDE`, () => {
          const match = matchFor(kind);
          const { order } = acceptableSituation(match, kind);
          expectRefused(match, side === "maquis" ? OCCUPIER : CELL, order, ErrorCode.WrongSide);
        });
      }
    });
  }
});

describe("move", () => {
  it("sends a ship toward a system: destination set, under way, standing route and stance dropped", () => {
    const match = newMatch();
    const patrol = match.patrol;
    expect(patrol.route.length).toBe(4);
    patrol.routeIndex = 2;
    expectAccepted(match, OCCUPIER, { kind: "move", ship: "patrol-1", to: { system: "juhraya" } });
    expect(patrol).toMatchObject({ destX: 800, destY: 250, destSystem: "juhraya", moving: true, routeIndex: 0 });
    expect(patrol.route.length).toBe(0);
    match.step();
    expect(patrol.x).toBeGreaterThan(590);
    expect(patrol.y).toBeLessThan(510);
  });

  it("sends a ship to a point in open space, and cancels an ambush or going dark", () => {
    const match = newMatch();
    const raider = match.raider;
    raider.stance = "dark";
    raider.darkHours = 3;
    expectAccepted(match, CELL, { kind: "move", ship: "raider-1", to: { x: 310, y: 390 } });
    expect(raider).toMatchObject({ destX: 310, destY: 390, destSystem: "", moving: true, stance: "", darkHours: 0 });
    raider.stance = "ambush";
    expectAccepted(match, CELL, { kind: "move", ship: "raider-1", to: { system: "tracken-ii" } });
    expect(raider).toMatchObject({ destSystem: "tracken-ii", stance: "" });
  });

  it("costs nothing and is allowed while the ship is busy after an operation", () => {
    const match = newMatch();
    match.raider.readyAt = match.state.hours + 3;
    const cell = match.cell();
    const holdings = [cell.supplies, cell.weapons, cell.recruits, cell.exposure];
    expectAccepted(match, CELL, { kind: "move", ship: "raider-1", to: OPEN_SPACE });
    expect([cell.supplies, cell.weapons, cell.recruits, cell.exposure]).toEqual(holdings);
  });

  it("accepts the very edges of the map", () => {
    const match = newMatch();
    expectAccepted(match, CELL, { kind: "move", ship: "raider-1", to: { x: 0, y: 0 } });
    expectAccepted(match, CELL, { kind: "move", ship: "raider-1", to: { x: 1000, y: 700 } });
  });

  it("refuses another seat's ship and a ship that does not exist with the same NOT_YOUR_SHIP", () => {
    const match = newMatch();
    expectRefused(match, CELL, { kind: "move", ship: "galor-1", to: OPEN_SPACE }, ErrorCode.NotYourShip);
    expectRefused(match, OCCUPIER, { kind: "move", ship: "raider-1", to: OPEN_SPACE }, ErrorCode.NotYourShip);
    expectRefused(match, CELL, { kind: "move", ship: "no-such-ship", to: OPEN_SPACE }, ErrorCode.NotYourShip);
  });

  it("refuses a ship in a fight with SHIP_ENGAGED (break off first)", () => {
    const match = newMatch();
    match.place("raider-1", { x: 640, y: 600 });
    match.engage("raider-1", "galor-1");
    expectRefused(match, CELL, { kind: "move", ship: "raider-1", to: OPEN_SPACE }, ErrorCode.ShipEngaged);
    expectRefused(match, OCCUPIER, { kind: "move", ship: "galor-1", to: { system: "bryma" } }, ErrorCode.ShipEngaged);
  });

  it("refuses an unknown system with UNKNOWN_SYSTEM", () => {
    const match = newMatch();
    expectRefused(match, CELL, { kind: "move", ship: "raider-1", to: { system: "risa" } }, ErrorCode.UnknownSystem);
  });

  it("refuses a point off the map with OUTSIDE_MAP", () => {
    const match = newMatch();
    for (const to of [{ x: -1, y: 10 }, { x: 10, y: -0.5 }, { x: 1000.5, y: 10 }, { x: 10, y: 701 }])
      expectRefused(match, CELL, { kind: "move", ship: "raider-1", to }, ErrorCode.OutsideMap);
  });
});

describe("breakOff", () => {
  const raiderSpeed = shipClasses.get("maquis-raider")!.speed;
  const galorSpeed = shipClasses.get("galor")!.speed;
  // The raider is one unit per hour faster than a Galor: an edge of 0.08 for it, against it for the Galor.
  const raiderChance = BREAK_OFF_BASE_CHANCE + (raiderSpeed - galorSpeed) * 0.08;
  const galorChance = BREAK_OFF_BASE_CHANCE - (raiderSpeed - galorSpeed) * 0.08;

  function fight() {
    const match = newMatch();
    match.place("raider-1", { x: 640, y: 600 });
    const engagementId = match.engage("raider-1", "galor-1");
    expect(match.state.engagements.has(engagementId)).toBe(true);
    return { match, engagementId };
  }

  it("a roll under the ship's chance ends the fight and frees both ships", () => {
    const { match, engagementId } = fight();
    match.state.rngState = rollBelow(raiderChance);
    expectAccepted(match, CELL, { kind: "breakOff", ship: "raider-1" });
    expect(match.state.engagements.has(engagementId)).toBe(false);
    expect([match.raider.engagement, match.galor.engagement]).toEqual(["", ""]);
    expect(match.logTexts("engagement").at(-1)).toBe("Tallgrass broke off the fight.");
  });

  it("a roll at or over the chance leaves the fight on, and costs nothing else", () => {
    const { match, engagementId } = fight();
    match.state.rngState = rollAtLeast(raiderChance);
    const hulls = [match.raider.hull, match.raider.shields, match.galor.hull, match.galor.shields];
    expectAccepted(match, CELL, { kind: "breakOff", ship: "raider-1" });
    expect(match.state.engagements.has(engagementId)).toBe(true);
    expect([match.raider.engagement, match.galor.engagement]).toEqual([engagementId, engagementId]);
    expect([match.raider.hull, match.raider.shields, match.galor.hull, match.galor.shields]).toEqual(hulls);
    expect(match.logTexts("engagement").at(-1)).toBe("Tallgrass could not shake off Vornek.");
  });

  it("the faster ship slips away on a roll that holds the slower one (speed edge)", () => {
    const roll = rollBetween(galorChance, raiderChance);
    const asRaider = fight();
    asRaider.match.state.rngState = roll;
    expectAccepted(asRaider.match, CELL, { kind: "breakOff", ship: "raider-1" });
    expect(asRaider.match.state.engagements.size).toBe(0);

    const asGalor = fight();
    asGalor.match.state.rngState = roll;
    expectAccepted(asGalor.match, OCCUPIER, { kind: "breakOff", ship: "galor-1" });
    expect(asGalor.match.state.engagements.size).toBe(1);
  });

  it("cover (a storm) adds its bonus: a roll that fails in open space succeeds inside the Badlands", () => {
    const roll = rollBetween(raiderChance, raiderChance + COVER_BREAK_OFF_BONUS);
    const open = fight();
    open.match.state.rngState = roll;
    expectAccepted(open.match, CELL, { kind: "breakOff", ship: "raider-1" });
    expect(open.match.state.engagements.size).toBe(1);

    const covered = newMatch();
    covered.place("raider-1", "athos-iv");
    covered.place("galor-1", { x: 160, y: 300 });
    covered.engage("galor-1", "raider-1");
    covered.state.rngState = roll;
    expectAccepted(covered, CELL, { kind: "breakOff", ship: "raider-1" });
    expect(covered.state.engagements.size).toBe(0);
  });

  it("over many rolls, succeeds exactly when the roll is under the chance", () => {
    const outcomes = new Set<boolean>();
    for (let rngState = 1; rngState <= 40; rngState++) {
      const { match } = fight();
      match.state.rngState = rngState;
      expectAccepted(match, CELL, { kind: "breakOff", ship: "raider-1" });
      const brokeOff = match.state.engagements.size === 0;
      expect(brokeOff).toBe(rollsFrom(rngState)[0]! < raiderChance);
      outcomes.add(brokeOff);
    }
    expect(outcomes).toEqual(new Set([true, false]));
  });

  it("is free and may be ordered by either side, even while the ship is busy", () => {
    const { match } = fight();
    match.galor.readyAt = match.state.hours + 4;
    const requisition = match.state.occupier.requisition;
    match.state.rngState = rollBelow(galorChance);
    expectAccepted(match, OCCUPIER, { kind: "breakOff", ship: "galor-1" });
    expect(match.state.engagements.size).toBe(0);
    expect(match.state.occupier.requisition).toBe(requisition);
  });

  it("refuses a ship that is not fighting with NOT_ENGAGED", () => {
    const match = newMatch();
    expectRefused(match, CELL, { kind: "breakOff", ship: "raider-1" }, ErrorCode.NotEngaged);
  });

  it("refuses the enemy's ship in the same fight, and an unknown ship, with NOT_YOUR_SHIP", () => {
    const { match } = fight();
    expectRefused(match, OCCUPIER, { kind: "breakOff", ship: "raider-1" }, ErrorCode.NotYourShip);
    expectRefused(match, CELL, { kind: "breakOff", ship: "galor-1" }, ErrorCode.NotYourShip);
    expectRefused(match, CELL, { kind: "breakOff", ship: "no-such-ship" }, ErrorCode.NotYourShip);
  });
});

describe("mark (the council's map)", () => {
  it("pins a note to a point for the ordering side only, and changes nothing else", () => {
    const match = newMatch({ secondCell: true });
    const withoutLog = (snapshot: string) => JSON.stringify({ ...JSON.parse(snapshot), log: [] });
    const before = match.snapshot();
    expectAccepted(match, CELL, { kind: "mark", x: 600, y: 500, text: "Hit the convoy here at dawn" });
    const entry = match.state.log.at(-1)!;
    expect([entry.kind, entry.audience, entry.x, entry.y]).toEqual(["mark", "maquis", 600, 500]);
    expect(entry.text).toBe("Dorvan Valley cell: Hit the convoy here at dawn");
    expectAccepted(match, OCCUPIER, { kind: "mark", x: 10, y: 10, text: "Sweep" });
    expect(match.state.log.at(-1)!.audience).toBe("occupier");
    // Nothing but the log moved.
    match.state.log.clear();
    expect(match.snapshot()).toBe(withoutLog(before));
  });

  it("refuses a point off the map with OUTSIDE_MAP; the order's own schema refuses an empty or over-long note", () => {
    const match = newMatch();
    expectRefused(match, CELL, { kind: "mark", x: -1, y: 500, text: "here" }, ErrorCode.OutsideMap);
    expect(markOrderSchema.safeParse({ kind: "mark", x: 1, y: 1, text: "   " }).success).toBe(false);
    expect(markOrderSchema.safeParse({ kind: "mark", x: 1, y: 1, text: "x".repeat(LIMITS.markCharacters + 1) }).success).toBe(false);
    expect(markOrderSchema.safeParse({ kind: "mark", x: 1, y: 1, text: "x".repeat(LIMITS.markCharacters) }).success).toBe(true);
  });
});
