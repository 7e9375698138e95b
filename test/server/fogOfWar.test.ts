import type { TestServer as ColyseusTestServer } from "../support/testServer";
import { Callbacks } from "@colyseus/sdk";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MessageType } from "../../shared/protocol/messages";
import type { MatchState } from "../../shared/state/MatchState";
import { bootTestServer } from "../support/testServer";

const SCENARIO = "dorvan-2370";

describe("fog of war on the wire", () => {
  let colyseus: ColyseusTestServer;

  beforeAll(async () => {
    colyseus = await bootTestServer();
  });
  afterEach(() => colyseus.cleanup());
  afterAll(() => colyseus.shutdown());

  /** Joins and records every ship id and log line the client's decoder ever receives. */
  async function join(roomId: string, options: Record<string, string>) {
    const client = await colyseus.sdk.joinById(roomId, { scenario: SCENARIO, ...options });
    client.onMessage(MessageType.welcome, () => {});
    const everSeen = new Set<string>();
    const logLines: string[] = [];
    const callbacks = Callbacks.get(client as unknown as Parameters<typeof Callbacks.get<MatchState>>[0]);
    callbacks.onAdd("ships", (_ship, id) => everSeen.add(String(id)));
    callbacks.onAdd("log", (entry) => logLines.push(`${entry.audience}: ${entry.text}`));
    await client.waitForInitialState();
    return { client, state: () => client.state as MatchState, everSeen, logLines };
  }

  it("the occupier never receives an underground Maquis ship, a cell's holdings, Maquis intel or the random state", async () => {
    const room = await colyseus.createRoom<MatchState>("match", { scenario: SCENARIO });
    const maquis = await join(room.roomId, { seat: "cell-1" });
    const occupier = await join(room.roomId, { seat: "occupier" });
    const raider = room.state.ships.get("raider-1")!;
    expect(raider.underground).toBe(true);
    // Fly the hidden raider right past the patrol: still hidden, because it does nothing.
    const patrol = room.state.ships.get("patrol-1")!;
    maquis.client.send(MessageType.order, { kind: "move", ship: "raider-1", to: { x: patrol.x, y: patrol.y } });
    for (let i = 0; i < 30; i++) await room.waitForNextPatch();
    expect(occupier.everSeen.has("raider-1")).toBe(false);
    expect(occupier.state().ships.has("patrol-1")).toBe(true);
    expect(occupier.state().cells.size).toBe(0);
    expect(occupier.state().occupier.requisition).toBeGreaterThan(0);
    expect(occupier.state().rngState).toBeUndefined();
    const dorvan = occupier.state().systems.get("dorvan-v")!;
    expect(dorvan.intelOccupier).toBeTypeOf("number");
    expect(dorvan.intelMaquis).toBeUndefined();
    expect(occupier.logLines.some((line) => line.startsWith("cell-1:") || line.startsWith("maquis:"))).toBe(false);
  });

  it("a Maquis cell sees its own ship's orders and holdings, but not the occupier's books or far-off ships' orders", async () => {
    const room = await colyseus.createRoom<MatchState>("match", { scenario: SCENARIO });
    const maquis = await join(room.roomId, { seat: "cell-1" });
    await room.waitForNextPatch();
    const own = maquis.state().ships.get("raider-1")!;
    expect(own.destX).toBeTypeOf("number");
    expect(maquis.state().cells.get("cell-1")?.supplies).toBeGreaterThan(0);
    expect(maquis.state().cells.get("cell-1")?.baseSystem).not.toBe("");
    expect(maquis.state().occupier?.requisition).toBeUndefined();
    expect(maquis.everSeen.has("galor-1")).toBe(false);
    expect(maquis.state().systems.get("dorvan-v")!.intelOccupier).toBeUndefined();
    expect(maquis.state().rngState).toBeUndefined();
  });

  it("a ship appears when it is revealed within sensor range, and vanishes again once underground", async () => {
    const room = await colyseus.createRoom<MatchState>("match", { scenario: SCENARIO });
    await join(room.roomId, { seat: "cell-1" });
    const occupier = await join(room.roomId, { seat: "occupier" });
    const raider = room.state.ships.get("raider-1")!;
    const patrol = room.state.ships.get("patrol-1")!;
    raider.underground = false;
    // Put the revealed raider beside the patrol (server-side), as if it had just raided in sight.
    Object.assign(raider, { x: patrol.x + 5, y: patrol.y, destX: patrol.x + 5, destY: patrol.y, moving: false });
    await expect.poll(() => occupier.state().ships.has("raider-1"), { timeout: 15_000 }).toBe(true);
    const seenRaider = occupier.state().ships.get("raider-1")!;
    expect(seenRaider.destX).toBeUndefined();
    raider.underground = true;
    await expect.poll(() => occupier.state().ships.has("raider-1"), { timeout: 5000 }).toBe(false);
  });

  it("a spectator sees what the chosen side sees", async () => {
    const room = await colyseus.createRoom<MatchState>("match", { scenario: SCENARIO });
    await join(room.roomId, { seat: "cell-1" });
    const watcher = await join(room.roomId, { seat: "spectator", watch: "occupier" });
    for (let i = 0; i < 5; i++) await room.waitForNextPatch();
    expect(watcher.everSeen.has("raider-1")).toBe(false);
    expect(watcher.state().ships.has("patrol-1")).toBe(true);
    const maquisWatcher = await join(room.roomId, { seat: "spectator", watch: "maquis" });
    await room.waitForNextPatch();
    expect(maquisWatcher.state().ships.has("raider-1")).toBe(true);
  });
});

describe("fog of war before a lobby match starts", () => {
  it("the occupier sees no hidden Maquis ship while the match waits in its lobby", async () => {
    const colyseus = await bootTestServer();
    try {
      const host = await colyseus.sdk.create("match", { scenario: SCENARIO, lobby: true, seat: "occupier" });
      host.onMessage(MessageType.welcome, () => {});
      await host.waitForInitialState();
      const room = colyseus.getRoomById<MatchState>(host.roomId);
      for (let i = 0; i < 3; i++) await room.waitForNextPatch();
      expect(room.state.phase).toBe("lobby");
      expect((host.state as MatchState).ships.has("raider-1")).toBe(false);
      expect((host.state as MatchState).ships.has("galor-1")).toBe(true);
      await host.leave();
    } finally {
      await colyseus.shutdown();
    }
  });
});
