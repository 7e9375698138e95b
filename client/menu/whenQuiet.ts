/** Input that says a person is busy with the page right now (reading is quiet; moving the pointer over it counts as reading). */
const BUSY_EVENTS = ["pointerdown", "keydown", "wheel", "touchstart"] as const;

export interface QuietOptions {
  /** How long the page must go without a press, key or wheel before the task runs. */
  quietMs: number;
  /** Where the input is heard (the window). */
  target: EventTarget;
  /** Runs the task at the next idle moment (requestIdleCallback where there is one). */
  idle: (task: () => void) => void;
}

/**
 * Runs `task` once, after the page has gone `quietMs` without input, at an idle moment: for work that
 * would hold the page (evaluating a large script) while the player is reading, never while they click.
 * Returns a function that cancels it.
 */
export function whenQuiet(task: () => void, options: QuietOptions): () => void {
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Which quiet spell a pending idle callback belongs to: input since then makes it stale. */
  let spell = 0;
  const stop = () => {
    done = true;
    clearTimeout(timer);
    for (const type of BUSY_EVENTS) options.target.removeEventListener(type, restart, true);
  };
  const restart = () => {
    clearTimeout(timer);
    const mine = ++spell;
    timer = setTimeout(
      () =>
        options.idle(() => {
          if (done || mine !== spell) return;
          stop();
          task();
        }),
      options.quietMs,
    );
  };
  for (const type of BUSY_EVENTS) options.target.addEventListener(type, restart, { capture: true, passive: true });
  restart();
  return stop;
}
