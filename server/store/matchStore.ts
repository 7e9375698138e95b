import type { Kysely } from "kysely";
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

  /** Replaces the match's snapshot; the orders logged up to its tick are kept for the replay. */
  async saveSnapshot(matchId: string, tick: number, state: unknown, seats: Record<string, SeatRecord>): Promise<void> {
    const text = JSON.stringify(state);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("snapshots")
        .values({ match_id: matchId, tick, state: text, saved_at: now() })
        .onConflict((conflict) => conflict.column("match_id").doUpdateSet({ tick, state: text, saved_at: now() }))
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

  async unfinishedMatches(): Promise<{ id: string; scenarioId: string; ticks: number }[]> {
    const rows = await this.db.selectFrom("matches").select(["id", "scenario_id", "ticks"]).where("status", "=", "running").orderBy("created_at").execute();
    return rows.map((row) => ({ id: row.id, scenarioId: row.scenario_id, ticks: row.ticks }));
  }

  async loadMatch(matchId: string) {
    const match = await this.db.selectFrom("matches").selectAll().where("id", "=", matchId).executeTakeFirst();
    if (!match) return undefined;
    const snapshot = await this.db.selectFrom("snapshots").selectAll().where("match_id", "=", matchId).executeTakeFirst();
    const orders = await this.db.selectFrom("orders").select(["tick", "seat", "body"]).where("match_id", "=", matchId).orderBy("seq").execute();
    return {
      match,
      seats: JSON.parse(match.seats) as Record<string, SeatRecord>,
      snapshot: snapshot ? { tick: snapshot.tick, state: JSON.parse(snapshot.state) as unknown } : undefined,
      orders: orders.map((row) => ({ tick: row.tick, seat: row.seat, order: JSON.parse(row.body) as unknown })),
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
