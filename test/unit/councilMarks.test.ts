import { describe, expect, it } from "vitest";
import { MAX_MARKS_SHOWN, MIN_MARK_ALPHA, marksKey, marksToShow, type MarkSource } from "../../client/render/councilMarks";
import { markNote, onMap, toggledMarkMode } from "../../client/ui/markMode";
import { LIMITS } from "../../shared/protocol/limits";

const ROUND = 168;
const mark = (hours: number, text: string, x = 100, y = 200): MarkSource => ({ tick: hours * 4, hours, kind: "mark", text, x, y });
const line = (hours: number, kind: string, text: string): MarkSource => ({ tick: hours * 4, hours, kind, text, x: -1, y: -1 });

describe("the council marks the map draws", () => {
  it("takes only the log's mark entries that point somewhere, oldest first, whatever order they arrived in", () => {
    const log = [mark(30, "Cell 2: second"), line(10, "raid", "A convoy was raided"), mark(20, "Cell 1: first", 5, 6), { ...mark(25, "stray"), x: -1, y: -1 }];
    const pins = marksToShow(log, 40, ROUND);
    expect(pins.map((pin) => pin.text)).toEqual(["Cell 1: first", "Cell 2: second"]);
    expect(pins[0]).toMatchObject({ x: 5, y: 6, alpha: 1 });
  });

  it("drops marks older than two rounds and fades the rest in coarse steps as they age", () => {
    const now = 1000;
    const life = ROUND * 2;
    const pins = marksToShow([mark(now - life - 1, "too old"), mark(now - life, "last moment"), mark(now - life / 2, "half"), mark(now, "new")], now, ROUND);
    expect(pins.map((pin) => pin.text)).toEqual(["last moment", "half", "new"]);
    expect(pins.map((pin) => pin.alpha)).toEqual([MIN_MARK_ALPHA, 0.6, 1]);
    // An hour later nothing crosses a fade step: the same key, so no redraw.
    expect(marksKey(marksToShow([mark(now - life / 2, "half"), mark(now, "new")], now + 1, ROUND))).toBe(
      marksKey(marksToShow([mark(now - life / 2, "half"), mark(now, "new")], now, ROUND)),
    );
  });

  it("keeps only the newest marks when a side marks a lot", () => {
    const log = Array.from({ length: MAX_MARKS_SHOWN + 3 }, (_, i) => mark(i, `note ${i}`));
    const pins = marksToShow(log, 20, ROUND);
    expect(pins).toHaveLength(MAX_MARKS_SHOWN);
    expect(pins[0]!.text).toBe("note 3");
    expect(pins.at(-1)!.text).toBe(`note ${MAX_MARKS_SHOWN + 2}`);
  });

  it("changes its key when a mark comes, goes or fades, and not otherwise", () => {
    const one = [mark(10, "a")];
    const two = [mark(10, "a"), mark(12, "b")];
    expect(marksKey(marksToShow(one, 12, ROUND))).toBe(marksKey(marksToShow([...one], 13, ROUND)));
    expect(marksKey(marksToShow(two, 12, ROUND))).not.toBe(marksKey(marksToShow(one, 12, ROUND)));
    expect(marksKey(marksToShow(one, 10 + ROUND, ROUND))).not.toBe(marksKey(marksToShow(one, 12, ROUND)));
    expect(marksKey(marksToShow(one, 11 + ROUND * 2, ROUND))).toBe("");
  });
});

describe("placing a mark", () => {
  it("M starts placing a mark and backs out of it, for a seated player", () => {
    expect(toggledMarkMode("off", true)).toBe("point");
    expect(toggledMarkMode("point", true)).toBe("off");
    expect(toggledMarkMode("note", true)).toBe("off");
  });

  it("a viewer who cannot mark never starts one", () => {
    expect(toggledMarkMode("off", false)).toBe("off");
  });

  it("takes a note as the server will: trimmed, not empty, not over the limit", () => {
    expect(markNote("  hit the convoy here  ")).toBe("hit the convoy here");
    expect(markNote("   ")).toBeNull();
    expect(markNote("x".repeat(LIMITS.markCharacters))).toHaveLength(LIMITS.markCharacters);
    expect(markNote("x".repeat(LIMITS.markCharacters + 1))).toBeNull();
  });

  it("accepts a point on the map, edges included, and nothing off it", () => {
    expect(onMap({ x: 0, y: 0 }, 800, 600)).toBe(true);
    expect(onMap({ x: 800, y: 600 }, 800, 600)).toBe(true);
    expect(onMap({ x: -1, y: 10 }, 800, 600)).toBe(false);
    expect(onMap({ x: 10, y: 601 }, 800, 600)).toBe(false);
  });
});
