import { Client, type Room } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../server/portCheck";
import { MatchStore } from "../../server/store/matchStore";
import { openStore } from "../../server/store/openStore";
import { MessageType } from "../../shared/protocol/messages";
import { MatchState } from "../../shared/state/MatchState";
import { ensureClientBuilt } from "../support/clientBuild";
import { startPostgres, type PostgresService } from "../support/postgresService";
import { startRedis, type RunningRedis } from "../support/redisService";
import { startServerProcess, type RunningServer } from "../support/serverProcess";

const SCENARIO = "dorvan-2370";
const SHIP = "raider-1";
/** Each move goes to a point no other names, so the log shows which orders it holds. */
const target = (n: number) => ({ x: 200 + n * 7, y: 300 });

let redis: RunningRedis;
let postgres: PostgresService;
let server: RunningServer;
let databaseUrl: string;
let room: Room<any, MatchState>;

beforeAll(async () => {
  await ensureClientBuilt();
  [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  databaseUrl = await postgres.createDatabase();
  const port = await findFreePort();
  server = await startServerProcess(port, { REDIS_URL: redis.url, DATABASE_URL: databaseUrl, PUBLIC_ADDRESS: `127.0.0.1:${port}` });
});

afterAll(async () => {
  room?.reconnection && (room.reconnection.enabled = false);
  await room?.leave().catch(() => undefined);
  await server?.stop();
  await Promise.all([redis?.stop(), postgres?.stop()]);
});

/** Sends a move and waits until the match shows it applied. */
async function ordered(n: number): Promise<void> {
  room.send(MessageType.order, { kind: "move", ship: SHIP, to: target(n) });
  await expect.poll(() => room.state.ships.get(SHIP)?.destX, { timeout: 5000 }).toBe(target(n).x);
}

describe("an outage of PostgreSQL or Redis", () => {
  it("is logged; the match plays on and takes orders; its saves are retried and catch up when the store is back", { timeout: 120_000 }, async () => {
    room = await new Client(server.url).create("match", { scenario: SCENARIO, seat: "cell-1", name: "Eddington", player: "player-eddington-0001" }, MatchState);
    room.onMessage("*", () => {});
    await expect.poll(() => room.state.tick, { timeout: 10_000 }).toBeGreaterThan(5);
    await ordered(0);

    await postgres.halt();
    const tickAtOutage = room.state.tick;
    await ordered(1);
    await ordered(2);
    await expect.poll(() => server.output(), { timeout: 15_000 }).toContain("its saves are retried");
    await expect.poll(() => server.output(), { timeout: 15_000 }).toContain("cannot renew match leases");
    await ordered(3);
    // Longer than a lease (6 s at 10 ticks a second): the process keeps its match and saves it once the store is back.
    await expect.poll(() => room.state.tick, { timeout: 15_000, message: "the match plays on without its store" }).toBeGreaterThan(tickAtOutage + 80);
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { store: { ok: boolean } }).store.ok).toBe(false);

    await postgres.restart();
    await expect.poll(() => server.output(), { timeout: 30_000 }).toContain("saves have caught up");
    await ordered(4);
    const { db } = await openStore({ dataDir: "", databaseUrl });
    try {
      await expect
        .poll(async () => {
          const saved = await new MatchStore(db).loadMatch(room.roomId);
          return saved!.orders.map((entry) => (entry.order as { to?: { x: number } }).to?.x).filter((x) => x !== undefined);
        }, { timeout: 10_000 })
        .toEqual([0, 1, 2, 3, 4].map((n) => target(n).x));
    } finally {
      await db.destroy();
    }
    expect((await fetch(`${server.url}/health`)).status).toBe(200);

    // Redis goes away: said once; the match plays on; said again when it is back.
    await redis.halt();
    await expect.poll(() => server.output(), { timeout: 15_000 }).toContain("Redis is unreachable");
    const tickWithoutRedis = room.state.tick;
    await ordered(5);
    await expect.poll(() => room.state.tick, { timeout: 10_000 }).toBeGreaterThan(tickWithoutRedis + 20);
    expect((await fetch(`${server.url}/health`)).status).toBe(503);
    await redis.restart();
    await expect.poll(() => server.output(), { timeout: 30_000 }).toContain("Redis is back");
    await expect.poll(async () => (await fetch(`${server.url}/health`)).status, { timeout: 10_000 }).toBe(200);
    expect(server.output()).not.toContain("the server goes on");
  });
});
