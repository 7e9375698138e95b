import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MatchStore } from "../../server/store/matchStore";
import { DATABASE_FILE, openStore } from "../../server/store/openStore";

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "maquis-store-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const seats = { "cell-1": { name: "Dorvan Valley cell", side: "maquis", human: true } };

describe("the match store (SQLite)", () => {
  it("creates its schema on a fresh folder, and keeps matches, snapshots, orders and results across reopening", async () => {
    const dir = freshDir();
    let db = await openStore(dir);
    let store = new MatchStore(db);
    await store.createMatch({ id: "m1", scenarioId: "dorvan-2370", scenarioVersion: "abc", seed: 7, difficulty: "normal", isPrivate: false, seats });
    await store.appendOrder("m1", { tick: 3, seat: "cell-1", order: { kind: "move", ship: "raider-1", to: { system: "dorvan-v" } } });
    await store.appendOrder("m1", { tick: 9, seat: "cell-1", order: { kind: "recruit", ship: "raider-1" } });
    await store.saveSnapshot("m1", 10, JSON.stringify({ tick: 10, hours: 2.5 }), seats);
    await db.destroy();

    db = await openStore(dir);
    store = new MatchStore(db);
    expect(await store.unfinishedMatches()).toEqual([{ id: "m1", scenarioId: "dorvan-2370", ticks: 10 }]);
    const loaded = (await store.loadMatch("m1"))!;
    expect(loaded.snapshot).toEqual({ tick: 10, state: { tick: 10, hours: 2.5 }, logLength: 2 });
    expect(loaded.orders.map((o) => o.tick)).toEqual([3, 9]);
    expect(loaded.match.seed).toBe(7);
    await store.finishMatch("m1", { winner: "maquis", endReason: "the season is over", scoreMaquis: 5, scoreOccupier: 3, ticks: 8640, finalHash: "abc123", seats });
    expect(await store.unfinishedMatches()).toEqual([]);
    const [result] = await store.results();
    expect(result).toEqual(expect.objectContaining({ id: "m1", winner: "maquis", score_maquis: 5, ticks: 8640 }));
    expect((await store.loadMatch("m1"))!.snapshot).toBeUndefined();
    await db.destroy();
  });

  it("refuses a corrupt database file with a message naming it, and leaves the file alone", async () => {
    const dir = freshDir();
    const file = join(dir, DATABASE_FILE);
    const garbage = "this is not a database ".repeat(100);
    writeFileSync(file, garbage);
    await expect(openStore(dir)).rejects.toThrow(`the database ${file} cannot be used`);
    expect(readFileSync(file, "utf8")).toBe(garbage);
  });
});
