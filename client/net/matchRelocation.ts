/**
 * When a match's server process stops, another takes the match over within seconds (the server's
 * orphan watch) and every seat waits there for its player. The old connection cannot come back, so the
 * client asks for the match again by its id (through the page's own address, which reaches any live
 * process) for the seat it held, until that works or its patience runs out. While the old process still
 * runs (a mere network drop), the seat is still held by the dropped connection and the request is
 * refused: Colyseus' own reconnection wins then, and the search is cancelled.
 */

/** How long the client looks for a match that moved before it gives up and goes back to the menu. */
export const RELOCATION_PATIENCE_MS = 45_000;
/** How often it asks. */
export const RELOCATION_INTERVAL_MS = 1_500;

export interface Relocation<T> {
  /** Resolves with the new connection, or null when cancelled or out of patience. */
  found: Promise<T | null>;
  cancel(): void;
}

/**
 * Retries `join` until it succeeds, is cancelled, or `patienceMs` have passed. A connection made after
 * the search was cancelled goes to `abandon` (it would otherwise hold the seat).
 */
export function relocate<T>(join: () => Promise<T>, abandon: (joined: T) => void, patienceMs = RELOCATION_PATIENCE_MS, intervalMs = RELOCATION_INTERVAL_MS): Relocation<T> {
  let cancelled = false;
  const deadline = Date.now() + patienceMs;
  const found = (async () => {
    while (!cancelled && Date.now() < deadline) {
      try {
        const joined = await join();
        if (!cancelled) return joined;
        abandon(joined);
        return null;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
    }
    return null;
  })();
  return {
    found,
    cancel() {
      cancelled = true;
    },
  };
}
