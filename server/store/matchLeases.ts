import type { Kysely } from "kysely";
import type { StoreTables } from "./tables";

/**
 * Which process runs each match, so no match is run by two at once. A process claims a match before it
 * runs it and renews its leases while it does; a lease not renewed runs out, and the match (its process
 * gone) is an orphan another process may claim and resume. Each claim is one statement, atomic in SQLite
 * and in PostgreSQL (insert … on conflict do update waits for a concurrent claim's row, then re-checks it).
 * `owner` is a process's own id, unique per start; times are ms since the epoch.
 */
export class MatchLeases {
  constructor(private readonly db: Kysely<StoreTables>) {}

  /** Takes the match's lease if nobody holds it, it has run out, or `owner` already holds it; false if another live owner does. */
  async claim(matchId: string, owner: string, ttlMs: number, now = Date.now()): Promise<boolean> {
    const taken = await this.db
      .insertInto("match_leases")
      .values({ match_id: matchId, owner, expires_at: now + ttlMs })
      .onConflict((conflict) =>
        conflict
          .column("match_id")
          .doUpdateSet((eb) => ({ owner: eb.ref("excluded.owner"), expires_at: eb.ref("excluded.expires_at") }))
          .where((eb) => eb.or([eb("match_leases.expires_at", "<=", now), eb("match_leases.owner", "=", eb.ref("excluded.owner"))])),
      )
      .returning("owner")
      .executeTakeFirst();
    return taken?.owner === owner;
  }

  /**
   * Extends `owner`'s leases on these matches to `now + ttlMs`, and returns the ids it no longer holds
   * (its lease ran out and another process claimed the match, or it is gone): their rooms must stop.
   * A lease that ran out but nobody claimed is still the owner's, and renewed.
   */
  async renew(owner: string, matchIds: readonly string[], ttlMs: number, now = Date.now()): Promise<string[]> {
    if (matchIds.length === 0) return [];
    const renewed = await this.db
      .updateTable("match_leases")
      .set({ expires_at: now + ttlMs })
      .where("owner", "=", owner)
      .where("match_id", "in", matchIds)
      .returning("match_id")
      .execute();
    const held = new Set(renewed.map((row) => row.match_id));
    return matchIds.filter((id) => !held.has(id));
  }

  /** Gives up the lease (the match finished, was set aside, or its process is stopping); another's lease is left alone. */
  async release(matchId: string, owner: string): Promise<void> {
    await this.db.deleteFrom("match_leases").where("match_id", "=", matchId).where("owner", "=", owner).execute();
  }

  /** Gives up every lease `owner` holds (the process is stopping, its matches saved); returns how many. */
  async releaseAll(owner: string): Promise<number> {
    const result = await this.db.deleteFrom("match_leases").where("owner", "=", owner).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Forgets every lease, whoever held it: for a process alone on its SQLite file, whose earlier life (a crash) left them behind. */
  async forgetAll(): Promise<void> {
    await this.db.deleteFrom("match_leases").execute();
  }

  /**
   * Matches the store holds as running (not set aside, not finished: what MatchStore.unfinishedMatches
   * brings back) that nobody runs: no lease, or one that has run out and is not `owner`'s. Oldest first.
   */
  async orphans(owner: string, now = Date.now()): Promise<string[]> {
    const rows = await this.db
      .selectFrom("matches")
      .leftJoin("match_leases", "match_leases.match_id", "matches.id")
      .select("matches.id as id")
      .where("matches.status", "=", "running")
      .where((eb) => eb.or([eb("match_leases.match_id", "is", null), eb.and([eb("match_leases.expires_at", "<=", now), eb("match_leases.owner", "!=", owner)])]))
      .orderBy("matches.created_at")
      .orderBy("matches.id")
      .execute();
    return rows.map((row) => row.id);
  }
}
