import { describe, expect, it } from "vitest";
import { LIMITS } from "../../shared/protocol/limits";
import { DraftStore } from "../../server/store/draftStore";
import { openStore } from "../../server/store/openStore";
import { STORE_KINDS, storeLocations } from "../support/storeBackends";

const locations = storeLocations();

describe.each(STORE_KINDS)("the draft store (%s)", (kind) => {
  it(`keeps a draft's state across reopening the database, and lets it go ${LIMITS.draftKeptDays} days after it was last saved`, async () => {
    const location = await locations.fresh(kind);
    const clock = { now: new Date("2026-01-01T00:00:00Z") };
    let { db } = await openStore(location);
    await new DraftStore(db, LIMITS.draftKeptDays, () => clock.now).saveDraft("draft-a", new Uint8Array([1, 2, 3]), 2);
    await db.destroy();

    ({ db } = await openStore(location));
    const drafts = new DraftStore(db, LIMITS.draftKeptDays, () => clock.now);
    expect(await drafts.loadDraft("draft-a")).toEqual({ state: new Uint8Array([1, 2, 3]), problems: 2, updatedAt: "2026-01-01T00:00:00.000Z" });
    expect(await drafts.loadDraft("draft-b")).toBeNull();

    clock.now = new Date("2026-01-30T23:00:00Z");
    expect(await drafts.deleteExpiredDrafts()).toBe(0);
    await drafts.saveDraft("draft-b", new Uint8Array([9]), 0);
    // Every byte value survives the round trip, and a save replaces the state.
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    await drafts.saveDraft("draft-c", new Uint8Array([7]), 0);
    await drafts.saveDraft("draft-c", bytes.subarray(1), 1);
    expect(await drafts.loadDraft("draft-c")).toEqual({ state: bytes.slice(1), problems: 1, updatedAt: clock.now.toISOString() });
    clock.now = new Date("2026-02-01T00:00:01Z");
    // Expired yet not deleted: never handed out.
    expect(await drafts.loadDraft("draft-a")).toBeNull();
    expect(await drafts.deleteExpiredDrafts()).toBe(1);
    expect(await drafts.loadDraft("draft-c")).not.toBeNull();
    expect(await drafts.loadDraft("draft-b")).not.toBeNull();
    await db.destroy();
  });
});
