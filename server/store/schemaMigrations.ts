import type { CreateTableBuilder, Kysely } from "kysely";
import type { Migration } from "kysely/migration";
import { storeKind } from "./storeKind";

/**
 * An auto-numbered primary key: SQLite's `integer primary key autoincrement` (as released), PostgreSQL's
 * `bigserial` (it has no autoincrement).
 */
function withSerialKey<T extends string>(db: Kysely<unknown>, table: CreateTableBuilder<T, never>, column: string): CreateTableBuilder<T, never> {
  return storeKind(db) === "postgres"
    ? table.addColumn(column, "bigserial", (c) => c.primaryKey())
    : table.addColumn(column, "integer", (c) => c.primaryKey().autoIncrement());
}

/** Bytes: SQLite's blob, PostgreSQL's bytea. */
const bytesType = (db: Kysely<unknown>) => (storeKind(db) === "postgres" ? "bytea" : "blob");

/** The store's schema, one step per change; applied on start, never edited once released. */
export const schemaMigrations: Record<string, Migration> = {
  "001-matches-snapshots-orders": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("matches")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("scenario_id", "text", (c) => c.notNull())
        .addColumn("scenario_version", "text", (c) => c.notNull())
        .addColumn("seed", "integer", (c) => c.notNull())
        .addColumn("difficulty", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("finished_at", "text")
        .addColumn("ticks", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("winner", "text")
        .addColumn("end_reason", "text")
        .addColumn("score_maquis", "integer")
        .addColumn("score_occupier", "integer")
        .addColumn("seats", "text", (c) => c.notNull().defaultTo("{}"))
        .execute();
      await db.schema
        .createTable("snapshots")
        .addColumn("match_id", "text", (c) => c.primaryKey().references("matches.id").onDelete("cascade"))
        .addColumn("tick", "integer", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("saved_at", "text", (c) => c.notNull())
        .execute();
      await withSerialKey(db, db.schema.createTable("orders"), "seq")
        .addColumn("match_id", "text", (c) => c.notNull().references("matches.id").onDelete("cascade"))
        .addColumn("tick", "integer", (c) => c.notNull())
        .addColumn("seat", "text", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("orders_by_match").on("orders").columns(["match_id", "seq"]).execute();
    },
  },
  "002-final-hash": {
    /** The hash of a finished match's final state, so a replay can prove it reached the same end. */
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("matches").addColumn("final_hash", "text").execute();
    },
  },
  "003-private-matches": {
    /** Whether the match is private (joined by code only), so it stays private when resumed. */
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("matches").addColumn("private", "integer", (c) => c.notNull().defaultTo(0)).execute();
    },
  },
  "004-snapshot-log-length": {
    /** How many log entries a snapshot contains: resume applies exactly the entries after it, whatever their tick. */
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("snapshots").addColumn("log_length", "integer").execute();
    },
  },
  "005-seat-players-chat-set-aside": {
    /**
     * Who held each seat (a browser's random player id), so they can find the match again and continue
     * it; the match's chat, so a reload or a restart keeps it; and when a match nobody played was set aside.
     */
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("seat_players")
        .addColumn("match_id", "text", (c) => c.notNull().references("matches.id").onDelete("cascade"))
        .addColumn("seat", "text", (c) => c.notNull())
        .addColumn("player", "text", (c) => c.notNull())
        .addColumn("held_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("seat_players_pk", ["match_id", "seat"])
        .execute();
      await db.schema.createIndex("seat_players_by_player").on("seat_players").columns(["player"]).execute();
      await withSerialKey(db, db.schema.createTable("chat_lines"), "seq")
        .addColumn("match_id", "text", (c) => c.notNull().references("matches.id").onDelete("cascade"))
        .addColumn("sender", "text", (c) => c.notNull())
        .addColumn("side", "text", (c) => c.notNull())
        .addColumn("audience", "text", (c) => c.notNull())
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("sent_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("chat_lines_by_match").on("chat_lines").columns(["match_id", "seq"]).execute();
      await db.schema.alterTable("matches").addColumn("set_aside_at", "text").execute();
    },
  },
  "006-published-scenarios": {
    /** Community scenarios: every published version (never changed once published), and the hash of each one's edit token. */
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("published_scenarios")
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("author", "text", (c) => c.notNull())
        .addColumn("changelog", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("title_search", "text", (c) => c.notNull())
        .addColumn("author_search", "text", (c) => c.notNull())
        .addColumn("universe", "text", (c) => c.notNull())
        .addColumn("year", "integer", (c) => c.notNull())
        .addColumn("file", "text", (c) => c.notNull())
        .addColumn("content_hash", "text", (c) => c.notNull())
        .addColumn("published_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("published_scenarios_pk", ["id", "version"])
        .execute();
      await db.schema.createIndex("published_scenarios_by_hash").on("published_scenarios").columns(["id", "content_hash"]).execute();
      await db.schema
        .createTable("scenario_owners")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("token_hash", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
    },
  },
  "007-editor-drafts": {
    /** Scenario drafts several modders edit together, kept between sessions until left untouched for LIMITS.draftKeptDays. */
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("drafts")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("state", bytesType(db), (c) => c.notNull())
        .addColumn("bytes", "integer", (c) => c.notNull())
        .addColumn("problems", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("drafts_by_updated_at").on("drafts").columns(["updated_at"]).execute();
    },
  },
  "008-published-summaries": {
    /** What the Community list shows of each version, kept at publish, so listing never reads or parses the files. */
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("published_scenarios").addColumn("summary", "text").execute();
    },
  },
  "009-match-leases": {
    /**
     * Which process runs each match, until when: a process renews its leases while it runs the match, and
     * a match whose lease has run out (its process died) is taken over by another. Times are ms since the epoch.
     */
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("match_leases")
        .addColumn("match_id", "text", (c) => c.primaryKey())
        .addColumn("owner", "text", (c) => c.notNull())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("match_leases_by_owner").on("match_leases").columns(["owner"]).execute();
      // Every process looks for orphans often, among matches the store keeps for good: the running ones, by index.
      await db.schema.createIndex("matches_by_status").on("matches").columns(["status", "created_at"]).execute();
    },
  },
};
