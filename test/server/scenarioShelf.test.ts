import { describe, expect, it } from "vitest";
import { openStore } from "../../server/store/openStore";
import { ScenarioShelf, type NewVersion } from "../../server/store/scenarioShelf";
import { STORE_KINDS, storeLocations } from "../support/storeBackends";

const locations = storeLocations();

const entry = (id: string, version: number, more: Partial<NewVersion> = {}): NewVersion => ({
  id,
  version,
  author: "Ro Laren",
  changelog: `version ${version}`,
  title: `The ${id}`,
  universe: "primary",
  year: 2371,
  file: JSON.stringify({ id, version }),
  contentHash: `${id}-hash-${version}`,
  summary: JSON.stringify({ id, title: `The ${id}` }),
  ...more,
});

describe.each(STORE_KINDS)("the scenario shelf (published scenarios in the %s store)", (kind) => {
  it("keeps every version across reopening, hands out an edit token once and keeps only its hash", async () => {
    const location = await locations.fresh(kind);
    let { db } = await openStore(location);
    let shelf = new ScenarioShelf(db);
    const first = await shelf.publish(entry("raid", 1), undefined);
    expect(first).toEqual({ ok: true, editToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const token = first.ok ? first.editToken! : "";
    const stored = await db.selectFrom("scenario_owners").selectAll().execute();
    expect(stored).toEqual([{ id: "raid", token_hash: expect.stringMatching(/^[0-9a-f]{64}$/), created_at: expect.any(String) }]);
    expect(JSON.stringify(stored)).not.toContain(token);
    await db.destroy();

    ({ db } = await openStore(location));
    shelf = new ScenarioShelf(db);
    expect(await shelf.publish(entry("raid", 2), undefined)).toEqual({ ok: false, reason: "not_owner" });
    expect(await shelf.publish(entry("raid", 2), `${token}x`)).toEqual({ ok: false, reason: "not_owner" });
    expect(await shelf.publish(entry("raid", 1), token)).toEqual({ ok: false, reason: "version_not_higher", lastVersion: 1 });
    expect(await shelf.publish(entry("raid", 3), token)).toEqual({ ok: true });
    expect((await shelf.versions("raid")).map((row) => [row.version, row.changelog])).toEqual([
      [1, "version 1"],
      [3, "version 3"],
    ]);
    expect((await shelf.version("raid"))?.version).toBe(3);
    expect((await shelf.version("raid", 1))?.file).toBe(JSON.stringify({ id: "raid", version: 1 }));
    expect(await shelf.version("raid", 2)).toBeUndefined();
    expect((await shelf.versionWithHash("raid", "raid-hash-1"))?.version).toBe(1);
    expect(await shelf.versionWithHash("raid", "no-such-hash")).toBeUndefined();
    await db.destroy();
  });

  it("lists the latest version of each, filtered by title and author (any case, wildcards taken literally) and by era", async () => {
    const { db } = await openStore(await locations.fresh(kind));
    const shelf = new ScenarioShelf(db);
    await shelf.publish(entry("a", 1, { title: "Ambush at Bryma" }), undefined);
    const b = await shelf.publish(entry("b", 1, { title: "100% Terok Nor", author: "Kira_Nerys", universe: "mirror" }), undefined);
    await shelf.publish(entry("b", 2, { title: "100% Terok Nor, revised", author: "Kira_Nerys", universe: "mirror" }), b.ok ? b.editToken : undefined);
    await shelf.publish(entry("c", 1, { title: "Reborn", author: "Tom Riker", universe: "reborn" }), undefined);
    const ids = async (filter: Parameters<ScenarioShelf["latest"]>[0], limit = 100) => (await shelf.latest(filter, limit)).map((row) => `${row.id}@${row.version}`).sort();

    expect(await ids({})).toEqual(["a@1", "b@2", "c@1"]);
    expect(await ids({ title: "BRYMA" })).toEqual(["a@1"]);
    expect(await ids({ title: "100%" })).toEqual(["b@2"]);
    expect(await ids({ title: "%" })).toEqual(["b@2"]);
    expect(await ids({ author: "_" })).toEqual(["b@2"]);
    expect(await ids({ author: "riker" })).toEqual(["c@1"]);
    expect(await ids({ universe: "mirror" })).toEqual(["b@2"]);
    expect(await ids({ universe: "mirror", title: "bryma" })).toEqual([]);
    expect(await ids({}, 2)).toHaveLength(2);
    await db.destroy();
  });
});
