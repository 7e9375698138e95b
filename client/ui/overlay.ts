/** The DOM layer above the canvas where panels live. */
export function uiRoot(): HTMLElement {
  return document.getElementById("ui")!;
}
