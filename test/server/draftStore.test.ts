import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LIMITS } from "../../shared/protocol/limits";
import { DraftStore } from "../../server/store/draftStore";
import { openStore } from "../../server/store/openStore";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the draft store", () => {
  it(`keeps a draft's state across reopening the database, and lets it go ${LIMITS.draftKeptDays} days after it was last saved`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "maquis-drafts-"));
    dirs.push(dir);
    const clock = { now: new Date("2026-01-01T00:00:00Z") };
    let db = await openStore(dir);
    await new DraftStore(db, LIMITS.draftKeptDays, () => clock.now).saveDraft("draft-a", new Uint8Array([1, 2, 3]), 2);
    await db.destroy();

    db = await openStore(dir);
    const drafts = new DraftStore(db, LIMITS.draftKeptDays, () => clock.now);
    expect(await drafts.loadDraft("draft-a")).toEqual({ state: new Uint8Array([1, 2, 3]), problems: 2, updatedAt: "2026-01-01T00:00:00.000Z" });
    expect(await drafts.loadDraft("draft-b")).toBeNull();

    clock.now = new Date("2026-01-30T23:00:00Z");
    expect(await drafts.deleteExpiredDrafts()).toBe(0);
    await drafts.saveDraft("draft-b", new Uint8Array([9]), 0);
    clock.now = new Date("2026-02-01T00:00:01Z");
    // Expired yet not deleted: never handed out.
    expect(await drafts.loadDraft("draft-a")).toBeNull();
    expect(await drafts.deleteExpiredDrafts()).toBe(1);
    expect(await drafts.loadDraft("draft-b")).not.toBeNull();
    await db.destroy();
  });
});
