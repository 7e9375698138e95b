import { Client, type Room } from "@colyseus/sdk";
import fc from "fast-check";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../server/portCheck";
import { SNAPSHOT_SECONDS } from "../../server/rooms/MatchRoom";
import { MatchStore, savedMatchStart } from "../../server/store/matchStore";
import { openStore } from "../../server/store/openStore";
import { joinOptionsSchema } from "../../shared/protocol/joinOptions";
import { MessageType } from "../../shared/protocol/messages";
import { TICK_RATE } from "../../shared/rules/clock";
import { replayMatch, resumeMatch } from "../../shared/rules/replay";
import { stateHash } from "../../shared/rules/stateHash";
import { MatchState } from "../../shared/state/MatchState";
import { ensureClientBuilt } from "../support/clientBuild";
import { bundledScenario } from "../support/scenarios";
import { startServerProcess, type RunningServer } from "../support/serverProcess";

const SCENARIO = "dorvan-2370";
const SHIP = "raider-1";
const KILLS = 5;
const SNAPSHOT_TICKS = SNAPSHOT_SECONDS * TICK_RATE;
/** Orders go out a little under the message limit, so the store is written to all the time and a kill lands mid-write. */
const ORDER_INTERVAL_MS = 60;
/** Seeded so a failing run can be repeated: KILL_SEED=… npm test -- crashRecovery */
const SEED = Number(process.env.KILL_SEED ?? Date.now() % 1_000_000);

/** Each move order goes to a point no other order names, so its effect (the ship's destination) identifies it. */
const target = (n: number) => ({ x: 100 + (n % 800), y: 100 + Math.floor(n / 800) * 7 });
const sameTarget = (a: { x: number; y: number }, b: { x: number; y: number }) => a.x === b.x && a.y === b.y;

/** When to kill, after the cell rejoined: random moments, two of them about one snapshot interval in. */
function killDelays(): number[] {
  const random = fc.sample(fc.integer({ min: 300, max: 2 * SNAPSHOT_SECONDS * 1000 }), { seed: SEED, numRuns: KILLS });
  // Snapshots come every SNAPSHOT_SECONDS at a phase of each room's own (at most SNAPSHOT_SECONDS after its creation or resume).
  random[1] = SNAPSHOT_SECONDS * 1000 + (random[1]! % 40);
  random[3] = SNAPSHOT_SECONDS * 1000 - (random[3]! % 40);
  return random;
}

const running: RunningServer[] = [];
const dataDir = mkdtempSync(join(tmpdir(), "maquis-crash-"));
afterAll(async () => {
  await Promise.all(running.map((server) => server.stop()));
  rmSync(dataDir, { recursive: true, force: true });
});

async function openCell(url: string, matchId: string | null): Promise<Room<any, MatchState>> {
  const client = new Client(url);
  const options = { scenario: SCENARIO, seat: "cell-1", name: "Eddington" };
  const room = matchId ? await client.joinById(matchId, options, MatchState) : await client.create("match", options, MatchState);
  room.onMessage("*", () => {});
  await new Promise<void>((resolve) => room.onStateChange.once(() => resolve()));
  room.reconnection.enabled = false;
  return room;
}

describe("crash recovery", () => {
  it(`loses no accepted order across ${KILLS} SIGKILLs at random moments and mid-write, and at most one snapshot interval of ticks (seed ${SEED})`, { timeout: 240_000 }, async () => {
    await ensureClientBuilt();
    const port = await findFreePort();
    const scenario = bundledScenario(SCENARIO);
    let matchId: string | null = null;
    let oldToken: string | null = null;
    let sent = 0;
    const figures = { accepted: 0, foundInLog: 0, maxTicksLost: -Infinity, snapshotsBehind: [] as number[] };
    for (const [cycle, delay] of killDelays().entries()) {
      const server = await startServerProcess(port, { DATA_DIR: dataDir });
      running.push(server);
      if (matchId) {
        expect(server.output()).toContain(`Resumed 1 unfinished match: ${matchId}`);
        // The connection the crash cut is gone for good; the seat is free to take again.
        await expect(new Client(server.url).reconnect(oldToken!, MatchState)).rejects.toThrow();
      }
      const room = await openCell(server.url, matchId);
      matchId = room.roomId;
      oldToken = room.reconnectionToken;

      // Orders go out steadily; one counts as accepted when the cell sees its effect in a patch.
      const accepted: { x: number; y: number }[] = [];
      room.onStateChange(() => {
        const ship = room.state.ships.get(SHIP);
        if (!ship) return;
        const seen = { x: ship.destX, y: ship.destY };
        if (ship.moving && !accepted.some((earlier) => sameTarget(earlier, seen))) accepted.push(seen);
      });
      const sender = setInterval(() => room.send(MessageType.order, { kind: "move", ship: SHIP, to: target(sent++) }), ORDER_INTERVAL_MS);
      await new Promise((resolve) => setTimeout(resolve, delay));
      const tickSeen = room.state.tick;
      server.kill("SIGKILL");
      await server.stop();
      clearInterval(sender);

      const { db } = await openStore({ dataDir });
      try {
        const saved = (await new MatchStore(db).loadMatch(matchId))!;
        const logged = saved.orders.map((entry) => entry.order as { kind: string; to?: { x: number; y: number } }).filter((order) => order.kind === "move" && order.to);
        const missing = accepted.filter((seen) => !logged.some((order) => sameTarget(order.to!, seen)));
        expect(missing, `cycle ${cycle}: orders seen applied but not in the log`).toEqual([]);
        figures.accepted += accepted.length;
        figures.foundInLog += accepted.length - missing.length;
        // Resume (snapshot + the entries after it) must reach the same state as replaying the whole log.
        const difficulty = joinOptionsSchema.shape.difficulty.parse(saved.match.difficulty);
        const ai = { occupier: difficulty, maquis: difficulty };
        const resumed = resumeMatch(scenario, savedMatchStart(saved), ai, saved.orders).match;
        const replayed = replayMatch(scenario, { seed: saved.match.seed }, ai, saved.orders, resumed.state.tick);
        expect(stateHash(resumed.state), `cycle ${cycle}: resume and full replay differ at tick ${resumed.state.tick}`).toBe(stateHash(replayed.state));
        const ticksLost = tickSeen - resumed.state.tick;
        expect(ticksLost, `cycle ${cycle}`).toBeLessThanOrEqual(SNAPSHOT_TICKS);
        figures.maxTicksLost = Math.max(figures.maxTicksLost, ticksLost);
        figures.snapshotsBehind.push(tickSeen - (saved.snapshot?.tick ?? 0));
      } finally {
        await db.destroy();
      }
    }
    console.log(`crash recovery (seed ${SEED}): ${KILLS} kills, ${sent} orders sent, ${figures.accepted} seen applied, ${figures.foundInLog} of them in the log after the crash; ticks lost at most ${figures.maxTicksLost} (limit ${SNAPSHOT_TICKS}); ticks from snapshot to kill ${figures.snapshotsBehind.join(", ")}`);
  });
});
