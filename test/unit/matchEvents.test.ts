import { describe, expect, it } from "vitest";
import { CONTACT_QUIET_MS, MatchEventFeed, type ContactSource, type LogSource } from "../../client/scenes/match/matchEvents";

const line = (kind: string, text: string, at?: { x: number; y: number }): LogSource => ({ kind, text, x: at?.x ?? -1, y: at?.y ?? -1 });
const ship = (id: string, side: string, convoy = false): ContactSource => ({ id, name: id.toUpperCase(), side, convoy, x: 10, y: 20 });

describe("what the match tells a player as it happens", () => {
  it("a reload is not news: what was there at the start makes no events", () => {
    const feed = new MatchEventFeed();
    const old = [line("engagement", "A engaged B.")];
    feed.prime(old, [ship("galor-1", "occupier")]);
    expect(feed.newLines(old)).toEqual([]);
    expect(feed.shipAppeared(ship("galor-1", "occupier"), "maquis", 0)).toBeNull();
  });

  it("new lines worth a toast become events once, with their place; routine ones do not", () => {
    const feed = new MatchEventFeed();
    feed.prime([], []);
    const log = [line("engagement", "A engaged B.", { x: 5, y: 6 }), line("round", "Round 2"), line("base", "The occupier has found our base.", { x: 1, y: 2 })];
    expect(feed.newLines(log)).toEqual([
      { kind: "fight", text: "A engaged B.", at: { x: 5, y: 6 } },
      { kind: "baseFound", text: "The occupier has found our base.", at: { x: 1, y: 2 } },
    ]);
    expect(feed.newLines(log)).toEqual([]);
    expect(feed.newLines([...log, line("objective", "Objective met")])).toEqual([{ kind: "objective", text: "Objective met" }]);
  });

  it("an enemy ship coming into sight is a contact; one's own side's ships and a ship flickering at the sensors' edge are not", () => {
    const feed = new MatchEventFeed();
    feed.prime([], []);
    expect(feed.shipAppeared(ship("raider-2", "maquis"), "maquis", 0)).toBeNull();
    expect(feed.shipAppeared(ship("convoy-1", "occupier", true), "maquis", 0)).toMatchObject({ kind: "contact", text: "Contact: CONVOY-1, a convoy.", at: { x: 10, y: 20 } });
    feed.shipGone("convoy-1", 1000);
    expect(feed.shipAppeared(ship("convoy-1", "occupier", true), "maquis", 1000 + CONTACT_QUIET_MS - 1)).toBeNull();
    feed.shipGone("convoy-1", 50_000);
    expect(feed.shipAppeared(ship("convoy-1", "occupier", true), "maquis", 50_000 + CONTACT_QUIET_MS)).not.toBeNull();
  });

  it("a spectator's contacts are those of the side it watches", () => {
    const feed = new MatchEventFeed();
    feed.prime([], []);
    expect(feed.shipAppeared(ship("raider-1", "maquis"), "occupier", 0)?.text).toBe("Contact: RAIDER-1, a Maquis ship.");
    expect(feed.shipAppeared(ship("galor-1", "occupier"), "", 0)).toBeNull();
  });
});
