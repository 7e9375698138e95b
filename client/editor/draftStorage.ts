import { browserStorage } from "../browserStorage";

const DRAFTS_KEY = "maquis.editor.drafts";
const EDIT_TOKENS_KEY = "maquis.editor.editTokens";
/** Drafts this browser keeps, the most recently changed first; starting an older one than this many drops it. */
export const KEPT_DRAFTS = 10;

export interface SavedDraft {
  /** Which draft this is, in this browser (its scenario id may change while it is edited). */
  key: string;
  file: Record<string, unknown>;
  savedAt: string;
  /** The co-editing session the draft belongs to, if it was shared. */
  sharedDraftId?: string;
}

/** A key for a new draft. */
export const newDraftKey = () => `draft-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** The drafts this browser is working on, the most recently changed first (none if unreadable). */
export function readSavedDrafts(storage = browserStorage()): SavedDraft[] {
  try {
    const saved = JSON.parse(storage?.getItem(DRAFTS_KEY) ?? "[]") as unknown;
    return Array.isArray(saved) ? saved.filter((draft): draft is SavedDraft => typeof draft?.key === "string" && typeof draft.file === "object" && draft.file !== null) : [];
  } catch {
    return [];
  }
}

/** Saves the draft under its key, first in the list; false when the browser would not keep it (no storage, or full). */
export function saveDraft(draft: SavedDraft, storage = browserStorage()): boolean {
  try {
    const others = readSavedDrafts(storage).filter((saved) => saved.key !== draft.key);
    storage?.setItem(DRAFTS_KEY, JSON.stringify([draft, ...others].slice(0, KEPT_DRAFTS)));
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
