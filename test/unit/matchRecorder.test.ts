import { describe, expect, it } from "vitest";
import { MatchRecorder } from "../../server/rooms/matchRecorder";
import { log } from "../../server/log";
import type { MatchStore } from "../../server/store/matchStore";
import { LIMITS } from "../../shared/protocol/limits";
import { createMatch } from "../../shared/rules/match";
import { bundledScenario } from "../support/scenarios";

/** A store that only records what it was asked to write. */
function recordingStore() {
  const snapshots: { tick: number; state: string }[] = [];
  const store = {
    saveSnapshot: async (_id: string, tick: number, state: string) => void snapshots.push({ tick, state }),
    appendOrder: async () => undefined,
  } as unknown as MatchStore;
  return { store, snapshots };
}

describe("the match recorder", () => {
  it("stores the tick the snapshot's state was captured at, however late the write runs", async () => {
    const { store, snapshots } = recordingStore();
    const { state } = createMatch(bundledScenario("dorvan-2370"), 1);
    const recorder = new MatchRecorder(store, "m1", log);
    state.tick = 40;
    const written = recorder.snapshot(state);
    state.tick = 45;
    await written;
    expect(snapshots[0]!.tick).toBe(40);
    expect(JSON.parse(snapshots[0]!.state).tick).toBe(40);
  });

  it(`keeps no snapshot over ${LIMITS.snapshotBytesPerMatch} bytes`, async () => {
    const { store, snapshots } = recordingStore();
    const { state } = createMatch(bundledScenario("dorvan-2370"), 1);
    const recorder = new MatchRecorder(store, "m1", log.child({ level: "silent" }));
    state.title = "x".repeat(LIMITS.snapshotBytesPerMatch);
    await recorder.snapshot(state);
    state.title = "Dorvan";
    await recorder.snapshot(state);
    expect(snapshots.map((snapshot) => JSON.parse(snapshot.state).title)).toEqual(["Dorvan"]);
  });

  it(`has room for orders until the match's log reaches ${LIMITS.orderLogBytesPerMatch} bytes`, () => {
    const order = { kind: "move", ship: "raider-1", to: { system: "dorvan-v" } };
    const size = JSON.stringify(order).length;
    expect(new MatchRecorder(null, "m1", log, LIMITS.orderLogBytesPerMatch - size).hasRoomFor(order)).toBe(true);
    expect(new MatchRecorder(null, "m1", log, LIMITS.orderLogBytesPerMatch - size + 1).hasRoomFor(order)).toBe(false);
  });
});
