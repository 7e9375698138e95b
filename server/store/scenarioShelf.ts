import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { PublishedScenarioTable, StoreTables } from "./tables";

/** A version to publish: the file as sent, what lists show of it, and the hash a match records of it. */
export interface NewVersion {
  id: string;
  version: number;
  author: string;
  changelog: string;
  title: string;
  universe: string;
  year: number;
  file: string;
  contentHash: string;
  /** JSON of what the Community list shows of it. */
  summary: string;
}

export type PublishOutcome =
  | { ok: true; /** Only on a scenario's first publish: the token for its later versions. */ editToken?: string }
  | { ok: false; reason: "not_owner" }
  | { ok: false; reason: "version_not_higher"; lastVersion: number };

export interface ShelfFilter {
  /** A substring of the title, any case. */
  title?: string;
  universe?: string;
  /** A substring of the author's name, any case. */
  author?: string;
}

/** A published version as the store holds it. */
export type ShelfRow = Omit<PublishedScenarioTable, "title_search" | "author_search" | "summary">;
/** The same without the file, for lists of versions. */
export type ShelfListing = Omit<ShelfRow, "file" | "summary">;
/** A listing with its stored summary, for the Community list. */
export type ShelfSummary = ShelfListing & { summary: string | null };

const LISTING_COLUMNS = ["id", "version", "author", "changelog", "title", "universe", "year", "content_hash", "published_at"] as const;
const ROW_COLUMNS = [...LISTING_COLUMNS, "file"] as const;
/** What the Community list reads of each latest version: never the file. */
const SUMMARY_COLUMNS = [...LISTING_COLUMNS, "summary"] as const;

const EDIT_TOKEN_BYTES = 32;
/** The LIKE escape character: a search for "100%" finds that text, not everything. */
const LIKE_ESCAPE = "!";

const tokenHash = (token: string) => createHash("sha256").update(token).digest();
/** A LIKE pattern (with its ESCAPE clause, standard SQL) for text containing this, any case. */
const containing = (text: string) => sql<string>`${`%${text.toLowerCase().replace(/[!%_]/g, (c) => LIKE_ESCAPE + c)}%`} escape ${sql.lit(LIKE_ESCAPE)}`;

/**
 * The community's published scenarios: every version of each (a version, once published, never changes,
 * so a match played on it replays for good), and who may publish the next one. The first publish of an
 * id hands out an edit token; the store keeps only its hash. Plain Kysely, portable to PostgreSQL.
 */
export class ScenarioShelf {
  constructor(private readonly db: Kysely<StoreTables>) {}

  /**
   * Publishes a version. The first version of an id needs no token and returns one; every later version
   * needs that token and a version number above the last one's.
   */
  async publish(entry: NewVersion, token: string | undefined): Promise<PublishOutcome> {
    return this.db.transaction().execute(async (trx) => {
      const owner = await trx.selectFrom("scenario_owners").select("token_hash").where("id", "=", entry.id).executeTakeFirst();
      let editToken: string | undefined;
      if (owner) {
        const expected = Buffer.from(owner.token_hash, "hex");
        const given = tokenHash(token ?? "");
        if (token === undefined || !timingSafeEqual(expected, given)) return { ok: false, reason: "not_owner" } as const;
        const last = await trx
          .selectFrom("published_scenarios")
          .select((eb) => eb.fn.max("version").as("version"))
          .where("id", "=", entry.id)
          .executeTakeFirst();
        const lastVersion = Number(last?.version ?? 0);
        if (entry.version <= lastVersion) return { ok: false, reason: "version_not_higher", lastVersion } as const;
      } else {
        editToken = randomBytes(EDIT_TOKEN_BYTES).toString("base64url");
        await trx.insertInto("scenario_owners").values({ id: entry.id, token_hash: tokenHash(editToken).toString("hex"), created_at: new Date().toISOString() }).execute();
      }
      await trx
        .insertInto("published_scenarios")
        .values({
          id: entry.id,
          version: entry.version,
          author: entry.author,
          changelog: entry.changelog,
          title: entry.title,
          title_search: entry.title.toLowerCase(),
          author_search: entry.author.toLowerCase(),
          universe: entry.universe,
          year: entry.year,
          file: entry.file,
          content_hash: entry.contentHash,
          summary: entry.summary,
          published_at: new Date().toISOString(),
        })
        .execute();
      return editToken ? { ok: true, editToken } : { ok: true };
    });
  }

  /** The latest version of each published scenario that passes the filter, newest first, with its summary. */
  async latest(filter: ShelfFilter, limit: number): Promise<ShelfSummary[]> {
    let query = this.db
      .selectFrom("published_scenarios as p")
      .select(SUMMARY_COLUMNS.map((column) => `p.${column}` as const))
      .where("p.version", "=", (eb) => eb.selectFrom("published_scenarios as q").select((q) => q.fn.max("q.version").as("last")).whereRef("q.id", "=", "p.id"));
    if (filter.title) query = query.where("p.title_search", "like", containing(filter.title));
    if (filter.author) query = query.where("p.author_search", "like", containing(filter.author));
    if (filter.universe) query = query.where("p.universe", "=", filter.universe);
    return query.orderBy("p.published_at", "desc").limit(limit).execute();
  }

  /** Every version of one scenario, oldest first, without the files. */
  async versions(id: string): Promise<ShelfListing[]> {
    return this.db.selectFrom("published_scenarios").select(LISTING_COLUMNS).where("id", "=", id).orderBy("version").execute();
  }

  /** One version; the latest when `version` is left out. */
  async version(id: string, version?: number): Promise<ShelfRow | undefined> {
    let query = this.db.selectFrom("published_scenarios").select(ROW_COLUMNS).where("id", "=", id);
    query = version === undefined ? query.orderBy("version", "desc") : query.where("version", "=", version);
    return query.limit(1).executeTakeFirst();
  }

  /** The version whose parsed scenario has this hash (what a match recorded), the latest such if several do. */
  async versionWithHash(id: string, contentHash: string): Promise<ShelfRow | undefined> {
    return this.db.selectFrom("published_scenarios").select(ROW_COLUMNS).where("id", "=", id).where("content_hash", "=", contentHash).orderBy("version", "desc").limit(1).executeTakeFirst();
  }
}
