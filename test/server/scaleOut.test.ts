import { Client, type Room } from "@colyseus/sdk";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { relocate } from "../../client/net/matchRelocation";
import { findFreePort } from "../../server/portCheck";
import { MessageType, type WelcomeMessage } from "../../shared/protocol/messages";
import { MatchState } from "../../shared/state/MatchState";
import { ensureClientBuilt } from "../support/clientBuild";
import { startPostgres, type PostgresService } from "../support/postgresService";
import { startRedis, type RunningRedis } from "../support/redisService";
import { startServerProcess, type RunningServer } from "../support/serverProcess";

const SCENARIO = "bryma-2370";
const EDDINGTON = "player-eddington-0001";
const EVEK = "player-evek-000000001";
const SVETA = "player-sveta-00000001";

interface Health {
  process: string;
  redis: { ok: boolean };
  store: { ok: boolean; kind: string };
  matches: { held: number; scans: number };
}

let redis: RunningRedis;
let postgres: PostgresService;
let databaseUrl: string;
const servers: RunningServer[] = [];
const dataDir = mkdtempSync(join(tmpdir(), "maquis-scale-"));
const rooms: Room[] = [];

beforeAll(async () => {
  await ensureClientBuilt();
  [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  databaseUrl = await postgres.createDatabase();
});

afterAll(async () => {
  for (const room of rooms) {
    room.reconnection.enabled = false;
    // A connection to the killed process never answers a leave.
    await Promise.race([room.leave().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1000))]);
  }
  await Promise.all(servers.map((server) => server.stop()));
  await Promise.all([redis?.stop(), postgres?.stop()]);
  rmSync(dataDir, { recursive: true, force: true });
});

/** One server process on Redis and PostgreSQL, announcing its own address. */
async function startProcess(): Promise<RunningServer> {
  const port = await findFreePort();
  const server = await startServerProcess(port, { REDIS_URL: redis.url, DATABASE_URL: databaseUrl, PUBLIC_ADDRESS: `127.0.0.1:${port}`, DATA_DIR: dataDir });
  servers.push(server);
  return server;
}

const health = async (server: RunningServer): Promise<Health> => (await fetch(`${server.url}/health`)).json() as Promise<Health>;

/** A player's connection and the seat the server says it holds. */
async function seated(join: Promise<Room<any, MatchState>>): Promise<{ room: Room<any, MatchState>; welcome: WelcomeMessage }> {
  const room = await join;
  rooms.push(room);
  const welcome = await new Promise<WelcomeMessage>((resolve) => room.onMessage(MessageType.welcome, resolve));
  room.onMessage("*", () => {});
  return { room, welcome };
}

describe("several server processes on Redis and PostgreSQL", () => {
  it("lists, joins and reconnects across processes; when the match's process is killed another takes it over and the players get their seats back", { timeout: 180_000 }, async () => {
    const a = await startProcess();
    // Created through A while A is the only process, so the match runs there.
    const eddington = await seated(new Client(a.url).create("match", { scenario: SCENARIO, seat: "cell-1", name: "Eddington", player: EDDINGTON }, MatchState));
    const matchId = eddington.room.roomId;
    const [b, c] = await Promise.all([startProcess(), startProcess()]);
    const processOf = new Map<string, RunningServer>([[(await health(a)).process, a], [(await health(b)).process, b], [(await health(c)).process, c]]);

    // B's lobby lists the match that runs on A.
    const lobby = await new Client(b.url).joinOrCreate("lobby");
    rooms.push(lobby);
    const listed = new Set<string>();
    lobby.onMessage("rooms", (list: { roomId: string }[]) => list.forEach((room) => listed.add(room.roomId)));
    lobby.onMessage("+", ([roomId]: [string]) => listed.add(roomId));
    await expect.poll(() => listed.has(matchId), { timeout: 10_000 }).toBe(true);

    // Joined through B: the seat reservation sends the client to A, where the match is.
    const evek = await seated(new Client(b.url).joinById(matchId, { seat: "occupier", name: "Evek", player: EVEK }, MatchState));
    expect(evek.welcome.seat).toBe("occupier");
    // A reconnection asked of C finds the seat on A (the old connection is taken over, as after a network change).
    const evekAgain = await seated(new Client(c.url).reconnect(evek.room.reconnectionToken, MatchState));
    expect(evekAgain.welcome.seat).toBe("occupier");
    const sveta = await seated(new Client(c.url).joinById(matchId, { seat: "cell-2", name: "Sveta", player: SVETA }, MatchState));
    await expect.poll(() => eddington.room.state.tick, { timeout: 10_000 }).toBeGreaterThan(20);
    const players = [
      { who: eddington, seat: "cell-1", name: "Eddington", player: EDDINGTON },
      { who: evekAgain, seat: "occupier", name: "Evek", player: EVEK },
      { who: sveta, seat: "cell-2", name: "Sveta", player: SVETA },
    ];
    const dropped = players.map(({ who }) => new Promise<void>((resolve) => who.room.onDrop(() => resolve())));

    const tickAtKill = eddington.room.state.tick;
    const killedAt = performance.now();
    a.kill("SIGKILL");
    await Promise.all(dropped);
    for (const { who } of players) who.room.reconnection.enabled = false;

    // Each client looks for its match (as client/net/matchSession.ts does), through whichever process it reaches.
    const back = await Promise.all(
      players.map(({ seat, name, player }, i) =>
        relocate(
          () => seated(new Client([b, c][i % 2]!.url).joinById(matchId, { seat, name, player }, MatchState)),
          ({ room }) => void room.leave(),
          60_000,
          1500,
        ).found,
      ),
    );
    const seconds = (performance.now() - killedAt) / 1000;
    console.log(`scale-out: the match was back on another process and all ${players.length} players in their seats ${seconds.toFixed(1)} s after SIGKILL`);
    if (back.some((found) => found === null)) for (const [name, server] of Object.entries({ a, b, c })) writeFileSync(`/tmp/scale-${name}.log`, server.output());
    for (const [i, found] of back.entries()) {
      expect(found, `${players[i]!.name} found the match again`).not.toBeNull();
      expect(found!.welcome.seat).toBe(players[i]!.seat);
    }
    const resumed = back[0]!.room;
    for (const { seat, name } of players) await expect.poll(() => resumed.state.seats.get(seat)?.playerName).toBe(name);
    // Resumed from its last snapshot and its log: no further back than one snapshot interval, and it plays on.
    expect(resumed.state.tick).toBeGreaterThan(0);
    await expect.poll(() => resumed.state.tick, { timeout: 10_000 }).toBeGreaterThan(tickAtKill);

    // Exactly one of B and C took the match over: the lease in the store names it, and the other, having
    // looked for orphans at least twice since, took nothing.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const lease = (await db.query("select owner from match_leases where match_id = $1", [matchId])).rows[0] as { owner: string } | undefined;
    await db.end();
    const winner = processOf.get(lease!.owner);
    expect([b, c]).toContain(winner);
    const loser = winner === b ? c : b;
    const scansNow = (await health(loser)).matches.scans;
    await expect.poll(async () => (await health(loser)).matches.scans, { timeout: 15_000 }).toBeGreaterThanOrEqual(scansNow + 2);
    expect(winner!.output()).toContain(`Took over 1 match whose process stopped: ${matchId}`);
    expect(loser.output()).not.toContain("Took over");
    expect((await health(winner!)).matches.held).toBe(1);
    expect((await health(loser)).matches.held).toBe(0);
  });
});
