import { describe, expect, it } from "vitest";
import { createMatch } from "../../shared/rules/match";
import { ReplayCursor, type LoggedEntry } from "../../shared/rules/replay";
import { stateHash } from "../../shared/rules/stateHash";
import { bundledScenario } from "../support/scenarios";

const dorvan = bundledScenario("dorvan-2370");
const AI = { occupier: "normal", maquis: "normal" } as const;
/** Eddington holds the cell from tick 5 to tick 60 and sends his raider off on tick 8; the AI plays it otherwise. */
const LOG: LoggedEntry[] = [
  { tick: 5, seat: "cell-1", order: { kind: "seatControl", human: true, name: "Eddington" } },
  { tick: 8, seat: "cell-1", order: { kind: "move", ship: "raider-1", to: { system: "tracken-ii" } } },
  { tick: 60, seat: "cell-1", order: { kind: "seatControl", human: false } },
];

const playTo = (cursor: ReplayCursor, tick: number) => {
  while (cursor.match.state.phase === "playing" && cursor.match.state.tick < tick) cursor.advance();
  return cursor;
};

describe("replay checkpoints (what a replay's seek starts from)", () => {
  it("a cursor started from another's checkpoint plays on exactly as that one does, the log and who held the seats included", () => {
    const original = playTo(new ReplayCursor(dorvan, { seed: 11 }, AI, LOG), 30);
    const checkpoint = JSON.parse(JSON.stringify(original.checkpoint()));
    expect(checkpoint).toEqual(expect.objectContaining({ tick: 30, humanSeats: ["cell-1"], logLength: 2, humanNames: { "cell-1": "Eddington" } }));
    const copy = new ReplayCursor(dorvan, { seed: 11, snapshot: checkpoint }, AI, LOG);
    expect(copy.holderName("cell-1")).toBe("Eddington");
    expect(stateHash(copy.match.state)).toBe(stateHash(original.match.state));
    playTo(original, 400);
    playTo(copy, 400);
    expect(stateHash(copy.match.state)).toBe(stateHash(original.match.state));
    expect(copy.humanSeats).toEqual([]);
    expect(copy.holderName("cell-1")).toBe("");
  });

  it("rebuilt inside a state object that already holds another moment, the match is the same as one built afresh", () => {
    const fresh = playTo(new ReplayCursor(dorvan, { seed: 11 }, AI, LOG), 200);
    const checkpoint = playTo(new ReplayCursor(dorvan, { seed: 11 }, AI, LOG), 120).checkpoint();
    // A state well past that moment, with more ships lost, log lines and samples than it should have.
    const room = createMatch(dorvan, 99);
    const into = playTo(new ReplayCursor(dorvan, { seed: 99 }, AI, []), 600).match.state;
    const rebuilt = new ReplayCursor(dorvan, { seed: 11, snapshot: checkpoint }, AI, LOG, into);
    expect(rebuilt.match.state).toBe(into);
    playTo(rebuilt, 200);
    expect(stateHash(into)).toBe(stateHash(fresh.match.state));
    expect(into.log.length).toBe(fresh.match.state.log.length);
    // From no snapshot at all: the match's start, in place.
    const restarted = new ReplayCursor(dorvan, { seed: 11 }, AI, LOG, room.state);
    expect(stateHash(restarted.match.state)).toBe(stateHash(createMatch(dorvan, 11).state));
  });
});
