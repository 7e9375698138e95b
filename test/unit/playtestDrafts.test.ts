import { describe, expect, it } from "vitest";
import { PlaytestDrafts } from "../../server/playtestDrafts";
import { bundledScenario } from "../support/scenarios";

const badlands = bundledScenario("badlands-2371");

describe("playtest drafts", () => {
  it("keep each draft under a fresh id that fits a scenario id, carried as the draft's own id", () => {
    const drafts = new PlaytestDrafts();
    const draft = drafts.add(badlands, "10.0.0.1");
    expect(draft.id).toMatch(/^playtest-[0-9a-f]{16}$/);
    expect(draft.id.length).toBeLessThanOrEqual(48);
    expect(drafts.get(draft.id)).toEqual({ ...badlands, id: draft.id });
    expect(drafts.add(badlands, "10.0.0.1").id).not.toBe(draft.id);
    expect(drafts.get("playtest-0000000000000000")).toBeUndefined();
  });

  it("drop an address's oldest past its share, and the oldest of all past the total", () => {
    const drafts = new PlaytestDrafts({ playtestDrafts: 4, playtestDraftsPerAddress: 2 });
    const [a1, a2, a3] = [1, 2, 3].map(() => drafts.add(badlands, "a").id);
    expect([a1, a2, a3].map((id) => drafts.get(id!) !== undefined)).toEqual([false, true, true]);
    const [b1, c1, c2] = [drafts.add(badlands, "b").id, drafts.add(badlands, "c").id, drafts.add(badlands, "c").id];
    // Four kept in all: a2 was the oldest left.
    expect([a2, a3, b1, c1, c2].map((id) => drafts.get(id!) !== undefined)).toEqual([false, true, true, true, true]);
  });
});
