/** The UI scales offered, as a share of the normal size. */
export const UI_SCALES = [0.85, 1, 1.15, 1.3, 1.5] as const;
export const DISPLAY_SETTINGS_KEY = "maquis.display";

export interface DisplaySettings {
  /** How big the panels are drawn, one of UI_SCALES. */
  uiScale: number;
  /** No sliding or fading panels, and the camera jumps rather than glides. */
  reducedMotion: boolean;
}

/** The part of the Web Storage API these settings use (localStorage in the browser, a fake in tests). */
export type StorageLike = Pick<Storage, "getItem" | "setItem">;

/**
 * This browser's display settings; a missing or broken field takes its default. Reduced motion
 * defaults to what the system asks for (prefers-reduced-motion).
 */
export function readDisplaySettings(storage: StorageLike | null, systemPrefersReducedMotion: boolean): DisplaySettings {
  const settings: DisplaySettings = { uiScale: 1, reducedMotion: systemPrefersReducedMotion };
  let stored: unknown;
  try {
    stored = JSON.parse(storage?.getItem(DISPLAY_SETTINGS_KEY) ?? "null");
  } catch {
    return settings;
  }
  // Each field on its own: a damaged one takes its default, the others are kept.
  const raw = (typeof stored === "object" && stored !== null ? stored : {}) as Record<string, unknown>;
  if (typeof raw.uiScale === "number" && (UI_SCALES as readonly number[]).includes(raw.uiScale)) settings.uiScale = raw.uiScale;
  if (typeof raw.reducedMotion === "boolean") settings.reducedMotion = raw.reducedMotion;
  return settings;
}

export function saveDisplaySettings(storage: StorageLike | null, settings: DisplaySettings): void {
  try {
    storage?.setItem(DISPLAY_SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // A browser that refuses storage (some private modes) keeps the settings for this page only.
  }
}

/**
 * Applies the settings to the panel layer: scaled from its top-left corner, its box shrunk by the same
 * factor so it still covers the whole window; reduced motion as a custom property the panels' styles
 * read through their shadow roots (custom properties inherit into them).
 */
export function applyDisplaySettings(root: HTMLElement, settings: DisplaySettings): void {
  const scale = settings.uiScale;
  root.style.transformOrigin = "0 0";
  root.style.transform = scale === 1 ? "" : `scale(${scale})`;
  root.style.right = scale === 1 ? "0" : "auto";
  root.style.bottom = scale === 1 ? "0" : "auto";
  root.style.width = scale === 1 ? "" : `${100 / scale}vw`;
  root.style.height = scale === 1 ? "" : `${100 / scale}vh`;
  root.style.setProperty("--motion", settings.reducedMotion ? "0" : "1");
  root.toggleAttribute("data-reduced-motion", settings.reducedMotion);
}


export function systemPrefersReducedMotion(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
}

export { browserStorage } from "../browserStorage";
