import { describe, expect, it } from "vitest";
import { DISPLAY_SETTINGS_KEY, readDisplaySettings, saveDisplaySettings, type StorageLike } from "../../client/ui/displaySettings";

function fakeStorage(initial: Record<string, string> = {}): StorageLike & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (key) => data[key] ?? null, setItem: (key, value) => void (data[key] = value) };
}

describe("display settings", () => {
  it("start from the normal size and the system's wish for reduced motion", () => {
    expect(readDisplaySettings(fakeStorage(), false)).toEqual({ uiScale: 1, reducedMotion: false });
    expect(readDisplaySettings(fakeStorage(), true)).toEqual({ uiScale: 1, reducedMotion: true });
    expect(readDisplaySettings(null, true)).toEqual({ uiScale: 1, reducedMotion: true });
  });

  it("are remembered", () => {
    const storage = fakeStorage();
    saveDisplaySettings(storage, { uiScale: 1.3, reducedMotion: true });
    expect(readDisplaySettings(storage, false)).toEqual({ uiScale: 1.3, reducedMotion: true });
  });

  it("keep each sound field of a damaged record and default the rest", () => {
    expect(readDisplaySettings(fakeStorage({ [DISPLAY_SETTINGS_KEY]: "{not json" }), false)).toEqual({ uiScale: 1, reducedMotion: false });
    expect(readDisplaySettings(fakeStorage({ [DISPLAY_SETTINGS_KEY]: '{"uiScale": 7, "reducedMotion": true}' }), false)).toEqual({ uiScale: 1, reducedMotion: true });
    expect(readDisplaySettings(fakeStorage({ [DISPLAY_SETTINGS_KEY]: '{"uiScale": 1.15, "reducedMotion": "yes"}' }), false)).toEqual({ uiScale: 1.15, reducedMotion: false });
    expect(readDisplaySettings(fakeStorage({ [DISPLAY_SETTINGS_KEY]: "[1,2]" }), true)).toEqual({ uiScale: 1, reducedMotion: true });
  });
});
