import { describe, expect, it } from "vitest";
import { hearsChat, REPLAY_SPEEDS, SPEEDS, speedAfterVote, voteSpeedSchema, replaySpeedSchema } from "../../shared/protocol/matchMessages";

describe("pausing and the speed vote", () => {
  it("any player's pause takes effect at once, whatever the others voted, the host included", () => {
    expect(speedAfterVote(2, [2, 0], 2, 0)).toBe(0);
    expect(speedAfterVote(4, [4, 4, 0], 4, 0)).toBe(0);
  });

  it("a paused match runs again once more players vote for a speed than for the pause; a tie stays paused", () => {
    expect(speedAfterVote(0, [4, 0], 4, 4)).toBe(0);
    expect(speedAfterVote(0, [4, 1], 4, 1)).toBe(4);
    expect(speedAfterVote(0, [2, 2, 0], undefined, 2)).toBe(2);
    // A solo player unpauses alone.
    expect(speedAfterVote(0, [1], 1, 1)).toBe(1);
  });

  it("while running the speed is the vote among those who want it to run; a pause vote left standing does not slow it", () => {
    expect(speedAfterVote(1, [0, 4, 4], 4, 4)).toBe(4);
    expect(speedAfterVote(4, [0, 2, 4], 4, 2)).toBe(4);
    expect(speedAfterVote(4, [0, 2, 4], undefined, 2)).toBe(2);
  });

  it("a match is never left paused with nobody voting: when the pausing player leaves, it runs at normal speed", () => {
    expect(speedAfterVote(0, [], undefined)).toBe(1);
    expect(speedAfterVote(0, [2], undefined)).toBe(2);
  });

  it("a live match offers up to 8×, a replay up to 16×", () => {
    expect(SPEEDS).toEqual([0, 1, 2, 4, 8]);
    expect(REPLAY_SPEEDS).toEqual([0, 1, 2, 4, 8, 16]);
    expect(voteSpeedSchema.safeParse({ speed: 8 }).success).toBe(true);
    expect(voteSpeedSchema.safeParse({ speed: 16 }).success).toBe(false);
    expect(replaySpeedSchema.safeParse({ speed: 16 }).success).toBe(true);
    expect(replaySpeedSchema.safeParse({ speed: 3 }).success).toBe(false);
  });
});

describe("who reads a chat line", () => {
  it("a line to all reaches everyone; a side line only that side's players; a spectator's line only spectators", () => {
    const toAll = { side: "occupier", to: "all" } as const;
    const toSide = { side: "maquis", to: "side" } as const;
    const fromStands = { side: "spectator", to: "spectators" } as const;
    expect(["maquis", "occupier", "spectator"].map((side) => hearsChat(toAll, side))).toEqual([true, true, true]);
    expect(["maquis", "occupier", "spectator"].map((side) => hearsChat(toSide, side))).toEqual([true, false, false]);
    expect(["maquis", "occupier", "spectator"].map((side) => hearsChat(fromStands, side))).toEqual([false, false, true]);
  });
});
