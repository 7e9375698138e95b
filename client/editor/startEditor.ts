import { uiRoot } from "../ui/overlay";
import { EditorApp } from "./EditorApp";
import { EditorModel } from "./editorModel";

/** The scenario editor on the page: loaded by client/main.ts as a chunk of its own, only at /editor. */
export function startEditor(): EditorApp {
  const editor = new EditorApp(new EditorModel());
  uiRoot().append(editor);
  return editor;
}
