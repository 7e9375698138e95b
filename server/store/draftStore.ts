import type { Kysely } from "kysely";
import { LIMITS } from "../../shared/protocol/limits";
import type { StoreTables } from "./tables";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SavedDraft {
  state: Uint8Array;
  problems: number;
  updatedAt: string;
}

/**
 * The one module that keeps scenario drafts: the Yjs state of each, saved as it is edited, so a draft
 * comes back when its link is opened after everyone left. A draft untouched for `keptDays` is gone.
 */
export class DraftStore {
  constructor(
    private readonly db: Kysely<StoreTables>,
    private readonly keptDays: number = LIMITS.draftKeptDays,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private oldestKept(): string {
    return new Date(this.now().getTime() - this.keptDays * DAY_MS).toISOString();
  }

  async saveDraft(id: string, state: Uint8Array, problems: number): Promise<void> {
    const at = this.now().toISOString();
    await this.db
      .insertInto("drafts")
      .values({ id, state, bytes: state.length, problems, created_at: at, updated_at: at })
      .onConflict((conflict) => conflict.column("id").doUpdateSet({ state, bytes: state.length, problems, updated_at: at }))
      .execute();
  }

  /** The draft, or null when there is none with this id (or it has expired). */
  async loadDraft(id: string): Promise<SavedDraft | null> {
    const row = await this.db.selectFrom("drafts").select(["state", "problems", "updated_at"]).where("id", "=", id).where("updated_at", ">=", this.oldestKept()).executeTakeFirst();
    return row ? { state: new Uint8Array(row.state), problems: row.problems, updatedAt: row.updated_at } : null;
  }

  /** Deletes drafts nobody has saved for `keptDays`; returns how many. */
  async deleteExpiredDrafts(): Promise<number> {
    const result = await this.db.deleteFrom("drafts").where("updated_at", "<", this.oldestKept()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
