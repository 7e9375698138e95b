import { describe, expect, it } from "vitest";
import { MatchLeases } from "../../server/store/matchLeases";
import { MatchStore } from "../../server/store/matchStore";
import { openStore } from "../../server/store/openStore";
import { STORE_KINDS, storeLocations } from "../support/storeBackends";

const locations = storeLocations();

const TTL = 10_000;
const T0 = 1_780_000_000_000;
const newMatch = (id: string) => ({ id, scenarioId: "dorvan-2370", scenarioVersion: "v", seed: 1, difficulty: "normal", isPrivate: false, seats: {} });

describe.each(STORE_KINDS)("match leases (%s)", (kind) => {
  it("lets one owner hold a match until its lease runs out, renews it, and gives it up", async () => {
    const { db } = await openStore(await locations.fresh(kind));
    const leases = new MatchLeases(db);
    expect(await leases.claim("m1", "process-a", TTL, T0)).toBe(true);
    expect(await leases.claim("m1", "process-b", TTL, T0 + TTL - 1)).toBe(false);
    // The owner claiming again keeps it (and extends it).
    expect(await leases.claim("m1", "process-a", TTL, T0 + 5_000)).toBe(true);
    expect(await leases.claim("m1", "process-b", TTL, T0 + TTL + 1)).toBe(false);
    expect(await db.selectFrom("match_leases").selectAll().execute()).toEqual([{ match_id: "m1", owner: "process-a", expires_at: T0 + 5_000 + TTL }]);

    // Renewed, it holds; once it runs out another takes it, and the first learns it lost it.
    expect(await leases.renew("process-a", ["m1"], TTL, T0 + 14_000)).toEqual([]);
    expect(await leases.claim("m1", "process-b", TTL, T0 + 14_000 + TTL - 1)).toBe(false);
    expect(await leases.claim("m1", "process-b", TTL, T0 + 14_000 + TTL)).toBe(true);
    expect(await leases.claim("m2", "process-a", TTL, T0 + 30_000)).toBe(true);
    expect(await leases.renew("process-a", ["m1", "m2", "never-claimed"], TTL, T0 + 30_000)).toEqual(["m1", "never-claimed"]);
    // A lease that ran out but nobody took is still its owner's to renew.
    expect(await leases.renew("process-a", ["m2"], TTL, T0 + 30_000 + 3 * TTL)).toEqual([]);
    expect(await leases.renew("process-a", [], TTL, T0)).toEqual([]);

    // Releasing another's lease does nothing; releasing one's own frees the match at once.
    await leases.release("m1", "process-a");
    expect(await leases.claim("m1", "process-c", TTL, T0 + 30_000)).toBe(false);
    await leases.release("m1", "process-b");
    expect(await leases.claim("m1", "process-c", TTL, T0 + 30_000)).toBe(true);
    expect(await leases.releaseAll("process-a")).toBe(1);
    expect(await leases.claim("m2", "process-c", TTL, T0 + 30_000)).toBe(true);
    await db.destroy();
  });

  it("finds the running matches nobody runs: no lease, or one run out that is not the asker's", async () => {
    const { db } = await openStore(await locations.fresh(kind));
    const store = new MatchStore(db);
    const leases = new MatchLeases(db);
    for (const id of ["unleased", "live", "expired", "own-expired", "aside", "finished"]) await store.createMatch(newMatch(id));
    await store.setAside("aside");
    await store.finishMatch("finished", { winner: "maquis", endReason: "over", scoreMaquis: 1, scoreOccupier: 0, ticks: 1, finalHash: "h", seats: {} });
    await leases.claim("live", "process-b", TTL, T0);
    await leases.claim("expired", "process-b", TTL, T0 - 2 * TTL);
    await leases.claim("own-expired", "process-a", TTL, T0 - 2 * TTL);
    expect((await leases.orphans("process-a", T0)).sort()).toEqual(["expired", "unleased"]);
    // What unfinishedMatches brings back is what orphans looks among.
    expect((await store.unfinishedMatches()).map((match) => match.id).sort()).toEqual(["expired", "live", "own-expired", "unleased"]);
    expect((await leases.orphans("process-c", T0 + TTL)).sort()).toEqual(["expired", "live", "own-expired", "unleased"]);
    await db.destroy();
  });

  it("gives each orphan to exactly one of two processes claiming it at once", async () => {
    const location = await locations.fresh(kind);
    // Two Kysely instances, each with its own connections, as two processes would have. Two processes
    // may start at once on a fresh PostgreSQL database: its migrations take a lock, so both open it.
    // (SQLite's are one process's, opened one after the other.)
    const [first, second] = kind === "postgres" ? await Promise.all([openStore(location), openStore(location)]) : [await openStore(location), await openStore(location)];
    const store = new MatchStore(first.db);
    const claimants = [
      { leases: new MatchLeases(first.db), owner: "process-a" },
      { leases: new MatchLeases(second.db), owner: "process-b" },
      { leases: new MatchLeases(first.db), owner: "process-c" },
      { leases: new MatchLeases(second.db), owner: "process-d" },
    ];
    const ROUNDS = 60;
    const wins = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++) {
      const id = `orphan-${round}`;
      await store.createMatch(newMatch(id));
      const now = Date.now();
      const outcomes = await Promise.all(claimants.map(({ leases, owner }) => leases.claim(id, owner, TTL, now)));
      expect(outcomes.filter(Boolean), `round ${round}`).toHaveLength(1);
      const winner = claimants[outcomes.indexOf(true)]!.owner;
      const held = await first.db.selectFrom("match_leases").select("owner").where("match_id", "=", id).executeTakeFirstOrThrow();
      expect(held.owner, `round ${round}`).toBe(winner);
      wins.set(winner, (wins.get(winner) ?? 0) + 1);
    }
    expect(await claimants[0]!.leases.orphans("process-e")).toEqual([]);
    if (kind === "postgres") expect(wins.size, `winners: ${JSON.stringify([...wins])}`).toBeGreaterThan(1);
    await first.close();
    await second.close();
  });
});
