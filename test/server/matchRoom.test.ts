import type { TestServer as ColyseusTestServer } from "../support/testServer";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../shared/protocol/errorCodes";
import { MessageType, type ErrorMessage, type WelcomeMessage } from "../../shared/protocol/messages";
import type { MatchState } from "../../shared/state/MatchState";
import { bootTestServer } from "../support/testServer";

const SCENARIO = "dorvan-2370";

describe("match room", () => {
  let colyseus: ColyseusTestServer;

  beforeAll(async () => {
    colyseus = await bootTestServer();
  });
  afterEach(() => colyseus.cleanup());
  afterAll(() => colyseus.shutdown());

  async function openMatch() {
    return colyseus.createRoom<MatchState>("match", { scenario: SCENARIO });
  }

  async function join(room: Awaited<ReturnType<typeof openMatch>>, seat?: string) {
    const client = await colyseus.sdk.joinById(room.roomId, { scenario: SCENARIO, ...(seat ? { seat } : {}) });
    const welcome = client.waitForMessage(MessageType.welcome) as Promise<WelcomeMessage>;
    await client.waitForInitialState();
    return { client, welcome: await welcome };
  }

  it("gives a joiner without a seat the first free Maquis cell and the scenario's state", async () => {
    const room = await openMatch();
    const { client, welcome } = await join(room);
    // The first to join an open match hosts it.
    expect(welcome).toEqual({ seat: "cell-1", side: "maquis", watching: "maquis", host: true });
    expect(client.state.ships.get("raider-1")?.seat).toBe("cell-1");
    expect(client.state.systems.size).toBe(12);
    expect(room.state.seats.get("cell-1")?.occupied).toBe(true);
  });

  it("refuses a taken seat, an unknown seat and an unknown scenario", async () => {
    const room = await openMatch();
    await join(room, "cell-1");
    await expect(colyseus.sdk.joinById(room.roomId, { scenario: SCENARIO, seat: "cell-1" })).rejects.toThrow(/already taken/);
    await expect(colyseus.sdk.joinById(room.roomId, { scenario: SCENARIO, seat: "cell-9" })).rejects.toThrow(/no seat "cell-9"/);
    await expect(colyseus.sdk.create("match", { scenario: "no-such-scenario" })).rejects.toThrow(/no scenario has the id/);
  });

  it("frees a seat when its player leaves", async () => {
    const room = await openMatch();
    await join(room, "occupier");
    const { client } = await join(room, "cell-1");
    await client.leave();
    await expect.poll(() => room.state.seats.get("cell-1")?.occupied).toBe(false);
    const { welcome } = await join(room, "cell-1");
    expect(welcome.seat).toBe("cell-1");
  });

  it("moves the seat's own ship when ordered, and every client sees it", async () => {
    const room = await openMatch();
    const maquis = await join(room, "cell-1");
    const occupier = await join(room, "occupier");
    const startX = room.state.ships.get("raider-1")!.x;
    maquis.client.send(MessageType.order, { kind: "move", ship: "raider-1", to: { system: "dorvan-v" } });
    await expect.poll(() => room.state.ships.get("raider-1")!.moving).toBe(true);
    await expect.poll(() => maquis.client.state.ships.get("raider-1")!.x, { timeout: 5000 }).toBeGreaterThan(startX + 3);
    void occupier;
    expect(room.state.ships.get("raider-1")!.destSystem).toBe("dorvan-v");
  });

  it("refuses an order for another seat's ship with an error code and changes nothing", async () => {
    const room = await openMatch();
    const maquis = await join(room, "cell-1");
    const galor = room.state.ships.get("galor-1")!;
    const reply = maquis.client.waitForMessage(MessageType.error) as Promise<ErrorMessage>;
    maquis.client.send(MessageType.order, { kind: "move", ship: "galor-1", to: { x: 10, y: 10 } });
    expect((await reply).code).toBe(ErrorCode.NotYourShip);
    await room.waitForNextPatch();
    expect([galor.destX, galor.destY]).not.toEqual([10, 10]);
  });

  it.each([
    ["not an object", "move raider-1"],
    ["an unknown kind", { kind: "teleport", ship: "raider-1", to: { x: 1, y: 1 } }],
    ["a missing target", { kind: "move", ship: "raider-1" }],
    ["a non-finite coordinate", { kind: "move", ship: "raider-1", to: { x: 1e400, y: 1 } }],
    ["an extra field", { kind: "move", ship: "raider-1", to: { x: 1, y: 1 }, hull: 9999 }],
  ])("refuses a malformed order (%s) with INVALID_MESSAGE and stays connected", async (_label, payload) => {
    const room = await openMatch();
    const maquis = await join(room, "cell-1");
    const reply = maquis.client.waitForMessage(MessageType.error) as Promise<ErrorMessage>;
    maquis.client.send(MessageType.order, payload);
    expect((await reply).code).toBe(ErrorCode.InvalidMessage);
    expect(room.state.ships.get("raider-1")!.moving).toBe(false);
    expect(room.clients.length).toBe(1);
  });

  it("refuses out-of-range targets, unknown systems, spectator orders and unknown message types", async () => {
    const room = await openMatch();
    const maquis = await join(room, "cell-1");
    const spectator = await join(room, "spectator");
    const cases: [typeof maquis.client, string, unknown, string][] = [
      [maquis.client, MessageType.order, { kind: "move", ship: "raider-1", to: { x: 5000, y: 10 } }, ErrorCode.OutsideMap],
      [maquis.client, MessageType.order, { kind: "move", ship: "raider-1", to: { system: "earth" } }, ErrorCode.UnknownSystem],
      [spectator.client, MessageType.order, { kind: "move", ship: "raider-1", to: { x: 1, y: 1 } }, ErrorCode.SpectatorCannotOrder],
      [maquis.client, "restart", {}, ErrorCode.UnknownMessage],
    ];
    for (const [client, type, payload, code] of cases) {
      const reply = client.waitForMessage(MessageType.error) as Promise<ErrorMessage>;
      client.send(type, payload);
      expect((await reply).code).toBe(code);
    }
    expect(room.state.ships.get("raider-1")!.moving).toBe(false);
  });

  it("keeps ticking: the clock advances and the patrol flies its route", async () => {
    const room = await openMatch();
    await join(room, "cell-1");
    const patrol = room.state.ships.get("patrol-1")!;
    const startTick = room.state.tick;
    const start = { x: patrol.x, y: patrol.y };
    await expect.poll(() => room.state.tick, { timeout: 5000 }).toBeGreaterThan(startTick + 10);
    expect(room.state.hours).toBeGreaterThan(0);
    expect(Math.hypot(patrol.x - start.x, patrol.y - start.y)).toBeGreaterThan(1);
    expect(patrol.destSystem).toBe("dorvan-v");
  });

  it("disconnects a client that floods the room with messages", async () => {
    const room = await openMatch();
    const maquis = await join(room, "cell-1");
    const left = new Promise<number>((resolve) => maquis.client.onLeave((code: number) => resolve(code)));
    for (let i = 0; i < 60; i++) maquis.client.send(MessageType.order, { kind: "move", ship: "raider-1", to: { x: 100 + i, y: 100 } });
    expect(await left).toBeGreaterThanOrEqual(4000);
    await expect.poll(() => room.state.seats.get("cell-1")?.occupied).toBe(false);
  });
});

describe("payload limit", () => {
  it("closes the socket of a client that sends a message over 4 KiB, before any handler runs", async () => {
    const colyseus = await bootTestServer();
    try {
      const room = await colyseus.createRoom<MatchState>("match", { scenario: SCENARIO });
      const client = await colyseus.sdk.joinById(room.roomId, { scenario: SCENARIO, seat: "cell-1" });
      client.onMessage(MessageType.welcome, () => {});
      client.onMessage(MessageType.error, () => {});
      await client.waitForInitialState();
      client.reconnection.enabled = false;
      const left = new Promise<number>((resolve) => client.onLeave((code: number) => resolve(code)));
      client.send(MessageType.order, { kind: "move", ship: "raider-1", to: { system: "x".repeat(5000) } });
      expect(await left).toBe(1009);
      expect(room.state.ships.get("raider-1")!.moving).toBe(false);
    } finally {
      await colyseus.shutdown();
    }
  });
});
