import { sql, type Kysely } from "kysely";
import type { ChatLine } from "../../shared/protocol/matchMessages";
import type { ReplayStart } from "../../shared/rules/replay";
import { storeKind, type StoreKind } from "./storeKind";
import type { StoreTables } from "./tables";

export interface NewMatch {
  id: string;
  scenarioId: string;
  scenarioVersion: string;
  seed: number;
  difficulty: string;
  isPrivate: boolean;
  seats: Record<string, SeatRecord>;
  /** The log the match starts with: a match played on from a moment of another brings that one's log up to there. */
  log?: LoggedOrder[];
}

/** Log entries copied per insert statement (SQLite bounds the values one statement may carry). */
const LOG_ROWS_PER_INSERT = 200;

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

const orderRow = (matchId: string, entry: LoggedOrder) => ({ match_id: matchId, tick: entry.tick, seat: entry.seat, body: JSON.stringify(entry.order) });

export type SavedMatch = NonNullable<Awaited<ReturnType<MatchStore["loadMatch"]>>>;

/** Where a resume starts: the match's seed and its snapshot, with the seats people held when it was taken. */
export function savedMatchStart(saved: SavedMatch): ReplayStart {
  const humanSeats = Object.entries(saved.seats).filter(([, seat]) => seat.human).map(([id]) => id);
  return { seed: saved.match.seed, snapshot: saved.snapshot ? { ...saved.snapshot, humanSeats } : undefined };
}

/** What /health says of the store: whether it answers, how many matches it holds, how long it took. */
export interface StoreHealth {
  ok: boolean;
  kind: StoreKind;
  matches?: number;
  milliseconds?: number;
  error?: string;
}

/** The one module that reads and writes matches: set-up, snapshots, the order log and results. */
export class MatchStore {
  private readonly kind: StoreKind;

  constructor(private readonly db: Kysely<StoreTables>) {
    this.kind = storeKind(db);
  }

  /** A top-level field of a snapshot's JSON state, as SQL (SQLite's json_extract; PostgreSQL's ->>, which gives text). */
  private snapshotField(field: "hours" | "phase") {
    return this.kind === "postgres" ? sql<string | null>`(snapshots.state::json ->> ${sql.lit(field)})` : sql<number | string | null>`json_extract(snapshots.state, ${sql.lit(`$.${field}`)})`;
  }

  /** A new match, with the log it starts with if any, in one transaction: never a match without its beginning. */
  async createMatch(match: NewMatch): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
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
      const rows = (match.log ?? []).map((entry) => orderRow(match.id, entry));
      for (let at = 0; at < rows.length; at += LOG_ROWS_PER_INSERT) await trx.insertInto("orders").values(rows.slice(at, at + LOG_ROWS_PER_INSERT)).execute();
    });
  }

  async appendOrder(matchId: string, entry: LoggedOrder): Promise<void> {
    await this.db.insertInto("orders").values(orderRow(matchId, entry)).execute();
  }

  /**
   * Replaces the match's snapshot (`state` is its JSON text). The log is kept whole for the replay; the
   * snapshot notes how long the log was when it was written. Writes reach the store in the order the
   * match made them, so the entries the store holds are exactly those the snapshot's state already
   * contains: counted by the store itself (an order whose write failed is not counted), within the
   * upsert. The state is sent once (the update reads it back from `excluded`): two statements in all.
   */
  async saveSnapshot(matchId: string, tick: number, state: string, seats: Record<string, SeatRecord>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("snapshots")
        .values((eb) => ({
          match_id: matchId,
          tick,
          state,
          saved_at: now(),
          log_length: eb.selectFrom("orders").select(eb.fn.countAll<number>().as("count")).where("match_id", "=", matchId),
        }))
        .onConflict((conflict) =>
          conflict.column("match_id").doUpdateSet((eb) => ({
            tick: eb.ref("excluded.tick"),
            state: eb.ref("excluded.state"),
            saved_at: eb.ref("excluded.saved_at"),
            log_length: eb.ref("excluded.log_length"),
          })),
        )
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
      return { ok: true, kind: this.kind, matches, milliseconds: Math.round((performance.now() - started) * 100) / 100 };
    } catch (error) {
      return { ok: false, kind: this.kind, error: (error as Error).message };
    }
  }

  /**
   * Notes who holds a seat now (a browser's player id), replacing whoever held it before; null forgets
   * the holder (someone without an id took the seat), so the earlier one can no longer continue as it.
   */
  async setSeatPlayer(matchId: string, seat: string, player: string | null): Promise<void> {
    if (player === null) {
      await this.db.deleteFrom("seat_players").where("match_id", "=", matchId).where("seat", "=", seat).execute();
      return;
    }
    const row = { player, held_at: now() };
    await this.db
      .insertInto("seat_players")
      .values({ match_id: matchId, seat, ...row })
      .onConflict((conflict) => conflict.columns(["match_id", "seat"]).doUpdateSet(row))
      .execute();
  }

  /** Seat id → the player id that last held it. */
  async seatPlayers(matchId: string): Promise<Record<string, string>> {
    const rows = await this.db.selectFrom("seat_players").select(["seat", "player"]).where("match_id", "=", matchId).execute();
    return Object.fromEntries(rows.map((row) => [row.seat, row.player]));
  }

  /** Adds a chat line and keeps only the newest `keep` of the match. */
  async appendChat(matchId: string, line: ChatLine, keep: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto("chat_lines").values({ match_id: matchId, sender: line.from, side: line.side, audience: line.to, text: line.text, sent_at: now() }).execute();
      const oldestKept = await trx.selectFrom("chat_lines").select("seq").where("match_id", "=", matchId).orderBy("seq", "desc").offset(keep - 1).limit(1).executeTakeFirst();
      if (oldestKept) await trx.deleteFrom("chat_lines").where("match_id", "=", matchId).where("seq", "<", oldestKept.seq).execute();
    });
  }

  /** The newest `limit` chat lines of a match, oldest first. */
  async chatLines(matchId: string, limit: number): Promise<ChatLine[]> {
    const rows = await this.db.selectFrom("chat_lines").select(["sender", "side", "audience", "text"]).where("match_id", "=", matchId).orderBy("seq", "desc").limit(limit).execute();
    return rows.reverse().map((row) => ({ from: row.sender, side: row.side, to: row.audience as ChatLine["to"], text: row.text }));
  }

  /** A running match nobody plays: kept for its players to continue, not brought back when the server starts. */
  async setAside(matchId: string): Promise<void> {
    await this.db.updateTable("matches").set({ status: "aside", set_aside_at: now() }).where("id", "=", matchId).where("status", "=", "running").execute();
  }

  /** A match set aside runs again (one of its players continued it). */
  async markRunning(matchId: string): Promise<void> {
    await this.db.updateTable("matches").set({ status: "running" }).where("id", "=", matchId).where("status", "=", "aside").execute();
  }

  /**
   * The unfinished matches (running or set aside) in which this player holds, or last held, a seat:
   * newest first. A match in which the player held no seat is never among them.
   */
  async continuableMatches(player: string, limit = 20) {
    const rows = await this.db
      .selectFrom("seat_players")
      .innerJoin("matches", "matches.id", "seat_players.match_id")
      .leftJoin("snapshots", "snapshots.match_id", "seat_players.match_id")
      .select([
        "matches.id as id",
        "matches.scenario_id as scenarioId",
        "matches.status as status",
        "matches.private as private",
        "matches.seats as seats",
        "matches.created_at as createdAt",
        "seat_players.seat as seat",
        "snapshots.saved_at as savedAt",
        this.snapshotField("hours").as("hours"),
        this.snapshotField("phase").as("phase"),
      ])
      .where("seat_players.player", "=", player)
      .where("matches.status", "in", ["running", "aside"])
      .orderBy(sql`coalesce(snapshots.saved_at, matches.created_at)`, "desc")
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      scenarioId: row.scenarioId,
      status: row.status,
      private: row.private === 1,
      seat: row.seat,
      seatRecord: (JSON.parse(row.seats) as Record<string, SeatRecord>)[row.seat],
      hours: Number(row.hours ?? 0),
      phase: row.phase === null ? "playing" : String(row.phase),
      savedAt: row.savedAt ?? row.createdAt,
    }));
  }

  /** Matches to bring back when the server starts: those running when it stopped (not those set aside, nor finished). */
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
