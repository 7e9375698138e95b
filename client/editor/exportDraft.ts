/** Downloads the draft as a scenario file named after its id. */
export function exportDraft(draft: Record<string, unknown>): void {
  const id = typeof draft.id === "string" && /^[a-z0-9-]+$/.test(draft.id) ? draft.id : "scenario";
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(draft, null, 2)}\n`], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `${id}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
