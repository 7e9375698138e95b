import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MessageType } from "../../shared/protocol/messages";
import { replayMatch } from "../../shared/rules/replay";
import { stateHash } from "../../shared/rules/stateHash";
import type { MatchState } from "../../shared/state/MatchState";
import { bundledScenario } from "../support/scenarios";
import { bootTestServer, type TestServer } from "../support/testServer";

describe("replays", () => {
  let server: TestServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "maquis-replay-"));
    server = await bootTestServer({ dataDir });
  });
  afterAll(async () => {
    await server.shutdown();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("re-running the logged orders and seat changes through the rules reaches the live match's exact state", { timeout: 30_000 }, async () => {
    const room = await server.createRoom<MatchState>("match", { scenario: "dorvan-2370", difficulty: "hard" });
    // A spectator keeps the room open after the player leaves.
    const watcher = await server.sdk.joinById(room.roomId, { scenario: "dorvan-2370", seat: "spectator" });
    watcher.onMessage(MessageType.welcome, () => {});
    const maquis = await server.sdk.joinById(room.roomId, { scenario: "dorvan-2370", seat: "cell-1" });
    maquis.onMessage(MessageType.welcome, () => {});
    maquis.onMessage(MessageType.error, () => {});
    await maquis.waitForInitialState();
    maquis.send(MessageType.order, { kind: "move", ship: "raider-1", to: { system: "tracken-ii" } });
    for (let i = 0; i < 15; i++) await room.waitForNextPatch();
    maquis.send(MessageType.order, { kind: "recruit", ship: "raider-1" });
    maquis.send(MessageType.order, { kind: "move", ship: "raider-1", to: { x: 500, y: 300 } });
    for (let i = 0; i < 10; i++) await room.waitForNextPatch();
    // The player leaves: the AI takes the seat, and the replay must know when.
    await maquis.leave();
    for (let i = 0; i < 20; i++) await room.waitForNextPatch();
    // Read the tick and the hash in one synchronous turn: no tick can run in between.
    const liveTick = room.state.tick;
    const liveHash = stateHash(room.state);
    // Every entry up to that tick has been queued for the store; wait until it is written.
    await (room as unknown as { recorder: { flush(): Promise<void> } }).recorder.flush();

    const saved = (await server.store!.loadMatch(room.roomId))!;
    expect(saved.orders.length).toBeGreaterThanOrEqual(4);
    const replayed = replayMatch(bundledScenario("dorvan-2370"), { seed: saved.match.seed }, { occupier: "hard", maquis: "hard" }, saved.orders, liveTick);
    expect(replayed.state.tick).toBe(liveTick);
    expect(stateHash(replayed.state)).toBe(liveHash);
    await watcher.leave();
  });
});

describe("results", () => {
  it("a finished match is recorded with its scenario, seats, winner, length and score, and listed at /api/results", { timeout: 30_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "maquis-results-"));
    const server = await bootTestServer({ dataDir });
    try {
      const room = await server.createRoom<MatchState>("match", { scenario: "dorvan-2370" });
      const watcher = await server.sdk.joinById(room.roomId, { scenario: "dorvan-2370", seat: "spectator" });
      watcher.onMessage(MessageType.welcome, () => {});
      // Bring the season's end close, as if the match had run its course.
      room.state.lengthHours = room.state.hours + 2;
      await expect.poll(() => room.state.phase, { timeout: 10_000 }).toBe("ended");
      await new Promise((resolve) => setTimeout(resolve, 300));
      const results = await (await fetch(`http://127.0.0.1:${server.server["port"]}/api/results`)).json();
      expect(results[0]).toEqual(
        expect.objectContaining({ id: room.roomId, scenario: "dorvan-2370", winner: room.state.winner, ticks: room.state.tick, score: { maquis: room.state.scoreMaquis, occupier: room.state.scoreOccupier } }),
      );
      expect(results[0].seats["cell-1"]).toEqual({ name: "Dorvan Valley cell", side: "maquis", human: false });
      await watcher.leave();
    } finally {
      await server.shutdown();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
