import { describe, expect, it } from "vitest";
import { ContactMemory, LAST_SEEN_HOURS, seenAgo, type SightedShip } from "../../client/render/lastSeen";
import { lastSeenRows } from "../../client/scenes/match/panelData";
import { matchOf, quietScenario } from "./rules/rulesHelpers";

const galor: SightedShip = { id: "galor-1", name: "Vetar", side: "occupier", x: 300, y: 200, heading: 1, engagement: "" };
const raider: SightedShip = { id: "raider-1", name: "Val Jean", side: "maquis", x: 100, y: 100, heading: 0, engagement: "" };

describe("the last known positions of contacts", () => {
  it("remember where an enemy ship was when it left view, and when", () => {
    const memory = new ContactMemory("maquis");
    memory.lost(galor, 10);
    expect(memory.current(12)).toEqual([{ id: "galor-1", name: "Vetar", side: "occupier", x: 300, y: 200, heading: 1, hours: 10 }]);
  });

  it("keep nothing of the viewer's own side, nor anything for a viewer with no side (a replay)", () => {
    const memory = new ContactMemory("maquis");
    memory.lost(raider, 10);
    expect(memory.current(10)).toEqual([]);
    memory.setViewer("");
    memory.lost(galor, 10);
    expect(memory.current(10)).toEqual([]);
  });

  it("forget a ship that is in view again, or that left view in the middle of a fight (destroyed or taken)", () => {
    const memory = new ContactMemory("occupier");
    memory.lost(raider, 5);
    memory.seen("raider-1");
    expect(memory.current(6)).toEqual([]);
    memory.lost({ ...raider, engagement: "fight-1" }, 7);
    expect(memory.current(7)).toEqual([]);
  });

  it("forget a ship the news reports lost, but not for news that does not name it or is not a loss", () => {
    const memory = new ContactMemory("maquis");
    memory.lost(galor, 5);
    memory.read([{ kind: "news", text: "Vetar was seen leaving" }, { kind: "raid", text: "The convoy Kornor was seized." }]);
    expect(memory.current(5)).toHaveLength(1);
    memory.read([{ kind: "loss", text: "Vetar was destroyed by Val Jean." }]);
    expect(memory.current(5)).toEqual([]);
  });

  it(`forget a position older than ${LAST_SEEN_HOURS} game hours`, () => {
    const memory = new ContactMemory("maquis");
    memory.lost(galor, 10);
    expect(memory.current(10 + LAST_SEEN_HOURS)).toHaveLength(1);
    expect(memory.current(10 + LAST_SEEN_HOURS + 0.5)).toEqual([]);
  });

  it("start afresh when the viewer's side changes", () => {
    const memory = new ContactMemory("maquis");
    memory.lost(galor, 10);
    memory.setViewer("maquis");
    expect(memory.current(10)).toHaveLength(1);
    memory.setViewer("occupier");
    expect(memory.current(10)).toEqual([]);
  });

  it("label the age in whole hours", () => {
    expect(seenAgo(10, 10.5)).toBe("seen just now");
    expect(seenAgo(10, 13.9)).toBe("seen 3 h ago");
  });
});

describe("the ship list's last-seen rows", () => {
  it("say where and when in words, newest first", () => {
    const { state } = matchOf(quietScenario());
    const solosos = state.systems.get("solosos-iii")!;
    state.hours = 20;
    const rows = lastSeenRows(state, [
      { id: "a", name: "Vetar", side: "occupier", x: solosos.x, y: solosos.y, heading: 0, hours: 12 },
      { id: "b", name: "Kornor", side: "occupier", x: 5000, y: 5000, heading: 0, hours: 18 },
    ]);
    expect(rows.map((row) => `${row.name}: ${row.when}`)).toEqual(["Kornor: in open space, seen 2 h ago", "Vetar: at Solosos III, seen 8 h ago"]);
  });
});
