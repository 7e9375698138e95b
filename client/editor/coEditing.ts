import { LIMITS } from "../../shared/protocol/limits";
import { playerId } from "../net/playerId";
import type { EditorModel, Selected } from "./editorModel";
import type { RemoteEditor } from "./MapSurface";
import { openDraftSession, type DraftSession, type DraftStatus } from "./net/draftSession";

/** How often this editor's pointer goes to the others at most: the session's outbox throttles too, this spares it the work. */
const CURSOR_INTERVAL_MS = 80;

/** Another editor's form field, shown to this one in their colour. */
export interface RemoteField {
  path: string;
  name: string;
  color: string;
}

interface Presence {
  name?: unknown;
  color?: unknown;
  cursor?: { x: number; y: number } | null;
  selection?: unknown;
  field?: unknown;
}

const KINDS = new Set(["system", "region", "force"]);

/** "system:haven" → the thing selected; anything else another client sent is dropped. */
function selectedOf(text: unknown): Selected | null {
  if (typeof text !== "string") return null;
  const at = text.indexOf(":");
  const kind = text.slice(0, at);
  return at > 0 && KINDS.has(kind) ? { kind: kind as Selected["kind"], id: text.slice(at + 1) } : null;
}

const text = (value: unknown, fallback: string, max: number) => (typeof value === "string" && value !== "" ? value.slice(0, max) : fallback);
const colour = (value: unknown) => (typeof value === "string" && /^#[0-9a-f]{6}$/i.test(value) ? value : "#cccccc");

/**
 * The editor's side of a co-editing session: the model's document bound to the editor room, this
 * editor's pointer, selection and form field told to the others, and theirs read back for the map
 * and the forms. Others' presence is data from other browsers: every field is checked before use.
 */
export class CoEditing {
  private lastCursorAt = 0;
  /** Whether this editor's copy is level with the room's, being sent, or cut off (see DraftStatus). */
  status: DraftStatus = "sending";
  /** The last thing the room refused, in its words (shown to the modder as text). */
  refusal = "";
  private readonly unsubscribe: () => void;

  private constructor(
    readonly session: DraftSession,
    model: EditorModel,
    onChange: () => void,
  ) {
    session.awareness.on("change", onChange);
    session.onRefusal((error) => {
      this.refusal = error.message;
      onChange();
    });
    session.onStatus((status) => {
      this.status = status;
      onChange();
    });
    let lastSelection = "";
    this.unsubscribe = model.onChange(() => {
      const selection = model.selection.map((item) => `${item.kind}:${item.id}`);
      if (selection.join("\n") === lastSelection) return;
      lastSelection = selection.join("\n");
      session.awareness.setLocalStateField("selection", selection.slice(0, LIMITS.selectionIds));
    });
  }

  /**
   * Shares the model's draft in a new co-editing draft (`file` set), or joins the draft with this id
   * (the model's document, empty, is filled from the room). Resolves once both copies agree.
   */
  static async open(model: EditorModel, name: string, onChange: () => void, target: { file: Record<string, unknown> } | { draftId: string }): Promise<CoEditing> {
    const session = await openDraftSession({
      ...("file" in target ? { initialFile: target.file } : { draftId: target.draftId }),
      doc: model.doc,
      name,
      player: playerId(),
    });
    model.undoManager.clear();
    model.check();
    return new CoEditing(session, model, onChange);
  }

  /** This editor's pointer on the map, in map units (null when it leaves the map). */
  moveCursor(at: { x: number; y: number } | null): void {
    const now = performance.now();
    if (at && now - this.lastCursorAt < CURSOR_INTERVAL_MS) return;
    this.lastCursorAt = now;
    this.session.awareness.setLocalStateField("cursor", at ? { x: Math.round(at.x), y: Math.round(at.y) } : null);
  }

  /** The name the others see this editor by. */
  rename(name: string): void {
    this.session.awareness.setLocalStateField("name", name.trim().slice(0, LIMITS.nameCharacters) || "Player");
  }

  /** The form field this editor is in, as a dotted path (null when none). */
  focusField(path: string | null): void {
    this.session.awareness.setLocalStateField("field", path ?? undefined);
  }

  private others(): Presence[] {
    const own = this.session.doc.clientID;
    return [...this.session.awareness.getStates()].filter(([id]) => id !== own).map(([, state]) => state as Presence);
  }

  /** The other editors, for the map: name, colour, pointer and selection. */
  remotes(): RemoteEditor[] {
    return this.others().map((state) => {
      const cursor = state.cursor && Number.isFinite(state.cursor.x) && Number.isFinite(state.cursor.y) ? { x: state.cursor.x, y: state.cursor.y } : null;
      const selection = Array.isArray(state.selection) ? state.selection.map(selectedOf).filter((item): item is Selected => item !== null) : [];
      return { name: text(state.name, "Someone", LIMITS.nameCharacters), color: colour(state.color), cursor, selection };
    });
  }

  /** The form fields the other editors are in. */
  remoteFields(): RemoteField[] {
    return this.others().flatMap((state) =>
      typeof state.field === "string" ? [{ path: state.field.slice(0, LIMITS.presenceFieldCharacters), name: text(state.name, "Someone", LIMITS.nameCharacters), color: colour(state.color) }] : [],
    );
  }

  async close(): Promise<void> {
    this.unsubscribe();
    await this.session.close();
  }
}
