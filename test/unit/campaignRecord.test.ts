import { describe, expect, it } from "vitest";
import { describeResult, nextScenario, readResults, recordResult, RESULTS_KEY } from "../../client/ui/campaignRecord";
import type { StorageLike } from "../../client/ui/displaySettings";

function fakeStorage(initial: Record<string, string> = {}): StorageLike {
  const data = { ...initial };
  return { getItem: (key) => data[key] ?? null, setItem: (key, value) => void (data[key] = value) };
}

describe("the campaign's record of results", () => {
  it("keeps each scenario's best result: a loss never overwrites a win", () => {
    const storage = fakeStorage();
    recordResult(storage, "dorvan-2370", { outcome: "lost", side: "maquis", level: "hard" });
    recordResult(storage, "dorvan-2370", { outcome: "won", side: "maquis", level: "easy" });
    recordResult(storage, "dorvan-2370", { outcome: "draw", side: "occupier", level: "normal" });
    expect(readResults(storage)).toEqual({ "dorvan-2370": { outcome: "won", side: "maquis", level: "easy" } });
  });

  it("suggests the first scenario in the campaign's order not yet won", () => {
    const order = ["a", "b", "c"];
    expect(nextScenario(order, {})).toBe("a");
    expect(nextScenario(order, { a: { outcome: "won", side: "maquis", level: "normal" }, b: { outcome: "lost", side: "maquis", level: "normal" } })).toBe("b");
    expect(nextScenario(order, Object.fromEntries(order.map((id) => [id, { outcome: "won" as const, side: "maquis" as const, level: "hard" }])))).toBeUndefined();
  });

  it("drops damaged entries and survives damaged storage", () => {
    expect(readResults(fakeStorage({ [RESULTS_KEY]: "{oops" }))).toEqual({});
    expect(readResults(fakeStorage({ [RESULTS_KEY]: JSON.stringify({ a: { outcome: "won", side: "maquis", level: "hard" }, b: { outcome: "crushed", side: "maquis" }, c: null, d: { outcome: "won", side: "klingon" } }) }))).toEqual({
      a: { outcome: "won", side: "maquis", level: "hard" },
    });
    expect(readResults(null)).toEqual({});
  });

  it("says a result in words", () => {
    expect(describeResult({ outcome: "won", side: "maquis", level: "normal" })).toBe("Won as the Maquis, normal AI");
  });
});
