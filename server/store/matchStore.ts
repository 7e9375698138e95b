import type { Kysely } from "kysely";
import type { ReplayStart } from "../../shared/rules/replay";
import type { StoreTables } from "./tables";

export interface NewMatch {
  id: string;
  scenarioId: string;
  scenarioVersion: string;
  seed: number;
  difficulty: string;
  isPrivate: boolean;
  seats: Record<string, SeatRecord>;
}

export interface SeatRecord {
  name: string;
  side: string;
  human: boolean;
}

export interface MatchResult {
  winner: string;
  endReason: string;
  scoreMaquis: number;
  scoreOccupier: number;
  ticks: number;
  finalHash: string;
  seats: Record<string, SeatRecord>;
}

export interface LoggedOrder {
  tick: number;
  seat: string;
  order: unknown;
}

const now = () => new Date().toISOString();

export type SavedMatch = NonNullable<Awaited<ReturnType<MatchStore["loadMatch"]>>>;

/** Where a resume starts: the match's seed and its snapshot, with the seats people held when it was taken. */
export function savedMatchStart(saved: SavedMatch): ReplayStart {
  const humanSeats = Object.entries(saved.seats).filter(([, seat]) => seat.human).map(([id]) => id);
  return { seed: saved.match.seed, snapshot: saved.snapshot ? { ...saved.snapshot, humanSeats } : undefined };
}

/** What /health says of the store: whether it answers, how many matches it holds, how long it took. */
export interface StoreHealth {
  ok: boolean;
  kind: "sqlite";
  matches?: number;
  milliseconds?: number;
  error?: string;
}

/** The one module that reads and writes matches: set-up, snapshots, the order log and results. */
export class MatchStore {
  constructor(private readonly db: Kysely<StoreTables>) {}

  async createMatch(match: NewMatch): Promise<void> {
    await this.db
      .insertInto("matches")
      .values({
        id: match.id,
        scenario_id: match.scenarioId,
        scenario_version: match.scenarioVersion,
        seed: match.seed,
        difficulty: match.difficulty,
        status: "running",
        created_at: now(),
        finished_at: null,
        ticks: 0,
        winner: null,
        end_reason: null,
        score_maquis: null,
        score_occupier: null,
        final_hash: null,
        private: match.isPrivate ? 1 : 0,
        seats: JSON.stringify(match.seats),
      })
      .execute();
  }

  async appendOrder(matchId: string, entry: LoggedOrder): Promise<void> {
    await this.db.insertInto("orders").values({ match_id: matchId, tick: entry.tick, seat: entry.seat, body: JSON.stringify(entry.order) }).execute();
  }

  /**
   * Replaces the match's snapshot (`state` is its JSON text). The log is kept whole for the replay; the
   * snapshot notes how long the log was when it was written. Writes reach the store in the order the
   * match made them, so that is exactly the number of entries the snapshot's state already contains.
   */
  async saveSnapshot(matchId: string, tick: number, state: string, seats: Record<string, SeatRecord>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const { count } = await trx
        .selectFrom("orders")
        .select((eb) => eb.fn.countAll<number>().as("count"))
        .where("match_id", "=", matchId)
        .executeTakeFirstOrThrow();
      const row = { tick, state, saved_at: now(), log_length: Number(count) };
      await trx
        .insertInto("snapshots")
        .values({ match_id: matchId, ...row })
        .onConflict((conflict) => conflict.column("match_id").doUpdateSet(row))
        .execute();
      await trx.updateTable("matches").set({ ticks: tick, seats: JSON.stringify(seats) }).where("id", "=", matchId).execute();
    });
  }

  async finishMatch(matchId: string, result: MatchResult): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("matches")
        .set({
          status: "finished",
          finished_at: now(),
          ticks: result.ticks,
          winner: result.winner,
          end_reason: result.endReason,
          score_maquis: result.scoreMaquis,
          score_occupier: result.scoreOccupier,
          final_hash: result.finalHash,
          seats: JSON.stringify(result.seats),
        })
        .where("id", "=", matchId)
        .execute();
      await trx.deleteFrom("snapshots").where("match_id", "=", matchId).execute();
    });
  }

  async countMatches(): Promise<number> {
    const row = await this.db.selectFrom("matches").select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** A read that must succeed for the store to be of use; never throws. */
  async health(): Promise<StoreHealth> {
    const started = performance.now();
    try {
      const matches = await this.countMatches();
      return { ok: true, kind: "sqlite", matches, milliseconds: Math.round((performance.now() - started) * 100) / 100 };
    } catch (error) {
      return { ok: false, kind: "sqlite", error: (error as Error).message };
    }
  }

  async unfinishedMatches(): Promise<{ id: string; scenarioId: string; ticks: number }[]> {
    const rows = await this.db.selectFrom("matches").select(["id", "scenario_id", "ticks"]).where("status", "=", "running").orderBy("created_at").execute();
    return rows.map((row) => ({ id: row.id, scenarioId: row.scenario_id, ticks: row.ticks }));
  }

  async loadMatch(matchId: string) {
    const match = await this.db.selectFrom("matches").selectAll().where("id", "=", matchId).executeTakeFirst();
    if (!match) return undefined;
    const snapshot = await this.db.selectFrom("snapshots").selectAll().where("match_id", "=", matchId).executeTakeFirst();
    const orders = await this.db.selectFrom("orders").select(["tick", "seat", "body"]).where("match_id", "=", matchId).orderBy("seq").execute();
    // Snapshots from before the log length was kept hold the entries logged up to their tick.
    const logLength = (tick: number, known: number | null) => known ?? orders.filter((row) => row.tick <= tick).length;
    return {
      match,
      seats: JSON.parse(match.seats) as Record<string, SeatRecord>,
      snapshot: snapshot ? { tick: snapshot.tick, state: JSON.parse(snapshot.state) as unknown, logLength: logLength(snapshot.tick, snapshot.log_length) } : undefined,
      orders: orders.map((row) => ({ tick: row.tick, seat: row.seat, order: JSON.parse(row.body) as unknown })),
      orderLogBytes: orders.reduce((bytes, row) => bytes + row.body.length, 0),
    };
  }

  async results(limit = 50) {
    return this.db
      .selectFrom("matches")
      .select(["id", "scenario_id", "winner", "end_reason", "ticks", "score_maquis", "score_occupier", "final_hash", "seats", "finished_at"])
      .where("status", "=", "finished")
      .orderBy("finished_at", "desc")
      .limit(limit)
      .execute();
  }
}
