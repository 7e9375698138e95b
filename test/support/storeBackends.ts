import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach } from "vitest";
import type { StoreLocation } from "../../server/store/openStore";
import type { StoreKind } from "../../server/store/storeKind";
import { startPostgres, type PostgresService } from "./postgresService";

/** Every database the store runs on: store tests run once on each. */
export const STORE_KINDS: readonly StoreKind[] = ["sqlite", "postgres"];

/**
 * Fresh, empty store locations for one test file: SQLite in a new temporary folder, or a new database
 * on the file's own PostgreSQL server (started on first use, stopped after the file). Call at the top of the file.
 */
export function storeLocations(): { fresh(kind: StoreKind): Promise<StoreLocation> } {
  const dirs: string[] = [];
  let postgres: Promise<PostgresService> | undefined;
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  afterAll(async () => {
    await (await postgres)?.stop();
  });
  return {
    async fresh(kind) {
      const dataDir = mkdtempSync(join(tmpdir(), "maquis-store-"));
      dirs.push(dataDir);
      if (kind === "sqlite") return { dataDir };
      postgres ??= startPostgres();
      return { dataDir, databaseUrl: await (await postgres).createDatabase() };
    },
  };
}
