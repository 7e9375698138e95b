import { matchMaker, type Room } from "@colyseus/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloseCodes } from "../../shared/protocol/closeCodes";
import { ErrorCode } from "../../shared/protocol/errorCodes";
import { MessageType, type ErrorMessage } from "../../shared/protocol/messages";
import type { MatchState } from "../../shared/state/MatchState";
import { bootTestServer, type TestServer } from "../support/testServer";

const SCENARIO = "dorvan-2370";

/**
 * The game's own match room with three deliberate faults added: a message handler that throws, one
 * that breaks the room's tick, and one that breaks a clock timer. Everything else is the real room.
 */
function defineFaultyMatchRoom(): void {
  const RealMatchRoom = matchMaker.getRoomClass("match") as new () => Room<{ state: MatchState }>;
  class FaultyMatchRoom extends RealMatchRoom {
    async onCreate(options: unknown): Promise<void> {
      await (RealMatchRoom.prototype as Room).onCreate!.call(this, options);
      this.onMessage("explode", () => {
        throw new Error("a deliberate fault in a message handler");
      });
      this.onMessage("breakTick", () => {
        this.setFixedTimestep(() => {
          throw new Error("a deliberate fault in the tick");
        }, 10);
      });
    }
  }
  matchMaker.defineRoomType("faulty-match", FaultyMatchRoom);
}

describe("a fault in one room", () => {
  let server: TestServer;
  let dataDir: string;
  let base: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "maquis-faults-"));
    server = await bootTestServer({ dataDir });
    base = `http://127.0.0.1:${server.server["port"]}`;
    defineFaultyMatchRoom();
  });
  afterAll(async () => {
    await server.shutdown();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function joinWatching(roomId: string, seat: string) {
    const client = await server.sdk.joinById(roomId, { scenario: SCENARIO, seat });
    const errors: ErrorMessage[] = [];
    client.onMessage(MessageType.welcome, () => {});
    client.onMessage(MessageType.error, (error: ErrorMessage) => errors.push(error));
    await client.waitForInitialState();
    client.reconnection.enabled = false;
    return { client, errors };
  }

  const ticking = async (room: { state: MatchState }) => {
    const tick = room.state.tick;
    await expect.poll(() => room.state.tick, { timeout: 5000 }).toBeGreaterThan(tick + 2);
  };

  it("a message typed \"*\" whose payload breaks String() is refused, and the process goes on", async () => {
    const room = await server.createRoom<MatchState>("match", { scenario: SCENARIO });
    const spectator = await joinWatching(room.roomId, "spectator");
    spectator.client.send("*", { toString: 1 });
    await expect.poll(() => spectator.errors.length).toBe(1);
    expect(spectator.errors[0]).toEqual({ code: ErrorCode.UnknownMessage, message: 'the server does not accept "(a object)" messages' });
    await ticking(room);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it("a throwing message handler is answered with SERVER_FAULT and its room and the other matches go on", async () => {
    const faulty = await server.createRoom<MatchState>("faulty-match", { scenario: SCENARIO });
    const other = await server.createRoom<MatchState>("match", { scenario: SCENARIO });
    const attacker = await joinWatching(faulty.roomId, "cell-1");
    const bystander = await joinWatching(other.roomId, "cell-1");
    attacker.client.send("explode", {});
    await expect.poll(() => attacker.errors.length).toBe(1);
    expect(attacker.errors[0]!.code).toBe(ErrorCode.ServerFault);
    // The sender stays connected and its room keeps playing; so does the other match.
    await ticking(faulty);
    await ticking(other);
    expect(bystander.errors).toEqual([]);
    attacker.client.send(MessageType.order, { kind: "move", ship: "raider-1", to: { system: "dorvan-v" } });
    await expect.poll(() => faulty.state.ships.get("raider-1")!.destSystem).toBe("dorvan-v");
  });

  it("a failing tick closes that room alone, keeps it resumable, and the other matches go on", async () => {
    const faulty = await server.createRoom<MatchState>("faulty-match", { scenario: SCENARIO });
    const other = await server.createRoom<MatchState>("match", { scenario: SCENARIO });
    const victim = await joinWatching(faulty.roomId, "cell-1");
    const bystander = await joinWatching(other.roomId, "cell-1");
    const closed = new Promise<number>((resolve) => victim.client.onLeave((code: number) => resolve(code)));
    victim.client.send("breakTick", {});
    expect(await closed).toBe(CloseCodes.roomFault);
    expect(victim.errors.map((error) => error.code)).toContain(ErrorCode.ServerFault);
    await expect.poll(async () => (await matchMaker.query({ roomId: faulty.roomId })).length).toBe(0);
    await ticking(other);
    expect(bystander.errors).toEqual([]);
    // The faulted match stays in the store as unfinished, so a restart brings it back from its last good snapshot.
    expect((await server.store!.unfinishedMatches()).map((match) => match.id)).toContain(faulty.roomId);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });
});
