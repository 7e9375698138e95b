import { describe, expect, it } from "vitest";
import { playerId } from "../../client/net/playerId";
import { AXIS_GAP, CHARTS, TICK_SIZE, X_LABEL, yAxisWidth } from "../../client/ui/chartSpecs";
import { continueLine, dayMarks, freeSeatsText, inviteHeadline, joinedSentence, listingDetail, offersSeatChoice, timelineLabel } from "../../client/ui/matchWords";
import { playerIdSchema } from "../../shared/protocol/joinOptions";
import type { MatchListing, MatchLookup } from "../../shared/protocol/lobbyMessages";

const cell = { id: "cell-1", name: "Dorvan Valley cell", side: "maquis" };
const garrison = { id: "occupier", name: "Cardassian garrison", side: "occupier" };

describe("lobby rows", () => {
  it("show the day the match has reached and its free seats by name, besides host and connections", () => {
    const listing: MatchListing = { scenario: "dorvan-2370", title: "Dorvan", phase: "playing", host: "Evek", day: 4, freeSeats: [cell, garrison] };
    expect(listingDetail(listing, 2)).toBe("day 4 · 2 free seats: Dorvan Valley cell (Maquis), Cardassian garrison (Occupier) · host Evek · 2 connected");
    expect(listingDetail({ ...listing, phase: "lobby", host: "", freeSeats: [cell] }, 1)).toBe("waiting to start · 1 free seat: Dorvan Valley cell (Maquis) · host — · 1 connected");
    expect(freeSeatsText([])).toBe("no free seat");
  });
});

describe("joining by an invite link", () => {
  const started: MatchLookup = { id: "ABC234", scenario: "dorvan-2370", title: "Dorvan", phase: "playing", day: 3, freeSeats: [garrison] };

  it("asks first only for a match under way with a free seat", () => {
    expect(offersSeatChoice(started)).toBe(true);
    expect(offersSeatChoice({ ...started, freeSeats: [] })).toBe(false);
    expect(offersSeatChoice({ ...started, phase: "lobby" })).toBe(false);
    expect(offersSeatChoice(null)).toBe(false);
  });

  it("offers a free seat of a match under way, and says plainly when there is none", () => {
    expect(inviteHeadline(started)).toBe("Dorvan is under way (day 3). Take a free seat (the AI has been playing it), or watch.");
    expect(inviteHeadline({ ...started, freeSeats: [] })).toBe("Dorvan is under way (day 3) and every seat is taken: you can watch it as a spectator.");
    expect(inviteHeadline({ ...started, phase: "lobby" })).toBe("Dorvan: waiting for its host to start.");
  });

  it("tells a viewer who joined as a spectator so, and why", () => {
    const spectator = { seat: "spectator", side: "spectator", watching: "maquis", host: false } as const;
    expect(joinedSentence(spectator)).toBe("You joined as a spectator, because no seat was free: you watch through the Maquis side's eyes and chat with other spectators, but cannot give orders.");
    expect(joinedSentence(spectator, { askedSeat: "spectator" })).toBe("You joined as a spectator: you watch through the Maquis side's eyes and chat with other spectators, but cannot give orders.");
    expect(joinedSentence({ seat: "occupier", side: "occupier", watching: "occupier", host: false }, { seatName: "Cardassian garrison" })).toBe(
      "You play Cardassian garrison (Occupier). Select a ship, then right-click (or tap) the map to send it. Press ? for the keys.",
    );
    expect(joinedSentence(spectator, { replay: true })).toMatch(/^You are watching a replay/);
  });
});

describe("the Continue list", () => {
  it("names the match, how far it got and the seat held", () => {
    const entry = { matchId: "m1", scenario: "dorvan-2370", title: "Dorvan", day: 5, seat: "cell-1", seatName: "Dorvan Valley cell", side: "maquis", phase: "playing", running: false, private: true, savedAt: "2026-01-01T00:00:00Z" };
    expect(continueLine(entry)).toBe("Dorvan — day 5, as Dorvan Valley cell (Maquis)");
    expect(continueLine({ ...entry, phase: "lobby" })).toBe("Dorvan — not started yet, as Dorvan Valley cell (Maquis)");
  });

  it("knows this browser by a random id made once and kept", () => {
    const kept = new Map<string, string>();
    const storage = { getItem: (key: string) => kept.get(key) ?? null, setItem: (key: string, value: string) => void kept.set(key, value) };
    const id = playerId(storage);
    expect(playerIdSchema.safeParse(id).success).toBe(true);
    expect(playerId(storage)).toBe(id);
    expect(playerId({ getItem: () => null, setItem: () => {} })).not.toBe(id);
    kept.set("maquis.player", "not valid!");
    expect(playerId(storage)).not.toBe("not valid!");
  });
});

describe("a replay's timeline", () => {
  it("marks the start of each day, or of every n-th day on a long match", () => {
    expect(dayMarks(60)).toEqual([
      { hour: 0, label: "day 1" },
      { hour: 24, label: "day 2" },
      { hour: 48, label: "day 3" },
    ]);
    const long = dayMarks(30 * 24, 8);
    expect(long.length).toBeLessThanOrEqual(8);
    expect(long.slice(0, 2)).toEqual([
      { hour: 0, label: "day 1" },
      { hour: 4 * 24, label: "day 5" },
    ]);
    expect(timelineLabel(24 * 2 + 14.5)).toBe("day 3, 14:00");
  });
});

describe("result charts", () => {
  it("label both axes: the day along the bottom, what is measured up the side", () => {
    expect(X_LABEL).toBe("day");
    for (const chart of CHARTS) expect(chart.yLabel, chart.title).toMatch(/\w/);
  });

  it("make the y axis as wide as its widest number, so none is cut", () => {
    const measure = (text: string) => text.length * 6;
    expect(yAxisWidth(["0", "500", "1,000"], measure)).toBeGreaterThanOrEqual(TICK_SIZE + AXIS_GAP + 5 * 6);
    expect(yAxisWidth(["0", "5"], measure)).toBeLessThan(yAxisWidth(["0", "12,500"], measure));
    // Before uPlot has numbers to show it asks with none.
    expect(yAxisWidth(null, measure)).toBeGreaterThan(0);
  });
});
