import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../shared/protocol/errorCodes";
import { LobbyMessageType, type MatchListing, type MatchLookup } from "../../shared/protocol/lobbyMessages";
import { MatchMessageType } from "../../shared/protocol/matchMessages";
import { MessageType, type ErrorMessage } from "../../shared/protocol/messages";
import type { MatchState } from "../../shared/state/MatchState";
import { dropConnection } from "../support/connections";
import { bootTestServer, type TestServer } from "../support/testServer";

describe("lobby matches", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await bootTestServer();
  });
  afterEach(() => server.cleanup());
  afterAll(() => server.shutdown());

  async function join(roomId: string, options: Record<string, unknown>) {
    const client = await server.sdk.joinById(roomId, { scenario: "dorvan-2370", ...options });
    client.onMessage(MessageType.welcome, () => {});
    await client.waitForInitialState();
    return client;
  }

  it("a private match waits for its host: seats, names, ready-up, start; the AI takes the empty seats", async () => {
    const host = await server.sdk.create("match", { scenario: "dorvan-2370", lobby: true, private: true, seat: "cell-1", name: "Sveta" });
    host.onMessage(MessageType.welcome, () => {});
    await host.waitForInitialState();
    const room = server.getRoomById<MatchState>(host.roomId);
    expect(host.roomId).toMatch(/^[A-Z2-9]{6}$/);
    expect(room.state.phase).toBe("lobby");
    expect(room.state.hostName).toBe("Sveta");
    // Private: quick play never lands in it, but its code does.
    const quick = await server.sdk.joinOrCreate("match", { scenario: "dorvan-2370" });
    expect(quick.roomId).not.toBe(host.roomId);
    await quick.leave();
    const guest = await join(host.roomId, { seat: "spectator", name: "Kalita" });
    const tickBefore = room.state.tick;

    const error = (client: typeof guest) => client.waitForMessage(MessageType.error) as Promise<ErrorMessage>;
    let reply = error(guest);
    guest.send(LobbyMessageType.takeSeat, { seat: "cell-1" });
    expect((await reply).code).toBe(ErrorCode.SeatTaken);
    guest.send(LobbyMessageType.takeSeat, { seat: "occupier" });
    await expect.poll(() => room.state.seats.get("occupier")!.playerName).toBe("Kalita");
    reply = error(guest);
    guest.send(LobbyMessageType.start, {});
    expect((await reply).code).toBe(ErrorCode.NotHost);
    reply = error(host);
    host.send(LobbyMessageType.start, {});
    expect((await reply).message).toContain("waiting for");
    reply = error(host);
    host.send(MessageType.order, { kind: "move", ship: "raider-1", to: { system: "dorvan-v" } });
    expect((await reply).code).toBe(ErrorCode.NotStarted);
    expect(room.state.tick).toBe(tickBefore);

    host.send(LobbyMessageType.ready, { ready: true });
    guest.send(LobbyMessageType.ready, { ready: true });
    await expect.poll(() => room.state.seats.get("occupier")!.ready && room.state.seats.get("cell-1")!.ready).toBe(true);
    host.send(LobbyMessageType.start, {});
    await expect.poll(() => room.state.phase).toBe("playing");
    await expect.poll(() => room.state.tick, { timeout: 5000 }).toBeGreaterThan(tickBefore + 5);
    reply = error(guest);
    guest.send(LobbyMessageType.takeSeat, { seat: "spectator" });
    expect((await reply).code).toBe(ErrorCode.NotInLobby);
  });

  it("a solo match (private, waiting) starts when its one player presses Start, without a separate ready; quick play never finds it", async () => {
    const solo = await server.sdk.create("match", { scenario: "dorvan-2370", lobby: true, private: true, seat: "occupier", difficulty: "hard" });
    solo.onMessage(MessageType.welcome, () => {});
    await solo.waitForInitialState();
    const room = server.getRoomById<MatchState>(solo.roomId);
    expect(room.state.phase).toBe("lobby");
    expect(room.state.seats.get("occupier")!.occupied).toBe(true);
    const quick = await server.sdk.joinOrCreate("match", { scenario: "dorvan-2370", seat: "occupier" });
    expect(quick.roomId).not.toBe(solo.roomId);
    await quick.leave();
    solo.send(LobbyMessageType.start, {});
    await expect.poll(() => room.state.phase).toBe("playing");
    expect(room.state.seats.get("occupier")!.ready).toBe(false);
  });

  it("public matches are listed live in the lobby room with their scenario, day, phase, host and free seats (by name)", async () => {
    const lobby = await server.sdk.joinOrCreate("lobby");
    const listed: { roomId: string; metadata: MatchListing }[] = [];
    lobby.onMessage("rooms", (rooms: typeof listed) => listed.push(...rooms));
    lobby.onMessage("+", ([roomId, room]: [string, (typeof listed)[number]]) => {
      const index = listed.findIndex((entry) => entry.roomId === roomId);
      if (index >= 0) listed[index] = room;
      else listed.push(room);
    });
    lobby.onMessage("-", () => {});
    const host = await server.sdk.create("match", { scenario: "dorvan-2370", lobby: true, seat: "occupier", name: "Evek" });
    host.onMessage(MessageType.welcome, () => {});
    await expect
      .poll(() => listed.find((entry) => entry.roomId === host.roomId)?.metadata)
      .toEqual({ scenario: "dorvan-2370", title: "Journey's End: The Dorvan Valley", phase: "lobby", host: "Evek", day: 1, freeSeats: [{ id: "cell-1", name: "Dorvan Valley cell", side: "maquis" }] });
    const secret = await server.sdk.create("match", { scenario: "dorvan-2370", lobby: true, private: true, seat: "occupier" });
    secret.onMessage(MessageType.welcome, () => {});
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(listed.some((entry) => entry.roomId === secret.roomId)).toBe(false);
  });

  it("a listed match shows the day it has reached, and is left out of the list while nobody is connected to it", { timeout: 20_000 }, async () => {
    const lobby = await server.sdk.joinOrCreate("lobby");
    const listed = new Map<string, MatchListing>();
    lobby.onMessage("rooms", (rooms: { roomId: string; metadata: MatchListing }[]) => rooms.forEach((room) => listed.set(room.roomId, room.metadata)));
    lobby.onMessage("+", ([roomId, room]: [string, { metadata: MatchListing }]) => listed.set(roomId, room.metadata));
    lobby.onMessage("-", (roomId: string) => listed.delete(roomId));
    const player = await server.sdk.create("match", { scenario: "dorvan-2370", seat: "occupier", name: "Evek" });
    player.onMessage(MessageType.welcome, () => {});
    await expect.poll(() => listed.get(player.roomId)?.day).toBe(1);
    player.send(MatchMessageType.voteSpeed, { speed: 8 });
    await expect.poll(() => listed.get(player.roomId)?.day, { timeout: 15_000 }).toBe(2);
    expect(listed.get(player.roomId)?.phase).toBe("playing");
    dropConnection(player);
    await expect.poll(() => listed.has(player.roomId)).toBe(false);
    // Nor does quick play put anyone into it.
    const quick = await server.sdk.joinOrCreate("match", { scenario: "dorvan-2370", seat: "spectator" });
    quick.onMessage(MessageType.welcome, () => {});
    expect(quick.roomId).not.toBe(player.roomId);
  });

  it("an invite link can look up a started match by its code first: its day and the seats free to take; an unknown code is not found", async () => {
    const host = await server.sdk.create("match", { scenario: "dorvan-2370", lobby: true, private: true, seat: "cell-1", name: "Sveta" });
    host.onMessage(MessageType.welcome, () => {});
    await host.waitForInitialState();
    host.send(LobbyMessageType.start, {});
    const room = server.getRoomById<MatchState>(host.roomId);
    await expect.poll(() => room.state.phase).toBe("playing");
    const base = `http://127.0.0.1:${server.server["port"]}`;
    await expect
      .poll(async () => (await fetch(`${base}/api/matches/${host.roomId}`)).json())
      .toEqual({
        id: host.roomId,
        scenario: "dorvan-2370",
        title: "Journey's End: The Dorvan Valley",
        phase: "playing",
        day: 1,
        freeSeats: [{ id: "occupier", name: expect.any(String), side: "occupier" }],
      } satisfies MatchLookup);
    const missing = await fetch(`${base}/api/matches/NOSUCH`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).message).toBe('no match with the code "NOSUCH" is running');
    // The seat offered can be taken by joining with it.
    const guest = await join(host.roomId, { seat: "occupier", name: "Kalita" });
    expect(room.state.seats.get("occupier")!.playerName).toBe("Kalita");
    await guest.leave();
  });
});
