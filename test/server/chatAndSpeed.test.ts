import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../shared/protocol/errorCodes";
import { decideSpeed, MatchMessageType, type ChatHistoryMessage, type ChatLine } from "../../shared/protocol/matchMessages";
import { MessageType, type ErrorMessage } from "../../shared/protocol/messages";
import { MatchState } from "../../shared/state/MatchState";
import { dropConnection } from "../support/connections";
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

  it("any player's pause stops the match at once, even against the host's vote; running again is by vote", async () => {
    const room = await server.createRoom<MatchState>("match", { scenario: "dorvan-2370" });
    const host = await join(room.roomId, "cell-1", "Chakotay");
    const guest = await join(room.roomId, "occupier", "Evek");
    host.client.send(MatchMessageType.voteSpeed, { speed: 2 });
    await expect.poll(() => room.state.speed).toBe(2);
    // The guest alone pauses: a tie the host's vote used to win.
    guest.client.send(MatchMessageType.voteSpeed, { speed: 0 });
    await expect.poll(() => room.state.speed).toBe(0);
    const paused = room.state.tick;
    // The host alone cannot overrule the pause: one vote to run against one to pause stays paused.
    host.client.send(MatchMessageType.voteSpeed, { speed: 4 });
    for (let i = 0; i < 5; i++) await room.waitForNextPatch();
    expect(room.state.speed).toBe(0);
    expect(room.state.tick).toBe(paused);
    // Once the guest votes for a speed too, the match runs, at the speed the votes decide (the host breaks the tie).
    guest.client.send(MatchMessageType.voteSpeed, { speed: 1 });
    await expect.poll(() => room.state.speed).toBe(4);
    // The host pauses: at once again.
    host.client.send(MatchMessageType.voteSpeed, { speed: 0 });
    await expect.poll(() => room.state.speed).toBe(0);
  });

  it("a player who reloads, or joins, is sent the chat lines they may read, and no others", async () => {
    const room = await server.createRoom<MatchState>("match", { scenario: "dorvan-2370" });
    const maquis = await join(room.roomId, "cell-1", "Chakotay");
    const occupier = await join(room.roomId, "occupier", "Evek");
    const watcher = await join(room.roomId, "spectator", "Quark");
    maquis.client.send(MatchMessageType.chat, { to: "side", text: "meet at the Badlands" });
    occupier.client.send(MatchMessageType.chat, { to: "all", text: "surrender the raider" });
    watcher.client.send(MatchMessageType.chat, { to: "all", text: "I see everything" });
    occupier.client.send(MatchMessageType.chat, { to: "side", text: "sweep the valley" });
    await expect.poll(() => watcher.heard.length).toBe(2);
    await expect.poll(() => occupier.heard.length).toBe(2);
    const texts = (history: ChatHistoryMessage) => history.lines.map((line) => `${line.from}: ${line.text}`);

    // A reload comes back with its reconnection token, and an empty chat.
    const token = maquis.client.reconnectionToken;
    dropConnection(maquis.client);
    await expect.poll(() => room.state.seats.get("cell-1")!.connected).toBe(false);
    const back = await server.sdk.reconnect(token, MatchState);
    back.onMessage(MessageType.welcome, () => {});
    const history = (await back.waitForMessage(MatchMessageType.chatHistory)) as ChatHistoryMessage;
    expect(texts(history)).toEqual(["Chakotay: meet at the Badlands", "Evek: surrender the raider"]);
    expect(history.lines[0]).toEqual({ from: "Chakotay", side: "maquis", to: "side", text: "meet at the Badlands" });

    // Someone joining later reads what their place may read.
    const latecomer = await server.sdk.joinById(room.roomId, { scenario: "dorvan-2370", seat: "spectator", name: "Morn" });
    latecomer.onMessage(MessageType.welcome, () => {});
    expect(texts((await latecomer.waitForMessage(MatchMessageType.chatHistory)) as ChatHistoryMessage)).toEqual(["Evek: surrender the raider", "Quark: I see everything"]);
    await occupier.client.leave();
    const occupierBack = await server.sdk.joinById(room.roomId, { scenario: "dorvan-2370", seat: "occupier", name: "Evek" });
    occupierBack.onMessage(MessageType.welcome, () => {});
    expect(texts((await occupierBack.waitForMessage(MatchMessageType.chatHistory)) as ChatHistoryMessage)).toEqual(["Evek: surrender the raider", "Evek: sweep the valley"]);
  });
});
