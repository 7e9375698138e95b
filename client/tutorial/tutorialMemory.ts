/** The part of the Web Storage API this needs (window.localStorage has it; tests pass a Map-backed stand-in). */
export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const PREFIX = "maquis.tutorial.";
/** Set once the player has finished or skipped a tutorial: the menu stops offering training first. */
export const TUTORIAL_DONE_KEY = "maquis.tutorial.done";

/** Where a scenario's progress is kept: the highest step reached, as a whole number. */
export const progressKey = (scenarioId: string) => `${PREFIX}${scenarioId}`;

/**
 * What the player has done of the tutorials, kept in the browser between matches. Every read is
 * checked, since anything may be in storage (an old format, a hand edit, another tab's half-write): a
 * value that does not make sense reads as no progress. Storage that refuses to read or write (private
 * modes, a full quota, a blocked origin) reads as empty and forgets quietly; the tutorial still works.
 */
export class TutorialMemory {
  constructor(private readonly storage: StorageLike | null) {}

  /** The highest step reached in the scenario's tutorial, 0 to `stepCount` (all done); 0 when nothing sensible is kept. */
  reached(scenarioId: string, stepCount: number): number {
    const text = this.read(progressKey(scenarioId));
    if (text === null || !/^\d{1,3}$/.test(text)) return 0;
    const value = Number(text);
    return value <= stepCount ? value : 0;
  }

  /** Keeps the step reached, never going back (a second tab behind this one cannot undo progress). */
  remember(scenarioId: string, reached: number, stepCount: number): void {
    if (!Number.isInteger(reached) || reached < 0 || reached > stepCount) return;
    if (reached <= this.reached(scenarioId, stepCount)) return;
    this.write(progressKey(scenarioId), String(reached));
  }

  /** Starts the scenario's tutorial over (a "play the training again" button). */
  forget(scenarioId: string): void {
    try {
      this.storage?.removeItem(progressKey(scenarioId));
    } catch {
      // Nothing kept, nothing to forget.
    }
  }

  /** Whether the player has finished or skipped a tutorial: then the menu need not offer training first. */
  get done(): boolean {
    return this.read(TUTORIAL_DONE_KEY) === "1";
  }

  /** The player finished the tutorial (the last step done, or the training match won) or skipped it. */
  markDone(): void {
    this.write(TUTORIAL_DONE_KEY, "1");
  }

  private read(key: string): string | null {
    try {
      const value = this.storage?.getItem(key);
      return typeof value === "string" ? value : null;
    } catch {
      return null;
    }
  }

  private write(key: string, value: string): void {
    try {
      this.storage?.setItem(key, value);
    } catch {
      // A full or blocked storage: progress is simply not kept.
    }
  }
}

export { browserStorage } from "../browserStorage";
