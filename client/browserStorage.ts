/** This browser's localStorage, or null where there is none or the page may not use it (some private modes throw on access). */
export function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
