import { Client } from "@colyseus/sdk";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findFreePort } from "../../server/portCheck";
import { MatchStore } from "../../server/store/matchStore";
import { openStore } from "../../server/store/openStore";
import { MessageType } from "../../shared/protocol/messages";
import { MatchState } from "../../shared/state/MatchState";
import { ensureClientBuilt } from "../support/clientBuild";
import { startServerProcess, type RunningServer } from "../support/serverProcess";

const running: RunningServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function serverWithData(dataDir: string, port: number): Promise<RunningServer> {
  await ensureClientBuilt();
  const server = await startServerProcess(port, { DATA_DIR: dataDir });
  running.push(server);
  return server;
}

async function joinMatch(url: string, options: Record<string, string>, roomId?: string) {
  const client = new Client(url);
  const room = roomId ? await client.joinById(roomId, options, MatchState) : await client.create("match", options, MatchState);
  room.onMessage(MessageType.welcome, () => {});
  room.onMessage(MessageType.error, () => {});
  await new Promise<void>((resolve) => room.onStateChange.once(() => resolve()));
  return room;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("save and resume", () => {
  it("SIGTERM checkpoints every match before the process exits, and each is resumed after the restart", { timeout: 60_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "maquis-data-"));
    dirs.push(dataDir);
    const port = await findFreePort();
    const first = await serverWithData(dataDir, port);
    const rooms = [await joinMatch(first.url, { scenario: "dorvan-2370", seat: "cell-1" }), await joinMatch(first.url, { scenario: "bryma-2370", seat: "occupier" })];
    rooms[0]!.send(MessageType.order, { kind: "move", ship: "raider-1", to: { system: "bryma" } });
    await expect.poll(() => rooms[0]!.state.ships.get("raider-1")!.destSystem).toBe("bryma");
    await sleep(1500);
    const ticksBeforeStop = rooms.map((room) => room.state.tick);
    await first.stop();

    const store = new MatchStore((await openStore({ dataDir })).db);
    for (const [i, room] of rooms.entries()) {
      const saved = (await store.loadMatch(room.roomId))!;
      expect(saved.snapshot!.tick, room.roomId).toBeGreaterThanOrEqual(ticksBeforeStop[i]!);
    }
    expect((await store.loadMatch(rooms[0]!.roomId))!.orders.some((entry) => (entry.order as { kind: string }).kind === "move")).toBe(true);

    const second = await serverWithData(dataDir, port);
    expect(second.output()).toContain("Resumed 2 unfinished matches");
    const back = await joinMatch(second.url, { scenario: "dorvan-2370", seat: "cell-1" }, rooms[0]!.roomId);
    expect(back.state.tick).toBeGreaterThanOrEqual(ticksBeforeStop[0]!);
    expect(back.state.ships.get("raider-1")!.destSystem).toBe("bryma");
    await back.leave();
  });

  it("a private match stays private after a restart: joined by its code, never listed or found by quick play", { timeout: 60_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "maquis-data-"));
    dirs.push(dataDir);
    const port = await findFreePort();
    const first = await serverWithData(dataDir, port);
    const client = new Client(first.url);
    const room = await client.create("match", { scenario: "dorvan-2370", private: true, seat: "cell-1" }, MatchState);
    room.onMessage(MessageType.welcome, () => {});
    await new Promise<void>((resolve) => room.onStateChange.once(() => resolve()));
    const code = room.roomId;
    await sleep(500);
    await first.stop();

    const second = await serverWithData(dataDir, port);
    expect(second.output()).toContain(`Resumed 1 unfinished match: ${code}`);
    // Quick play joins or creates a public match of the scenario: it must not find the private one.
    const quick = await new Client(second.url).joinOrCreate("match", { scenario: "dorvan-2370", seat: "spectator" }, MatchState);
    quick.onMessage(MessageType.welcome, () => {});
    expect(quick.roomId).not.toBe(code);
    await quick.leave();
    // Nor does the public list of matches show it.
    const lobby = await new Client(second.url).joinOrCreate("lobby");
    const listed = await new Promise<{ roomId: string }[]>((resolve) => lobby.onMessage("rooms", resolve));
    lobby.onMessage("+", () => {});
    lobby.onMessage("-", () => {});
    expect(listed.map((entry) => entry.roomId)).not.toContain(code);
    await lobby.leave();
    const back = await joinMatch(second.url, { scenario: "dorvan-2370", seat: "cell-1" }, code);
    expect(back.roomId).toBe(code);
    await back.leave();
  });
});
