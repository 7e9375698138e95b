import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../../shared/protocol/errorCodes";
import { locateBase } from "../../../shared/rules/bases";
import { operations } from "../../../shared/rules/operations";
import { previewOrder } from "../../../shared/rules/previewOrder";
import { decodedView } from "../../support/decodedView";
import { CELL, expectAccepted, expectRefused, newMatch, OCCUPIER, type TestMatch } from "./support";

const cellView = (match: TestMatch) => decodedView(match, { side: "maquis", seat: CELL });
const occupierView = (match: TestMatch) => decodedView(match, { side: "occupier", seat: OCCUPIER });
const moveBase = { kind: "chooseBase", system: "athos-iv" } as const;

describe("a client's preview of an order, on its own view", () => {
  it("a cell's view lacks the occupier's books, so where the base may move is left to the server, in a sentence", () => {
    const match = newMatch();
    const view = cellView(match);
    expect(view.occupier.foundBases).toBeUndefined();
    const question = operations.chooseBase.serverDecides?.question;
    expect(question).toMatch(/^whether /);
    expect(previewOrder(view, CELL, moveBase)).toEqual({ ok: true, serverDecides: question });
    // The occupier finds the base: the preview cannot know, and says the same; the server refuses.
    locateBase(match.state, match.cell(), "a test");
    expect(previewOrder(cellView(match), CELL, moveBase)).toEqual({ ok: true, serverDecides: question });
    expectRefused(match, CELL, moveBase, ErrorCode.BaseLocked);
  });

  it("what the cell's view settles, the preview refuses with the server's own code: a locked base, a site that is not a candidate", () => {
    const match = newMatch();
    expect(previewOrder(cellView(match), CELL, { kind: "chooseBase", system: "dorvan-v" })).toMatchObject({ ok: false, code: ErrorCode.NotABaseSite });
    expectAccepted(match, CELL, { kind: "recruit", ship: "raider-1" });
    expect(previewOrder(cellView(match), CELL, moveBase)).toMatchObject({ ok: false, code: ErrorCode.BaseLocked });
    expectRefused(match, CELL, moveBase, ErrorCode.BaseLocked);
  });

  it("an order the view settles whole is simply allowed, with nothing left to the server", () => {
    const match = newMatch();
    expect(previewOrder(cellView(match), CELL, { kind: "recruit", ship: "raider-1" })).toEqual({ ok: true });
  });

  it("a Maquis ship hidden from the occupier is refused as out of range on both sides of the wire, even right beside the warship", () => {
    const match = newMatch();
    match.place("raider-1", { x: 640, y: 600 });
    const order = { kind: "assault", ship: "galor-1", target: { ship: "raider-1" } } as const;
    expect(occupierView(match).ships.has("raider-1")).toBe(false);
    expect(previewOrder(occupierView(match), OCCUPIER, order)).toMatchObject({ ok: false, code: ErrorCode.TargetNotInRange });
    expectRefused(match, OCCUPIER, order, ErrorCode.TargetNotInRange);
    // Revealed, it is in the occupier's view and both allow the assault.
    match.raider.underground = false;
    expect(previewOrder(occupierView(match), OCCUPIER, order)).toEqual({ ok: true });
    expectAccepted(match, OCCUPIER, order);
  });
});
