import { matchMaker } from "@colyseus/core";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LobbyMessageType } from "../../shared/protocol/lobbyMessages";
import { MatchMessageType, type ReplayInfo } from "../../shared/protocol/matchMessages";
import { MessageType } from "../../shared/protocol/messages";
import { isSeatControl, replayMatch } from "../../shared/rules/replay";
import { stateHash } from "../../shared/rules/stateHash";
import { MatchState } from "../../shared/state/MatchState";
import { scenarioFileText } from "../support/scenarios";
import { bootTestServer, type TestServer } from "../support/testServer";
import { loadScenarioLibrary } from "../../server/scenarioLibrary";

const SCENARIO = "dorvan-short";
const PLAYER = "fork-test-player-0001";

/** Every write the room has queued for the store, done. */
const flushed = (room: unknown) => (room as { recorder: { flush(): Promise<void> } }).recorder.flush();

describe("play from here: a new private match from a moment of a replay", () => {
  let server: TestServer;
  let dataDir: string;
  let scenarioDir: string;
  /** The finished match played from, and what its replay shows at the hour played from. */
  let finished = "";
  let endHours = 0;
  let forkHour = 0;
  let forkTick = 0;
  let replayHash = "";
  let forkId = "";

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "maquis-fork-"));
    scenarioDir = mkdtempSync(join(tmpdir(), "maquis-fork-scenarios-"));
    writeFileSync(join(scenarioDir, `${SCENARIO}.json`), JSON.stringify({ ...JSON.parse(scenarioFileText("dorvan-2370")), id: SCENARIO, length: { days: 1 } }));
    server = await bootTestServer({ dataDir, scenarioDir });
  });
  afterAll(async () => {
    await server.shutdown();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(scenarioDir, { recursive: true, force: true });
  });

  it("the new match stands exactly where the replay stands at that hour, is private and unlisted, waits for Start, and records the log up to there", { timeout: 90_000 }, async () => {
    // A finished match with a person in the cell, giving orders.
    const live = await server.createRoom<MatchState>("match", { scenario: SCENARIO });
    const player = await server.sdk.joinById(live.roomId, { scenario: SCENARIO, seat: "cell-1", name: "Chakotay" });
    player.onMessage(MessageType.welcome, () => {});
    await player.waitForInitialState();
    player.send(MessageType.order, { kind: "move", ship: "raider-1", to: { system: "tracken-ii" } });
    player.send(MatchMessageType.voteSpeed, { speed: 8 });
    await expect.poll(() => live.state.tick, { timeout: 20_000 }).toBeGreaterThan(40);
    player.send(MessageType.order, { kind: "move", ship: "raider-1", to: { x: 500, y: 300 } });
    await expect.poll(() => live.state.phase, { timeout: 30_000 }).toBe("ended");
    finished = live.roomId;
    await flushed(live);
    await player.leave();

    // The replay, sought to a moment after the second order.
    const viewer = await server.sdk.create("replay", { match: finished }, MatchState);
    viewer.onMessage(MessageType.welcome, () => {});
    const info = (await viewer.waitForMessage(MatchMessageType.replayInfo)) as ReplayInfo;
    const replayRoom = server.getRoomById<MatchState>(viewer.roomId);
    endHours = info.endHours;
    forkHour = Math.round(endHours * 0.6 * 4) / 4;
    forkTick = Math.round(forkHour / replayRoom.state.hoursPerTick);
    viewer.send(MatchMessageType.voteSpeed, { speed: 0 });
    viewer.send(MatchMessageType.seek, { hour: forkHour });
    await expect.poll(() => replayRoom.state.tick, { timeout: 10_000 }).toBe(forkTick);
    replayHash = stateHash(replayRoom.state);
    expect(replayRoom.state.seats.get("cell-1")!.occupied, "the cell was a person's at that moment").toBe(true);

    // Play from there, in the other side's seat.
    const fork = await server.sdk.create("match", { from: { match: finished, hour: forkHour }, seat: "occupier", name: "Garak", player: PLAYER }, MatchState);
    fork.onMessage(MessageType.welcome, () => {});
    await fork.waitForInitialState();
    forkId = fork.roomId;
    const room = server.getRoomById<MatchState>(forkId);
    expect(forkId).toMatch(/^[A-Z2-9]{6}$/);
    expect(room.state.phase, "it waits for its Start, like a match of one's own").toBe("lobby");
    expect(room.state.tick).toBe(forkTick);
    expect(room.state.seats.get("occupier")!.occupied).toBe(true);
    expect(room.state.seats.get("occupier")!.playerName).toBe("Garak");
    expect(room.state.seats.get("cell-1")!.occupied, "the cell's player is not here: the AI plays it").toBe(false);
    await expect.poll(async () => (await matchMaker.query({ roomId: forkId }))[0]?.private).toBe(true);
    // The public list never shows it, and quick play never puts anyone into it.
    const lobby = await server.sdk.joinOrCreate("lobby");
    const listed = new Promise<{ roomId: string }[]>((resolve) => lobby.onMessage("rooms", resolve));
    lobby.onMessage("+", () => {});
    lobby.onMessage("-", () => {});
    expect((await listed).map((entry) => entry.roomId)).not.toContain(forkId);
    await lobby.leave();

    // Its record: the same seed, the finished match's log up to that moment, then the cell handed to the AI and the new player seated.
    await flushed(room);
    const [original, forked] = [(await server.store!.loadMatch(finished))!, (await server.store!.loadMatch(forkId))!];
    expect(forked.match.private).toBe(1);
    expect(forked.match.seed).toBe(original.match.seed);
    expect(forked.match.scenario_id).toBe(SCENARIO);
    const prefix = original.orders.filter((entry) => entry.tick < forkTick);
    expect(prefix.filter((entry) => !isSeatControl(entry.order)).length, "both orders were given before that moment").toBe(2);
    expect(forked.orders.slice(0, prefix.length)).toEqual(prefix);
    expect(forked.orders.slice(prefix.length)).toEqual([
      { tick: forkTick, seat: "cell-1", order: { kind: "seatControl", human: false } },
      { tick: forkTick, seat: "occupier", order: { kind: "seatControl", human: true, name: "Garak" } },
    ]);
    expect(forked.snapshot?.tick).toBe(forkTick);
    // Played at once (paused, then Start), another match from that moment is the replay's, in the cell's seat this time.
    const again = await server.sdk.create("match", { from: { match: finished, hour: forkHour }, seat: "cell-1", name: "Seska" }, MatchState);
    again.onMessage(MessageType.welcome, () => {});
    await again.waitForInitialState();
    const againRoom = server.getRoomById<MatchState>(again.roomId);
    again.send(MatchMessageType.voteSpeed, { speed: 0 });
    await expect.poll(() => againRoom.state.speed).toBe(0);
    again.send(LobbyMessageType.start, {});
    await expect.poll(() => againRoom.state.phase).toBe("playing");
    expect(againRoom.state.tick).toBe(forkTick);
    expect(againRoom.state.seats.get("cell-1")!.playerName).toBe("Seska");
    expect(stateHash(againRoom.state)).toBe(replayHash);
    await again.leave();
    // Its replay from the start reaches that same moment.
    const scenario = loadScenarioLibrary(scenarioDir, () => {}).get(SCENARIO)!;
    expect(stateHash(replayMatch(scenario, { seed: forked.match.seed }, { occupier: "normal", maquis: "normal" }, forked.orders, forkTick).state)).toBe(replayHash);
    await viewer.leave();
  });

  it("survives a restart: resumed from the store at that same moment, still private, and Start plays it from there", { timeout: 60_000 }, async () => {
    expect(forkId, "needs the match made by the test before").not.toBe("");
    // As a restart does: the room closes with its player in it, then the server brings back the matches still running.
    await server.getRoomById(forkId).disconnect();
    expect(await server.game.resumeSavedMatches()).toEqual([forkId]);
    const room = server.getRoomById<MatchState>(forkId);
    expect(room.state.phase).toBe("lobby");
    expect(room.state.tick).toBe(forkTick);
    await expect.poll(async () => (await matchMaker.query({ roomId: forkId }))[0]?.private).toBe(true);

    // Back in the seat held before; paused, then Start: the match at that moment is the replay's.
    const back = await server.sdk.joinById(forkId, { name: "Garak", player: PLAYER }, MatchState);
    back.onMessage(MessageType.welcome, () => {});
    await back.waitForInitialState();
    expect(room.state.seats.get("occupier")!.playerName).toBe("Garak");
    back.send(MatchMessageType.voteSpeed, { speed: 0 });
    await expect.poll(() => room.state.speed).toBe(0);
    back.send(LobbyMessageType.start, {});
    await expect.poll(() => room.state.phase).toBe("playing");
    expect(room.state.tick).toBe(forkTick);
    expect(stateHash(room.state)).toBe(replayHash);

    // It plays on to its own end, and its record replays to that end exactly.
    back.send(MatchMessageType.voteSpeed, { speed: 8 });
    await expect.poll(() => room.state.phase, { timeout: 30_000 }).toBe("ended");
    const finalHash = stateHash(room.state);
    await flushed(room);
    const saved = (await server.store!.loadMatch(forkId))!;
    expect(saved.match.final_hash).toBe(finalHash);
    const scenario = loadScenarioLibrary(scenarioDir, () => {}).get(SCENARIO)!;
    expect(stateHash(replayMatch(scenario, { seed: saved.match.seed }, { occupier: "normal", maquis: "normal" }, saved.orders, saved.match.ticks).state)).toBe(finalHash);
    await back.leave();
  });

  it("refuses, with a sentence naming the problem, a match that is missing, unfinished or unplayable, an hour outside it, and malformed options", { timeout: 30_000 }, async () => {
    expect(finished, "needs the finished match of the first test").not.toBe("");
    const store = server.store!;
    const recorded = await store.countMatches();
    const refusal = (options: unknown) => server.sdk.create("match", options as Record<string, unknown>).then(() => "created", (error: Error) => error.message);
    expect(await refusal({ from: { match: "no-such-match", hour: 1 } })).toMatch(/there is no recorded match "no-such-match" to play from/);
    expect(await refusal({ from: { match: finished, hour: endHours } })).toMatch(/ended after .+; play from an hour before its end, not from hour /);
    expect(await refusal({ from: { match: finished, hour: endHours + 100 } })).toMatch(/play from an hour before its end/);
    expect(await refusal({ from: { match: finished, hour: -1 } })).toMatch(/join options: from\.hour: /);
    expect(await refusal({ from: { match: finished } })).toMatch(/join options: from\.hour: /);
    expect(await refusal({ from: { match: "../etc", hour: 1 } })).toMatch(/join options: from\.match: must be 1 to 64 letters/);
    expect(await refusal({ from: "yesterday" })).toMatch(/join options: from: /);
    expect(await refusal({ from: { match: finished, hour: 1 }, continue: finished })).toMatch(/either continues one set aside or plays on from a replay, not both/);
    expect(await store.countMatches(), "a refused match is not recorded").toBe(recorded);

    // A match still running.
    const running = await server.sdk.create("match", { scenario: SCENARIO, seat: "cell-1" });
    running.onMessage(MessageType.welcome, () => {});
    await running.waitForInitialState();
    await flushed(server.getRoomById(running.roomId));
    expect(await refusal({ from: { match: running.roomId, hour: 0 } })).toMatch(/has not finished; only the replay of a finished match can be played from/);
    await running.leave();

    // Recorded matches whose scenario is gone, or has changed since.
    const result = { winner: "draw", endReason: "time", scoreMaquis: 0, scoreOccupier: 0, ticks: 100, finalHash: "", seats: {} };
    for (const [id, scenarioId, scenarioVersion] of [
      ["gone-scenario", "no-such-scenario", "x"],
      ["changed-scenario", SCENARIO, "0000000000000000"],
    ] as const) {
      await store.createMatch({ id, scenarioId, scenarioVersion, seed: 1, difficulty: "normal", isPrivate: false, seats: {} });
      await store.finishMatch(id, result);
    }
    expect(await refusal({ from: { match: "gone-scenario", hour: 1 } })).toMatch(/needs scenario "no-such-scenario", which is not available/);
    expect(await refusal({ from: { match: "changed-scenario", hour: 1 } })).toMatch(/scenario of match "changed-scenario" has changed since it was played/);
    expect(await store.countMatches()).toBe(recorded + 3);
  });
});
