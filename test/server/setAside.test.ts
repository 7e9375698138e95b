import { matchMaker } from "@colyseus/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LobbyMessageType, type ContinueEntry, type MatchListing } from "../../shared/protocol/lobbyMessages";
import { MatchMessageType, type ChatHistoryMessage } from "../../shared/protocol/matchMessages";
import { MessageType, type WelcomeMessage } from "../../shared/protocol/messages";
import type { MatchState } from "../../shared/state/MatchState";
import { dropConnection } from "../support/connections";
import { bootTestServer, type TestServer } from "../support/testServer";

const SCENARIO = "dorvan-2370";

/** Random-looking player ids, as client/net/playerId.ts makes them. */
const EDDINGTON = "player-eddington-0001";
const SVETA = "player-sveta-00000002";
const STRANGER = "player-stranger-00003";

type SdkRoom = Awaited<ReturnType<TestServer["sdk"]["create"]>>;

async function welcomed(room: SdkRoom): Promise<WelcomeMessage> {
  const [welcome] = await Promise.all([room.waitForMessage(MessageType.welcome) as Promise<WelcomeMessage>, room.waitForInitialState()]);
  return welcome;
}

describe("matches nobody plays are set aside and continued by their players", () => {
  let server: TestServer;
  let dataDir: string;
  let base: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "maquis-aside-"));
    server = await bootTestServer({ dataDir, reconnectSeconds: 1, idleSetAsideSeconds: 1 });
    base = `http://127.0.0.1:${server.server["port"]}`;
  });
  afterAll(async () => {
    await server.shutdown();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const continuable = async (player: string): Promise<ContinueEntry[]> => (await fetch(`${base}/api/continue?player=${player}`)).json();
  const isOpen = async (roomId: string) => (await matchMaker.query({ roomId })).length > 0;

  async function watchLobby() {
    const lobby = await server.sdk.joinOrCreate("lobby");
    const listed = new Map<string, MatchListing>();
    /** How many listing updates the lobby has sent for each room. */
    const updates = new Map<string, number>();
    lobby.onMessage("rooms", (rooms: { roomId: string; metadata: MatchListing }[]) => rooms.forEach((room) => listed.set(room.roomId, room.metadata)));
    lobby.onMessage("+", ([roomId, room]: [string, { metadata: MatchListing }]) => {
      listed.set(roomId, room.metadata);
      updates.set(roomId, (updates.get(roomId) ?? 0) + 1);
    });
    lobby.onMessage("-", (roomId: string) => listed.delete(roomId));
    /**
     * Waits until the lobby has passed on a listing update of the public match `roomId` made now (a
     * spectator comes and goes): the lobby sends updates in order, so every earlier one has arrived too.
     */
    async function caughtUp(roomId: string): Promise<void> {
      const before = updates.get(roomId) ?? 0;
      const spectator = await server.sdk.joinById(roomId, { seat: "spectator", name: "Quark" });
      await expect.poll(() => updates.get(roomId) ?? 0).toBeGreaterThan(before);
      await spectator.leave();
    }
    return { lobby, listed, caughtUp };
  }

  /** Whether the match server says its room is left out of the lists (the lobby's listing comes from this). */
  const isPrivate = async (roomId: string) => (await matchMaker.query({ roomId }))[0]?.private;

  it("a solo match is never listed, nor after a restart brings it back; a public match brought back is listed only once someone is in it again", async () => {
    const { lobby, listed, caughtUp } = await watchLobby();
    const solo = await server.sdk.create("match", { scenario: SCENARIO, lobby: true, private: true, seat: "cell-1", player: EDDINGTON, name: "Eddington" });
    await welcomed(solo);
    solo.send(LobbyMessageType.start, {});
    const open = await server.sdk.create("match", { scenario: SCENARIO, seat: "occupier", player: SVETA, name: "Sveta" });
    await welcomed(open);
    await expect.poll(() => listed.has(open.roomId)).toBe(true);
    await expect.poll(() => server.getRoomById<MatchState>(solo.roomId).state.phase).toBe("playing");
    solo.send(MatchMessageType.chat, { to: "all", text: "Hold the line." });
    expect(await isPrivate(solo.roomId)).toBe(true);
    await caughtUp(open.roomId);
    expect(listed.has(solo.roomId)).toBe(false);

    // A restart: the rooms close as the server stops (saved as running), and the store brings them back.
    for (const room of [solo, open]) await server.getRoomById(room.roomId).disconnect();
    expect(await server.game.resumeSavedMatches()).toEqual(expect.arrayContaining([solo.roomId, open.roomId]));
    // Brought back with nobody in them, both are left out of the lists.
    await expect.poll(() => isPrivate(solo.roomId)).toBe(true);
    await expect.poll(() => isPrivate(open.roomId)).toBe(true);

    // Back with their player ids and no seat asked for: each is put back in the seat they held.
    const soloBack = await server.sdk.joinById(solo.roomId, { player: EDDINGTON, name: "Eddington" });
    const history = soloBack.waitForMessage(MatchMessageType.chatHistory) as Promise<ChatHistoryMessage>;
    expect((await welcomed(soloBack)).seat).toBe("cell-1");
    expect((await history).lines).toEqual([{ from: "Eddington", side: "maquis", to: "all", text: "Hold the line." }]);
    const openBack = await server.sdk.joinById(open.roomId, { player: SVETA, name: "Sveta" });
    expect((await welcomed(openBack)).seat).toBe("occupier");
    // The solo match was rejoined first: had that listed it, the lobby would have said so before this.
    await expect.poll(() => listed.has(open.roomId)).toBe(true);
    expect(listed.has(solo.roomId)).toBe(false);
    expect(await isPrivate(solo.roomId)).toBe(true);
    await soloBack.leave();
    await openBack.leave();
    await lobby.leave();
  });

  it("a match nobody is connected to stands still, is set aside after the idle time, is not brought back by a restart, and only its player can continue it, in their seat", { timeout: 20_000 }, async () => {
    const player = await server.sdk.create("match", { scenario: SCENARIO, seat: "cell-1", player: EDDINGTON, name: "Eddington" });
    await welcomed(player);
    const matchId = player.roomId;
    const room = server.getRoomById<MatchState>(matchId);
    player.send(MessageType.order, { kind: "move", ship: "raider-1", to: { system: "tracken-ii" } });
    await expect.poll(() => room.state.ships.get("raider-1")!.destSystem).toBe("tracken-ii");
    expect(await continuable(EDDINGTON)).toContainEqual(expect.objectContaining({ matchId, seat: "cell-1", running: true }));

    dropConnection(player);
    await expect.poll(() => room.state.seats.get("cell-1")!.connected).toBe(false);
    const tick = room.state.tick;
    for (let patch = 0; patch < 5; patch++) await room.waitForNextPatch();
    expect(room.state.tick, "the clock stands still while nobody is connected").toBe(tick);
    // Nobody has been connected since the drop: after the idle time (1 s here) the match is set aside.
    await expect.poll(() => isOpen(matchId), { timeout: 8000 }).toBe(false);
    await expect.poll(async () => (await server.store!.loadMatch(matchId))!.match.status).toBe("aside");
    expect(await server.game.resumeSavedMatches()).not.toContain(matchId);
    expect(await isOpen(matchId)).toBe(false);

    expect(await continuable(EDDINGTON)).toContainEqual({
      matchId,
      scenario: SCENARIO,
      title: "Journey's End: The Dorvan Valley",
      day: 1,
      seat: "cell-1",
      seatName: "Dorvan Valley cell",
      side: "maquis",
      phase: "playing",
      running: false,
      private: false,
      savedAt: expect.any(String),
    });
    // Nobody who held no seat in it sees it, or can bring it back.
    expect((await continuable(STRANGER)).map((entry) => entry.matchId)).not.toContain(matchId);
    expect((await fetch(`${base}/api/continue?player=x`)).status).toBe(400);
    await expect(server.sdk.create("match", { continue: matchId, player: STRANGER })).rejects.toThrow(/no unfinished match/);
    await expect(server.sdk.create("match", { continue: matchId })).rejects.toThrow(/player id/);
    expect(await isOpen(matchId)).toBe(false);

    const back = await server.sdk.create("match", { continue: matchId, player: EDDINGTON, name: "Eddington" });
    expect(back.roomId).toBe(matchId);
    expect((await welcomed(back)).seat).toBe("cell-1");
    expect((back.state as MatchState).ships.get("raider-1")!.destSystem).toBe("tracken-ii");
    expect((back.state as MatchState).tick).toBeGreaterThanOrEqual(tick);
    expect((await server.store!.loadMatch(matchId))!.match.status).toBe("running");
    expect(await continuable(EDDINGTON)).toContainEqual(expect.objectContaining({ matchId, running: true }));
    // Running now: a second "continue" is told to join it instead.
    await expect(server.sdk.create("match", { continue: matchId, player: EDDINGTON })).rejects.toThrow(/is running/);
    await back.leave();
  });

  it("when the last person leaves on purpose the match is set aside at once, waiting phase and all, and its player continues it from there", async () => {
    const solo = await server.sdk.create("match", { scenario: SCENARIO, lobby: true, private: true, seat: "occupier", player: SVETA, name: "Sveta" });
    await welcomed(solo);
    const matchId = solo.roomId;
    await solo.leave();
    await expect.poll(() => isOpen(matchId)).toBe(false);
    await expect.poll(async () => (await server.store!.loadMatch(matchId))!.match.status).toBe("aside");
    expect(await continuable(SVETA)).toContainEqual(expect.objectContaining({ matchId, seat: "occupier", phase: "lobby", private: true, running: false }));
    const back = await server.sdk.create("match", { continue: matchId, player: SVETA, name: "Sveta" });
    const welcome = await welcomed(back);
    expect(welcome).toEqual({ seat: "occupier", side: "occupier", watching: "occupier", host: true });
    const room = server.getRoomById<MatchState>(matchId);
    expect(room.state.phase).toBe("lobby");
    back.send(LobbyMessageType.start, {});
    await expect.poll(() => room.state.phase).toBe("playing");
    await back.leave();
  });
});
