import { browserStorage } from "../browserStorage";

/** Which collapsible sections of the match panels a player opened or closed, kept by this browser. */
const KEY = "maquis.sections";

function stored(): Record<string, boolean> {
  try {
    const value: unknown = JSON.parse(browserStorage()?.getItem(KEY) ?? "{}");
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, boolean>) : {};
  } catch {
    return {};
  }
}

/** Whether a section is open: as the player last left it, else its default. */
export function isOpen(section: string, byDefault: boolean): boolean {
  const value = stored()[section];
  return typeof value === "boolean" ? value : byDefault;
}

/** Remembers a section as open or closed. */
export function rememberOpen(section: string, open: boolean): void {
  try {
    browserStorage()?.setItem(KEY, JSON.stringify({ ...stored(), [section]: open }));
  } catch {
    // Without storage the section keeps its state for this page only.
  }
}

/** For a <details> element's toggle event: remembers the section as the player left it. */
export function rememberToggle(section: string) {
  return (event: Event): void => rememberOpen(section, (event.target as HTMLDetailsElement).open);
}
