import type Database from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

/** Compiled statements kept per database; a query whose text varies (a list of ids) just takes another slot. */
const CACHED_STATEMENTS = 256;

/**
 * better-sqlite3 compiles a statement on every prepare, and Kysely prepares each query it runs. Under
 * load the same few statements (an order appended, a snapshot saved, the leases renewed) run thousands
 * of times a minute, so each compiled statement is kept and run again, the least recently used let go
 * first. Safe because better-sqlite3 runs one statement at a time on one connection.
 */
export function withStatementCache(sqlite: Database.Database, size = CACHED_STATEMENTS): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement) statements.delete(sql);
      else {
        statement = sqlite.prepare(sql);
        if (statements.size >= size) statements.delete(statements.keys().next().value!);
      }
      // Re-inserted: a Map keeps insertion order, so the first key is the least recently used.
      statements.set(sql, statement);
      return statement;
    },
  };
}
