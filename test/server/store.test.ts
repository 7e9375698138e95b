import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MatchStore } from "../../server/store/matchStore";
import { DATABASE_FILE, openStore } from "../../server/store/openStore";
import { findFreePort } from "../../server/portCheck";
import { STORE_KINDS, storeLocations } from "../support/storeBackends";

const locations = storeLocations();

const seats = { "cell-1": { name: "Dorvan Valley cell", side: "maquis", human: true } };

describe.each(STORE_KINDS)("the match store (%s)", (kind) => {
  it("creates its schema on a fresh store, and keeps matches, snapshots, orders and results across reopening", async () => {
    const location = await locations.fresh(kind);
    let { db } = await openStore(location);
    let store = new MatchStore(db);
    await store.createMatch({ id: "m1", scenarioId: "dorvan-2370", scenarioVersion: "abc", seed: 7, difficulty: "normal", isPrivate: false, seats });
    await store.appendOrder("m1", { tick: 3, seat: "cell-1", order: { kind: "move", ship: "raider-1", to: { system: "dorvan-v" } } });
    await store.appendOrder("m1", { tick: 9, seat: "cell-1", order: { kind: "recruit", ship: "raider-1" } });
    await store.saveSnapshot("m1", 10, JSON.stringify({ tick: 10, hours: 2.5 }), seats);
    await db.destroy();

    ({ db } = await openStore(location));
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

  it("remembers who last held each seat, keeps a match's newest chat lines, and lists a player's unfinished matches only", async () => {
    const { db } = await openStore(await locations.fresh(kind));
    const store = new MatchStore(db);
    for (const id of ["m1", "m2"]) await store.createMatch({ id, scenarioId: "dorvan-2370", scenarioVersion: "abc", seed: 7, difficulty: "normal", isPrivate: id === "m2", seats });
    await store.setSeatPlayer("m1", "cell-1", "player-a-0000000000");
    await store.setSeatPlayer("m2", "cell-1", "player-a-0000000000");
    await store.setSeatPlayer("m2", "cell-1", "player-b-0000000000");
    await store.saveSnapshot("m1", 300, JSON.stringify({ tick: 300, hours: 50, phase: "playing" }), seats);
    expect(await store.seatPlayers("m2")).toEqual({ "cell-1": "player-b-0000000000" });
    expect((await store.continuableMatches("player-a-0000000000")).map((entry) => entry.id)).toEqual(["m1"]);
    expect(await store.continuableMatches("player-a-0000000000")).toEqual([
      expect.objectContaining({ id: "m1", status: "running", private: false, seat: "cell-1", seatRecord: seats["cell-1"], hours: 50, phase: "playing" }),
    ]);
    await store.setAside("m1");
    expect(await store.unfinishedMatches()).toEqual([{ id: "m2", scenarioId: "dorvan-2370", ticks: 0 }]);
    expect((await store.continuableMatches("player-a-0000000000"))[0]!.status).toBe("aside");
    await store.markRunning("m1");
    await store.finishMatch("m1", { winner: "maquis", endReason: "over", scoreMaquis: 1, scoreOccupier: 0, ticks: 400, finalHash: "h", seats });
    expect(await store.continuableMatches("player-a-0000000000")).toEqual([]);

    for (let i = 0; i < 7; i++) await store.appendChat("m2", { from: "Sveta", side: "maquis", to: i % 2 ? "side" : "all", text: `line ${i}` }, 5);
    const lines = await store.chatLines("m2", 100);
    expect(lines.map((line) => line.text)).toEqual(["line 2", "line 3", "line 4", "line 5", "line 6"]);
    expect(lines[1]).toEqual({ from: "Sveta", side: "maquis", to: "side", text: "line 3" });
    // PostgreSQL's text cannot hold U+0000: the line is kept all the same, the character replaced.
    await store.appendChat("m2", { from: "Sveta", side: "maquis", to: "all", text: "nul\u0000here" }, 5);
    expect((await store.chatLines("m2", 1))[0]!.text).toBe(kind === "postgres" ? "nul\uFFFDhere" : "nul\u0000here");
    await db.destroy();
  });

  it("counts the log entries a snapshot contains, says which database it is, and answers its health check", async () => {
    const { db, kind: opened } = await openStore(await locations.fresh(kind));
    const store = new MatchStore(db);
    expect(opened).toBe(kind);
    await store.createMatch({ id: "m1", scenarioId: "dorvan-2370", scenarioVersion: "abc", seed: 2 ** 31 - 1, difficulty: "normal", isPrivate: true, seats, log: [{ tick: 1, seat: "cell-1", order: { kind: "a" } }] });
    await store.createMatch({ id: "m2", scenarioId: "dorvan-2370", scenarioVersion: "abc", seed: 1, difficulty: "normal", isPrivate: false, seats });
    await store.appendOrder("m2", { tick: 2, seat: "cell-1", order: { kind: "elsewhere" } });
    await store.saveSnapshot("m1", 5, JSON.stringify({ tick: 5 }), seats);
    await store.appendOrder("m1", { tick: 6, seat: "cell-1", order: { kind: "b" } });
    await store.appendOrder("m1", { tick: 7, seat: "cell-1", order: { kind: "c" } });
    expect((await store.loadMatch("m1"))!.snapshot).toEqual({ tick: 5, state: { tick: 5 }, logLength: 1 });
    await store.saveSnapshot("m1", 8, JSON.stringify({ tick: 8 }), { ...seats, "cell-2": { name: "B", side: "maquis", human: false } });
    const loaded = (await store.loadMatch("m1"))!;
    expect(loaded.snapshot).toEqual({ tick: 8, state: { tick: 8 }, logLength: 3 });
    expect(loaded.match).toEqual(expect.objectContaining({ ticks: 8, seed: 2 ** 31 - 1, private: 1 }));
    expect(Object.keys(loaded.seats)).toEqual(["cell-1", "cell-2"]);
    expect(await store.countMatches()).toBe(2);
    expect(await store.health()).toEqual({ ok: true, kind, matches: 2, milliseconds: expect.any(Number) });
    await db.destroy();
  });
});

describe("opening the store", () => {
  it("refuses a corrupt SQLite file with a message naming it, and leaves the file alone", async () => {
    const { dataDir: dir } = await locations.fresh("sqlite");
    const file = join(dir, DATABASE_FILE);
    const garbage = "this is not a database ".repeat(100);
    writeFileSync(file, garbage);
    await expect(openStore({ dataDir: dir })).rejects.toThrow(`the database ${file} cannot be used`);
    expect(readFileSync(file, "utf8")).toBe(garbage);
  });

  it("names the PostgreSQL server it cannot reach, never the password", async () => {
    const port = await findFreePort();
    const { dataDir } = await locations.fresh("sqlite");
    const opening = openStore({ dataDir, databaseUrl: `postgres://maquis:s3cret-word@127.0.0.1:${port}/maquis` });
    await expect(opening).rejects.toThrow(`cannot connect to PostgreSQL at 127.0.0.1:${port}/maquis (`);
    await expect(opening).rejects.not.toThrow("s3cret-word");
  });
});
