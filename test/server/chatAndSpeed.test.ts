import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../shared/protocol/errorCodes";
import { decideSpeed, MatchMessageType, type ChatLine } from "../../shared/protocol/matchMessages";
import { MessageType, type ErrorMessage } from "../../shared/protocol/messages";
import type { MatchState } from "../../shared/state/MatchState";
import { bootTestServer, type TestServer } from "../support/testServer";

describe("the speed vote", () => {
  it("goes with the majority; on a tie the host's vote, else the slower; no votes is normal speed", () => {
    expect(decideSpeed([2, 2, 4], 4)).toBe(2);
    expect(decideSpeed([0, 4], 4)).toBe(4);
    expect(decideSpeed([0, 4], undefined)).toBe(0);
    expect(decideSpeed([2, 4], 1)).toBe(2);
    expect(decideSpeed([], 0)).toBe(1);
  });
});

describe("chat and speed in a match", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await bootTestServer();
  });
  afterEach(() => server.cleanup());
  afterAll(() => server.shutdown());

  async function join(roomId: string, seat: string, name: string) {
    const client = await server.sdk.joinById(roomId, { scenario: "dorvan-2370", seat, name });
    const heard: ChatLine[] = [];
    client.onMessage(MessageType.welcome, () => {});
    client.onMessage(MatchMessageType.chat, (line: ChatLine) => heard.push(line));
    await client.waitForInitialState();
    return { client, heard };
  }

  it("side chat reaches only one's side, all-chat everyone, and spectators only talk among spectators", async () => {
    const room = await server.createRoom<MatchState>("match", { scenario: "dorvan-2370" });
    const maquis = await join(room.roomId, "cell-1", "Chakotay");
    const occupier = await join(room.roomId, "occupier", "Evek");
    const watcher = await join(room.roomId, "spectator", "Quark");
    maquis.client.send(MatchMessageType.chat, { to: "side", text: "meet at the Badlands" });
    occupier.client.send(MatchMessageType.chat, { to: "all", text: "surrender the raider" });
    watcher.client.send(MatchMessageType.chat, { to: "all", text: "I see everything" });
    await expect.poll(() => watcher.heard.length).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(maquis.heard.map((line) => line.text)).toEqual(["meet at the Badlands", "surrender the raider"]);
    expect(occupier.heard.map((line) => line.text)).toEqual(["surrender the raider"]);
    expect(watcher.heard.map((line) => `${line.from}: ${line.text}`)).toEqual(["Evek: surrender the raider", "Quark: I see everything"]);
    const reply = maquis.client.waitForMessage(MessageType.error) as Promise<ErrorMessage>;
    maquis.client.send(MatchMessageType.chat, { to: "side", text: "x".repeat(301) });
    expect((await reply).code).toBe(ErrorCode.InvalidMessage);
  });

  it("players pause and speed up the match by vote; spectators cannot vote", async () => {
    const room = await server.createRoom<MatchState>("match", { scenario: "dorvan-2370" });
    const maquis = await join(room.roomId, "cell-1", "Chakotay");
    const occupier = await join(room.roomId, "occupier", "Evek");
    const watcher = await join(room.roomId, "spectator", "Quark");
    maquis.client.send(MatchMessageType.voteSpeed, { speed: 0 });
    occupier.client.send(MatchMessageType.voteSpeed, { speed: 0 });
    await expect.poll(() => room.state.speed).toBe(0);
    const paused = room.state.tick;
    for (let i = 0; i < 5; i++) await room.waitForNextPatch();
    expect(room.state.tick).toBe(paused);
    occupier.client.send(MatchMessageType.voteSpeed, { speed: 4 });
    // A tie: the host (the first to join, Chakotay) wants a pause.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(room.state.speed).toBe(0);
    maquis.client.send(MatchMessageType.voteSpeed, { speed: 4 });
    await expect.poll(() => room.state.speed).toBe(4);
    const before = room.state.tick;
    for (let i = 0; i < 5; i++) await room.waitForNextPatch();
    expect(room.state.tick - before).toBeGreaterThanOrEqual(16);
    const reply = watcher.client.waitForMessage(MessageType.error) as Promise<ErrorMessage>;
    watcher.client.send(MatchMessageType.voteSpeed, { speed: 0 });
    expect((await reply).code).toBe(ErrorCode.SpectatorCannotOrder);
  });
});
