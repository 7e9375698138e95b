import Database from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { Migrator, type MigrationProvider } from "kysely/migration";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { describeError, log } from "../log";
import { PostgresTextPlugin } from "./postgresText";
import { schemaMigrations } from "./schemaMigrations";
import { withStatementCache } from "./statementCache";
import type { StoreKind } from "./storeKind";
import type { StoreTables } from "./tables";

export const DATABASE_FILE = "maquis.sqlite";

export class StoreError extends Error {}

/** Where the store lives: PostgreSQL when a URL is given, else SQLite in the data folder. */
export interface StoreLocation {
  dataDir: string;
  /** postgres://… (DATABASE_URL); absent or null: SQLite in `dataDir`. */
  databaseUrl?: string | null;
}

/** An open store: its Kysely instance, which database it is, and where (never a password). */
export interface OpenStore {
  db: Kysely<StoreTables>;
  kind: StoreKind;
  /** For logs: the SQLite file's path, or "PostgreSQL at host:port/database". */
  describe: string;
  close(): Promise<void>;
}

const provider: MigrationProvider = { getMigrations: async () => schemaMigrations };

/** Connections a process keeps to PostgreSQL: its writes are queued per match, so a few suffice. */
const POSTGRES_POOL_SIZE = 10;
const POSTGRES_CONNECT_TIMEOUT_MS = 10_000;
/** PostgreSQL's int8 (counts, bigint columns): as JS numbers, like SQLite gives them; every value we keep fits. */
const INT8_OID = 20;

/** Opens the store (SQLite unless a database URL is given) and brings its schema up to date. */
export async function openStore(location: StoreLocation): Promise<OpenStore> {
  return location.databaseUrl ? openPostgres(location.databaseUrl) : openSqlite(location.dataDir);
}

/** "PostgreSQL at host:port/database", leaving out the user and password. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.host || "localhost"}${parsed.pathname === "/" ? "" : parsed.pathname}`;
  } catch {
    return "PostgreSQL (at an unreadable URL)";
  }
}

async function migrate(db: Kysely<StoreTables>, where: string): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw new StoreError(`the database ${where} could not be brought up to date: ${(error as Error).message}`);
  }
}

/**
 * The SQLite store in DATA_DIR. A file that is not a database, or is damaged, stops start-up with a
 * message naming it: never a silent fresh start over someone's data.
 */
async function openSqlite(dataDir: string): Promise<OpenStore> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DATABASE_FILE);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    const check = sqlite.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new Error(`integrity check says: ${String(check)}`);
  } catch (error) {
    throw new StoreError(
      `the database ${file} cannot be used (${(error as Error).message}). Move it aside to start with an empty one, or restore it from a backup.`,
    );
  }
  const db = new Kysely<StoreTables>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  await migrate(db, file);
  return { db, kind: "sqlite", describe: file, close: () => db.destroy() };
}

/** The PostgreSQL store at DATABASE_URL; a server that does not answer stops start-up with a message naming it. */
async function openPostgres(url: string): Promise<OpenStore> {
  const where = describePostgresUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: POSTGRES_POOL_SIZE,
    connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS,
    types: { getTypeParser: (oid: number, format?: "text" | "binary") => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format as "text")) },
  });
  // An idle connection the server drops is reported here; unheard, it would end the process.
  pool.on("error", (error) => log.error({ error: describeError(error), store: where }, "a PostgreSQL connection failed; the pool opens another"));
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new StoreError(`cannot connect to ${where} (${(error as Error).message}). Check DATABASE_URL and that the server is running.`);
  }
  const db = new Kysely<StoreTables>({ dialect: new PostgresDialect({ pool }), plugins: [new PostgresTextPlugin()] });
  await migrate(db, where);
  return { db, kind: "postgres", describe: where, close: () => db.destroy() };
}
