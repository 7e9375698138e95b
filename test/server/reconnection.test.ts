import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MessageType } from "../../shared/protocol/messages";
import { MatchState } from "../../shared/state/MatchState";
import { dropConnection } from "../support/connections";
import { bootTestServer, type TestServer } from "../support/testServer";

const RECONNECT_SECONDS = 2;


describe("reconnection", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await bootTestServer({ reconnectSeconds: RECONNECT_SECONDS });
  });
  afterAll(() => server.shutdown());

  async function openMatchWithPlayer() {
    const room = await server.createRoom<MatchState>("match", { scenario: "dorvan-2370" });
    const watcher = await server.sdk.joinById(room.roomId, { scenario: "dorvan-2370", seat: "spectator" });
    watcher.onMessage(MessageType.welcome, () => {});
    const player = await server.sdk.joinById(room.roomId, { scenario: "dorvan-2370", seat: "cell-1" }, MatchState);
    player.onMessage(MessageType.welcome, () => {});
    await player.waitForInitialState();
    return { room, watcher, player };
  }

  it("a dropped player gets the same seat back, with the whole state, within the window", async () => {
    const { room, watcher, player } = await openMatchWithPlayer();
    player.send(MessageType.order, { kind: "move", ship: "raider-1", to: { system: "dorvan-v" } });
    await room.waitForNextPatch();
    const token = player.reconnectionToken;
    dropConnection(player);
    await room.waitForNextPatch();
    expect(room.state.seats.get("cell-1")!.occupied).toBe(true);
    const back = await server.sdk.reconnect(token, MatchState);
    await back.waitForInitialState();
    expect(back.state.ships.get("raider-1")!.destSystem).toBe("dorvan-v");
    expect(back.state.cells.get("cell-1")?.supplies).toBeGreaterThan(0);
    back.send(MessageType.order, { kind: "move", ship: "raider-1", to: { system: "tracken-ii" } });
    await expect.poll(() => room.state.ships.get("raider-1")!.destSystem).toBe("tracken-ii");
    await back.leave();
    await watcher.leave();
  });

  it("after the window the AI takes the seat, and the player can take it back by joining it", { timeout: 15_000 }, async () => {
    const { room, watcher, player } = await openMatchWithPlayer();
    const token = player.reconnectionToken;
    dropConnection(player);
    await expect.poll(() => room.state.seats.get("cell-1")!.occupied, { timeout: (RECONNECT_SECONDS + 3) * 1000 }).toBe(false);
    await expect(server.sdk.reconnect(token, MatchState)).rejects.toThrow();
    const again = await server.sdk.joinById(room.roomId, { scenario: "dorvan-2370", seat: "cell-1" });
    again.onMessage(MessageType.welcome, () => {});
    await again.waitForInitialState();
    expect(room.state.seats.get("cell-1")!.occupied).toBe(true);
    await again.leave();
    await watcher.leave();
  });
});
