import { describe, expect, it } from "vitest";
import { operationChoices } from "../../client/ui/orderCandidates";
import { decodedView } from "../support/decodedView";
import { CELL, expectAccepted, newMatch, type TestMatch } from "./operations/support";

/** The operations panel's choices for a ship, as a cell's client builds them from its decoded state. */
function choicesOnCellView(match: TestMatch, shipId: string) {
  const view = decodedView(match, { side: "maquis", seat: CELL });
  return operationChoices(view, CELL, view.ships.get(shipId)!);
}

const choice = (choices: ReturnType<typeof operationChoices>, kind: string) => choices.find((c) => c.kind === kind)!;

describe("the operations panel's choices, on a client's view", () => {
  it("a cell's Raid is enabled, at the convoy, when an occupier convoy is in the raider's sensor range", () => {
    const match = newMatch();
    const convoy = match.startConvoy("umoth-viii", "juhraya");
    match.place("raider-1", { x: 720, y: 470 });
    const raid = choice(choicesOnCellView(match, "raider-1"), "raid");
    expect(raid).toMatchObject({ order: { kind: "raid", ship: "raider-1", target: convoy.id }, refusal: "", serverDecides: "" });
    // And the server takes the order the panel would send.
    expectAccepted(match, CELL, raid.order!);
  });

  it("with no convoy in range and no occupier depot where the raider is, Raid is disabled and says why", () => {
    const match = newMatch();
    const convoy = match.startConvoy("umoth-viii", "juhraya");
    const raid = choice(choicesOnCellView(match, "raider-1"), "raid");
    expect(match.state.ships.has(convoy.id)).toBe(true);
    expect(raid.order).toBeNull();
    expect(raid.refusal).toContain("no such convoy in range");
  });

  it("every choice the panel enables on the cell's view is one the server accepts", () => {
    const match = newMatch();
    match.startConvoy("umoth-viii", "juhraya");
    match.place("raider-1", "umoth-viii");
    const enabled = choicesOnCellView(match, "raider-1").filter((c) => c.order !== null);
    expect(enabled.length).toBeGreaterThan(2);
    for (const c of enabled) expect(match.check(CELL, c.order!), c.kind).toEqual({ ok: true });
  });
});
