import type { ReplayCursor } from "../../shared/rules/replay";

/** Re-running a match goes in slices of this many steps, letting the other rooms run between them. */
export const REPLAY_SLICE_TICKS = 200;

/**
 * Plays a replay on to `target` (or until the match ends), a slice at a time with the event loop free
 * between slices: a long match re-run must not stall the matches running beside it. `afterStep` sees
 * every step; `stillWanted`, asked between slices, gives up early (a newer seek, a closed room).
 * Says whether it got there.
 */
export async function playInSlices(
  cursor: ReplayCursor,
  target: number,
  hooks: { afterStep?: (cursor: ReplayCursor) => void; stillWanted?: () => boolean } = {},
): Promise<boolean> {
  const state = cursor.match.state;
  while (state.phase === "playing" && state.tick < target) {
    for (let i = 0; i < REPLAY_SLICE_TICKS && state.phase === "playing" && state.tick < target; i++) {
      cursor.advance();
      hooks.afterStep?.(cursor);
    }
    await new Promise((resolve) => setImmediate(resolve));
    if (hooks.stillWanted && !hooks.stillWanted()) return false;
  }
  return state.tick === target;
}
