import { browserStorage } from "../browserStorage";

const DRAFT_KEY = "maquis.editor.draft";
const EDIT_TOKENS_KEY = "maquis.editor.editTokens";

export interface SavedDraft {
  file: Record<string, unknown>;
  savedAt: string;
  /** The co-editing session the draft belongs to, if it was shared. */
  sharedDraftId?: string;
}

/** The draft this browser was last working on, kept across reloads and visits; null if none (or unreadable). */
export function readSavedDraft(storage = browserStorage()): SavedDraft | null {
  try {
    const saved = JSON.parse(storage?.getItem(DRAFT_KEY) ?? "null") as SavedDraft | null;
    return saved && typeof saved.file === "object" && saved.file !== null ? saved : null;
  } catch {
    return null;
  }
}

/** Saves the draft; false when the browser would not keep it (no storage, or full). */
export function saveDraft(draft: SavedDraft, storage = browserStorage()): boolean {
  try {
    storage?.setItem(DRAFT_KEY, JSON.stringify(draft));
    return storage !== null;
  } catch {
    return false;
  }
}

/** The secret edit tokens of the scenarios this browser has published, by scenario id: only their holder can publish a new version. */
export function readEditTokens(storage = browserStorage()): Record<string, string> {
  try {
    const tokens = JSON.parse(storage?.getItem(EDIT_TOKENS_KEY) ?? "{}") as unknown;
    return typeof tokens === "object" && tokens !== null ? (tokens as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function keepEditToken(scenarioId: string, token: string, storage = browserStorage()): void {
  try {
    storage?.setItem(EDIT_TOKENS_KEY, JSON.stringify({ ...readEditTokens(storage), [scenarioId]: token }));
  } catch {
    // A browser that keeps nothing still shows the token once, for the author to copy.
  }
}
