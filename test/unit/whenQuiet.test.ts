import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { whenQuiet } from "../../client/menu/whenQuiet";

describe("whenQuiet", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const options = (target: EventTarget) => ({ quietMs: 1000, target, idle: (task: () => void) => task() });

  it("runs the task once the page has been quiet long enough", () => {
    const task = vi.fn();
    whenQuiet(task, options(new EventTarget()));
    vi.advanceTimersByTime(999);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it("waits again after each press or key, so it never runs while the player clicks", () => {
    const task = vi.fn();
    const target = new EventTarget();
    whenQuiet(task, options(target));
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(600);
      target.dispatchEvent(new Event(i % 2 ? "keydown" : "pointerdown"));
    }
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it("does not run once cancelled, nor listen any longer", () => {
    const task = vi.fn();
    const target = new EventTarget();
    const removed = vi.spyOn(target, "removeEventListener");
    const cancel = whenQuiet(task, options(target));
    vi.advanceTimersByTime(500);
    cancel();
    vi.advanceTimersByTime(5000);
    expect(task).not.toHaveBeenCalled();
    expect(removed).toHaveBeenCalledTimes(4);
  });

  it("drops an idle moment asked for before a press, and waits for quiet again", () => {
    const task = vi.fn();
    const target = new EventTarget();
    const pendingIdle: (() => void)[] = [];
    whenQuiet(task, { quietMs: 1000, target, idle: (run) => void pendingIdle.push(run) });
    vi.advanceTimersByTime(1000);
    expect(pendingIdle).toHaveLength(1);
    target.dispatchEvent(new Event("pointerdown"));
    pendingIdle.shift()!();
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    pendingIdle.shift()!();
    expect(task).toHaveBeenCalledTimes(1);
  });
});
