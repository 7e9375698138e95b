import { describe, expect, it } from "vitest";
import { progressKey, TUTORIAL_DONE_KEY, TutorialMemory, type StorageLike } from "../../../client/tutorial/tutorialMemory";

/** A Storage stand-in over a Map, as localStorage behaves (strings in, strings or null out). */
function mapStorage(initial: Record<string, string> = {}): StorageLike & { items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
  };
}

/** Storage that refuses everything, as a blocked or full one does. */
const brokenStorage: StorageLike = {
  getItem: () => {
    throw new Error("SecurityError");
  },
  setItem: () => {
    throw new Error("QuotaExceededError");
  },
  removeItem: () => {
    throw new Error("SecurityError");
  },
};

const SCENARIO = "training-2370";
const STEPS = 9;

describe("tutorial memory", () => {
  it("keeps the highest step reached per scenario, under maquis.tutorial.<scenario id>", () => {
    const storage = mapStorage();
    const memory = new TutorialMemory(storage);
    expect(memory.reached(SCENARIO, STEPS)).toBe(0);
    memory.remember(SCENARIO, 3, STEPS);
    expect(storage.items.get("maquis.tutorial.training-2370")).toBe("3");
    expect(progressKey(SCENARIO)).toBe("maquis.tutorial.training-2370");
    // A fresh reader (the next match, another tab) reads it back.
    expect(new TutorialMemory(storage).reached(SCENARIO, STEPS)).toBe(3);
    expect(memory.reached("other-scenario", STEPS)).toBe(0);
    memory.remember(SCENARIO, STEPS, STEPS);
    expect(memory.reached(SCENARIO, STEPS)).toBe(STEPS);
  });

  it("never goes back, and ignores a step reached that makes no sense", () => {
    const storage = mapStorage();
    const memory = new TutorialMemory(storage);
    memory.remember(SCENARIO, 5, STEPS);
    memory.remember(SCENARIO, 2, STEPS);
    for (const nonsense of [-1, 2.5, Number.NaN, STEPS + 1]) memory.remember(SCENARIO, nonsense, STEPS);
    expect(storage.items.get(progressKey(SCENARIO))).toBe("5");
  });

  it("reads anything but a whole number of steps within the tutorial as no progress", () => {
    for (const garbage of ["", "abc", "-1", "2.5", "1e1", " 3", "3 ", "0x3", "10", "1000", "NaN", "true", "[3]", '{"reached":3}'])
      expect([garbage, new TutorialMemory(mapStorage({ [progressKey(SCENARIO)]: garbage })).reached(SCENARIO, STEPS)]).toEqual([garbage, 0]);
    expect(new TutorialMemory(mapStorage({ [progressKey(SCENARIO)]: "7" })).reached(SCENARIO, STEPS)).toBe(7);
    // A tutorial that lost steps since: progress past its end is not trusted.
    expect(new TutorialMemory(mapStorage({ [progressKey(SCENARIO)]: "7" })).reached(SCENARIO, 5)).toBe(0);
  });

  it("remembers that a tutorial was finished or skipped, so the menu stops offering training first", () => {
    const storage = mapStorage();
    const memory = new TutorialMemory(storage);
    expect(memory.done).toBe(false);
    memory.markDone();
    expect(storage.items.get(TUTORIAL_DONE_KEY)).toBe("1");
    expect(new TutorialMemory(storage).done).toBe(true);
    expect(new TutorialMemory(mapStorage({ [TUTORIAL_DONE_KEY]: "yes" })).done).toBe(false);
  });

  it("forgets a scenario's progress when asked (to play the training again)", () => {
    const storage = mapStorage();
    const memory = new TutorialMemory(storage);
    memory.remember(SCENARIO, 4, STEPS);
    memory.forget(SCENARIO);
    expect(memory.reached(SCENARIO, STEPS)).toBe(0);
  });

  it("works without storage, or with storage that throws: nothing is kept and nothing breaks", () => {
    for (const memory of [new TutorialMemory(null), new TutorialMemory(brokenStorage)]) {
      expect(memory.reached(SCENARIO, STEPS)).toBe(0);
      expect(() => memory.remember(SCENARIO, 3, STEPS)).not.toThrow();
      expect(() => memory.markDone()).not.toThrow();
      expect(() => memory.forget(SCENARIO)).not.toThrow();
      expect(memory.reached(SCENARIO, STEPS)).toBe(0);
      expect(memory.done).toBe(false);
    }
  });
});
