import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MatchMessageType } from "../../shared/protocol/matchMessages";
import { MessageType } from "../../shared/protocol/messages";
import { replayMatch } from "../../shared/rules/replay";
import { stateHash } from "../../shared/rules/stateHash";
import type { MatchState } from "../../shared/state/MatchState";
import { bundledScenario, scenarioFileText } from "../support/scenarios";
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

describe("results and replays of finished matches", () => {
  it("a finished match is recorded with its result and final hash, and its replay reaches that same final state", { timeout: 60_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "maquis-results-"));
    const scenarioDir = mkdtempSync(join(tmpdir(), "maquis-short-"));
    const short = { ...JSON.parse(scenarioFileText("dorvan-2370")), id: "dorvan-short", length: { days: 1 } };
    writeFileSync(join(scenarioDir, "dorvan-short.json"), JSON.stringify(short));
    const server = await bootTestServer({ dataDir, scenarioDir });
    try {
      const room = await server.createRoom<MatchState>("match", { scenario: "dorvan-short" });
      const player = await server.sdk.joinById(room.roomId, { scenario: "dorvan-short", seat: "cell-1", name: "Chakotay" });
      player.onMessage(MessageType.welcome, () => {});
      await player.waitForInitialState();
      player.send(MessageType.order, { kind: "move", ship: "raider-1", to: { system: "tracken-ii" } });
      player.send(MatchMessageType.voteSpeed, { speed: 4 });
      await expect.poll(() => room.state.phase, { timeout: 20_000 }).toBe("ended");
      const liveHash = stateHash(room.state);
      await (room as unknown as { recorder: { flush(): Promise<void> } }).recorder.flush();
      const results = await (await fetch(`http://127.0.0.1:${server.server["port"]}/api/results`)).json();
      expect(results[0]).toEqual(
        expect.objectContaining({ id: room.roomId, scenario: "dorvan-short", winner: room.state.winner, ticks: room.state.tick, finalHash: liveHash, score: { maquis: room.state.scoreMaquis, occupier: room.state.scoreOccupier } }),
      );
      expect(results[0].seats["cell-1"]).toEqual({ name: "Dorvan Valley cell", side: "maquis", human: true });

      const replay = await server.sdk.create("replay", { match: room.roomId });
      replay.onMessage(MessageType.welcome, () => {});
      await replay.waitForInitialState();
      replay.send(MatchMessageType.voteSpeed, { speed: 4 });
      const replayRoom = server.getRoomById<MatchState>(replay.roomId);
      await expect.poll(() => replayRoom.state.phase, { timeout: 20_000 }).toBe("ended");
      expect(stateHash(replayRoom.state)).toBe(liveHash);
      // A viewer of the replay sees everything, the Maquis raider included.
      expect((replay.state as MatchState).ships.has("raider-1")).toBe(true);
      await replay.leave();
      await player.leave();
      await expect(server.sdk.create("replay", { match: "no-such-match" })).rejects.toThrow(/no finished match/);
    } finally {
      await server.shutdown();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(scenarioDir, { recursive: true, force: true });
    }
  });
});
