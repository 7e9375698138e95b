import { PostgresAdapter, type Kysely } from "kysely";

/** Which database a store runs on: the few statements that differ between the two branch on it. */
export type StoreKind = "sqlite" | "postgres";

/** Read from the Kysely instance itself, so migrations and store modules need nothing passed in. */
export function storeKind(db: Kysely<any>): StoreKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}
