import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { Migrator, type MigrationProvider } from "kysely/migration";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { schemaMigrations } from "./schemaMigrations";
import type { StoreTables } from "./tables";

export const DATABASE_FILE = "maquis.sqlite";

export class StoreError extends Error {}

const provider: MigrationProvider = { getMigrations: async () => schemaMigrations };

/**
 * Opens the SQLite store in DATA_DIR and brings its schema up to date. A file that is not a database,
 * or is damaged, stops start-up with a message naming it: never a silent fresh start over someone's data.
 */
export async function openStore(dataDir: string): Promise<Kysely<StoreTables>> {
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
  const db = new Kysely<StoreTables>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw new StoreError(`the database ${file} could not be brought up to date: ${(error as Error).message}`);
  }
  return db;
}
