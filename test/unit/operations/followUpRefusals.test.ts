import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../../shared/protocol/errorCodes";
import { ROUND_TICKS } from "../../../shared/rules/tuning";
import { CELL, expectAccepted, expectRefused, newMatch, OCCUPIER, rollAtLeast, rollBelow } from "./support";

/** Rules tightened after the first round of tests found ways around them. */
describe("one break-off try per round", () => {
  it("after a failed try the ship must wait for the next round, then may try again", () => {
    const match = newMatch();
    match.place("raider-1", { x: 640, y: 600 });
    match.engage("raider-1", "galor-1");
    match.state.rngState = rollAtLeast(0.9);
    expectAccepted(match, CELL, { kind: "breakOff", ship: "raider-1" });
    expect(match.raider.engagement).not.toBe("");
    expectRefused(match, CELL, { kind: "breakOff", ship: "raider-1" }, ErrorCode.ShipBusy);
    match.step(ROUND_TICKS);
    match.state.rngState = rollBelow(0.1);
    expectAccepted(match, CELL, { kind: "breakOff", ship: "raider-1" });
    expect(match.raider.engagement).toBe("");
  });
});

describe("a found base stays put", () => {
  it("refuses to move a base the occupier has already located", () => {
    const match = newMatch();
    const cell = match.state.cells.get(CELL)!;
    match.state.occupier.foundBases.set(CELL, cell.baseSystem);
    const elsewhere = [...cell.baseCandidates].find((id) => id !== cell.baseSystem)!;
    expectRefused(match, CELL, { kind: "chooseBase", system: elsewhere }, ErrorCode.BaseLocked);
  });
});

describe("convoys keep to their route", () => {
  it("refuses to move or re-route a convoy", () => {
    const match = newMatch();
    const convoy = match.startConvoy("umoth-viii", "juhraya");
    expectRefused(match, OCCUPIER, { kind: "move", ship: convoy.id, to: { system: "bryma" } }, ErrorCode.ConvoyOnRoute);
    expectRefused(match, OCCUPIER, { kind: "patrol", ship: convoy.id, route: ["bryma", "juhraya"] }, ErrorCode.ConvoyOnRoute);
  });

  it("refuses a patrol route for a ship in a fight", () => {
    const match = newMatch();
    match.place("raider-1", { x: 640, y: 600 });
    match.engage("raider-1", "galor-1");
    expectRefused(match, OCCUPIER, { kind: "patrol", ship: "galor-1", route: ["bryma", "juhraya"] }, ErrorCode.ShipEngaged);
  });
});
