import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MatchMessageType, type ReplayInfo } from "../../shared/protocol/matchMessages";
import { MessageType, type ErrorMessage } from "../../shared/protocol/messages";
import { parseScenarioText } from "../../shared/scenario/parseScenario";
import type { Scenario } from "../../shared/scenario/scenarioSchema";
import { ReplayCursor, replayMatch } from "../../shared/rules/replay";
import { stateHash } from "../../shared/rules/stateHash";
import { MatchState } from "../../shared/state/MatchState";
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
  let server: TestServer;
  let dataDir: string;
  let scenarioDir: string;
  let matchId = "";
  let liveHash = "";
  let liveTicks = 0;
  const shortScenario = () => ({ ...JSON.parse(scenarioFileText("dorvan-2370")), id: "dorvan-short", length: { days: 1 } });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "maquis-results-"));
    scenarioDir = mkdtempSync(join(tmpdir(), "maquis-short-"));
    writeFileSync(join(scenarioDir, "dorvan-short.json"), JSON.stringify(shortScenario()));
    server = await bootTestServer({ dataDir, scenarioDir });
  });
  afterAll(async () => {
    await server.shutdown();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(scenarioDir, { recursive: true, force: true });
  });

  it("a finished match is recorded with its result and final hash, and its replay reaches that same final state", { timeout: 60_000 }, async () => {
    const room = await server.createRoom<MatchState>("match", { scenario: "dorvan-short" });
    const player = await server.sdk.joinById(room.roomId, { scenario: "dorvan-short", seat: "cell-1", name: "Chakotay" });
    player.onMessage(MessageType.welcome, () => {});
    await player.waitForInitialState();
    player.send(MessageType.order, { kind: "move", ship: "raider-1", to: { system: "tracken-ii" } });
    player.send(MatchMessageType.voteSpeed, { speed: 4 });
    await expect.poll(() => room.state.phase, { timeout: 20_000 }).toBe("ended");
    liveHash = stateHash(room.state);
    liveTicks = room.state.tick;
    matchId = room.roomId;
    await (room as unknown as { recorder: { flush(): Promise<void> } }).recorder.flush();
    const results = await (await fetch(`http://127.0.0.1:${server.server["port"]}/api/results`)).json();
    expect(results[0]).toEqual(
      expect.objectContaining({ id: room.roomId, scenario: "dorvan-short", winner: room.state.winner, ticks: room.state.tick, finalHash: liveHash, score: { maquis: room.state.scoreMaquis, occupier: room.state.scoreOccupier } }),
    );
    expect(results[0].seats["cell-1"]).toEqual({ name: "Dorvan Valley cell", side: "maquis", human: true });

    const replay = await server.sdk.create("replay", { match: room.roomId });
    replay.onMessage(MessageType.welcome, () => {});
    replay.onMessage(MatchMessageType.replayInfo, () => {});
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
  });

  it("a replay shows who held each seat (the person by name, else the AI), runs at up to 16×, and seeks back and forth to the hour asked", { timeout: 60_000 }, async () => {
    expect(matchId, "needs the finished match of the test before").not.toBe("");
    const viewer = await server.sdk.create("replay", { match: matchId }, MatchState);
    viewer.onMessage(MessageType.welcome, () => {});
    const errors: ErrorMessage[] = [];
    viewer.onMessage(MessageType.error, (error: ErrorMessage) => errors.push(error));
    const info = (await viewer.waitForMessage(MatchMessageType.replayInfo)) as ReplayInfo;
    const room = server.getRoomById<MatchState>(viewer.roomId);
    const hoursPerTick = room.state.hoursPerTick;
    expect(info).toEqual({ endHours: liveTicks * hoursPerTick, lengthHours: 24 });
    // The person who played the cell is shown by name; the occupier seat, which nobody took, as the AI.
    await expect.poll(() => viewer.state.seats.get("cell-1")?.playerName).toBe("Chakotay");
    expect(viewer.state.seats.get("cell-1")!.occupied).toBe(true);
    expect(viewer.state.seats.get("occupier")!.occupied).toBe(false);
    viewer.send(MatchMessageType.voteSpeed, { speed: 16 });
    await expect.poll(() => room.state.speed).toBe(16);
    viewer.send(MatchMessageType.voteSpeed, { speed: 32 });
    await expect.poll(() => errors.length).toBe(1);
    expect(errors[0]!.message).toContain("0, 1, 2, 4, 8, 16");
    viewer.send(MatchMessageType.voteSpeed, { speed: 0 });
    await expect.poll(() => room.state.speed).toBe(0);

    const saved = (await server.store!.loadMatch(matchId))!;
    const played = (tick: number) => {
      const cursor = new ReplayCursor(bundledScenarioLike(shortScenario()), { seed: saved.match.seed }, { occupier: "normal", maquis: "normal" }, saved.orders);
      while (cursor.match.state.phase === "playing" && cursor.match.state.tick < tick) cursor.advance();
      return stateHash(cursor.match.state);
    };
    const seekTo = async (hour: number) => {
      viewer.send(MatchMessageType.seek, { hour });
      const tick = Math.min(liveTicks, Math.round(hour / hoursPerTick));
      await expect.poll(() => room.state.tick, { timeout: 10_000 }).toBe(tick);
      expect(stateHash(room.state), `the replay at hour ${hour} is the match as it was then`).toBe(played(tick));
      // The viewer's copy follows: the same ships, where the server has them.
      await expect.poll(() => viewer.state.tick).toBe(tick);
      expect([...viewer.state.ships.keys()].sort()).toEqual([...room.state.ships.keys()].sort());
      expect(viewer.state.ships.get("raider-1")?.x).toBeCloseTo(room.state.ships.get("raider-1")!.x, 3);
    };
    await seekTo(info.endHours / 2);
    await seekTo(info.endHours / 5);
    await seekTo(info.endHours * 0.8);
    expect(room.state.speed, "a seek keeps the viewers' speed").toBe(0);
    viewer.send(MatchMessageType.seek, { hour: info.endHours + 100 });
    await expect.poll(() => room.state.phase, { timeout: 10_000 }).toBe("ended");
    expect(stateHash(room.state)).toBe(liveHash);
    viewer.send(MatchMessageType.seek, { hour: -1 });
    await expect.poll(() => errors.length).toBe(2);
    await viewer.leave();
  });
});

function bundledScenarioLike(raw: unknown): Scenario {
  const parsed = parseScenarioText(JSON.stringify(raw));
  if (!parsed.ok) throw new Error(parsed.problems.map((problem) => problem.message).join("; "));
  return parsed.scenario;
}
