import { describe, expect, it } from "vitest";
import { OPERATION_KEYS, SHORTCUT_HELP, shortcutFor, type KeyPress } from "../../client/ui/shortcuts";

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({ key, repeat: false, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...extra });

describe("keyboard shortcuts in a match", () => {
  it("reads letters whatever their case, and Shift+N steps back through the ships", () => {
    expect(shortcutFor(press("m"), false)).toEqual({ kind: "mark" });
    expect(shortcutFor(press("M", { shiftKey: true }), false)).toEqual({ kind: "mark" });
    expect(shortcutFor(press("n"), false)).toEqual({ kind: "nextShip", step: 1 });
    expect(shortcutFor(press("N", { shiftKey: true }), false)).toEqual({ kind: "nextShip", step: -1 });
  });

  it("gives speeds to the digits and operations to the top row, in the panel's order", () => {
    expect(shortcutFor(press("1"), false)).toEqual({ kind: "speed", index: 0 });
    expect(shortcutFor(press("5"), false)).toEqual({ kind: "speed", index: 4 });
    expect(shortcutFor(press("6"), false)).toBeNull();
    expect(shortcutFor(press("q"), false)).toEqual({ kind: "operation", index: 0 });
    expect(shortcutFor(press("p"), false)).toEqual({ kind: "operation", index: 9 });
    expect(shortcutFor(press("a"), false)).toEqual({ kind: "operation", index: 10 });
    expect(shortcutFor(press("l"), false)).toEqual({ kind: "operation", index: 17 });
  });

  it("no two actions share a key", () => {
    const taken = new Map<string, string>();
    for (const key of [..."abcdefghijklmnopqrstuvwxyz1234567890?+-= ", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"]) {
      const action = shortcutFor(press(key), false);
      if (action) taken.set(key, JSON.stringify(action));
    }
    expect(new Set(taken.values()).size).toBe(taken.size - 1); // "+" and "=" are the same key, with and without Shift
    for (const key of OPERATION_KEYS) expect(taken.get(key)).toContain("operation");
  });

  it("ignores keys while typing, with Ctrl, Cmd or Alt, and on auto-repeat, except to pan and zoom", () => {
    expect(shortcutFor(press("m"), true)).toBeNull();
    expect(shortcutFor(press(" "), true)).toBeNull();
    expect(shortcutFor(press("m", { ctrlKey: true }), false)).toBeNull();
    expect(shortcutFor(press("m", { metaKey: true }), false)).toBeNull();
    expect(shortcutFor(press("m", { altKey: true }), false)).toBeNull();
    expect(shortcutFor(press("m", { repeat: true }), false)).toBeNull();
    expect(shortcutFor(press("ArrowLeft", { repeat: true }), false)?.kind).toBe("pan");
    expect(shortcutFor(press("+", { repeat: true }), false)?.kind).toBe("zoom");
  });

  it("Escape always counts, even from a field", () => {
    expect(shortcutFor(press("Escape"), true)).toEqual({ kind: "escape" });
  });

  it("the help lists a line for every shortcut the player can press", () => {
    const listed = SHORTCUT_HELP.map((line) => line.keys).join(" ");
    for (const key of ["?", "Space", "N", "C", "G", "V", "M", "B", "Esc", "Q", "P", "+"]) expect(listed).toContain(key);
  });
});
