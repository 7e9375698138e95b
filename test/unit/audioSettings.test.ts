import { describe, expect, it } from "vitest";
import {
  AUDIO_SETTINGS_KEY,
  AudioSettingsStore,
  channelGain,
  defaultAudioSettings,
  parseAudioSettings,
  type StorageLike,
} from "../../client/audio/audioSettings";
import { SOUND_TUNING } from "../../client/audio/tuning";

/** A Storage-like map, as localStorage would be. */
function fakeStorage(initial: Record<string, string> = {}): StorageLike & { items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, String(value)) };
}

describe("sound settings", () => {
  it("start at the defaults in SOUND_TUNING, nothing muted", () => {
    const store = new AudioSettingsStore(fakeStorage());
    expect(store.current).toEqual({
      music: { volume: SOUND_TUNING.defaultMusicVolume, muted: false },
      effects: { volume: SOUND_TUNING.defaultEffectsVolume, muted: false },
    });
  });

  it("are remembered: what one store saves, the next one (the next visit) reads", () => {
    const storage = fakeStorage();
    const first = new AudioSettingsStore(storage);
    first.set("music", { volume: 0.25 });
    first.set("music", { muted: true });
    first.set("effects", { volume: 0.6 });
    expect(storage.items.has(AUDIO_SETTINGS_KEY)).toBe(true);
    expect(new AudioSettingsStore(storage).current).toEqual({ music: { volume: 0.25, muted: true }, effects: { volume: 0.6, muted: false } });
  });

  it("keep music and effects apart", () => {
    const store = new AudioSettingsStore(fakeStorage());
    store.set("effects", { muted: true, volume: 0.1 });
    expect(store.current.music).toEqual(defaultAudioSettings().music);
    expect(store.current.effects).toEqual({ volume: 0.1, muted: true });
  });

  it.each([
    ["not JSON", "{music: loud"],
    ["null", "null"],
    ["a number", "3"],
    ["an array", "[0.5, true]"],
    ["channels of the wrong type", '{"music": "off", "effects": 2}'],
    ["fields of the wrong type", '{"music": {"volume": "0.5", "muted": "yes"}, "effects": {"volume": null, "muted": 1}}'],
    ["volumes out of range", '{"music": {"volume": 1.5}, "effects": {"volume": -0.2}}'],
    ["an infinite volume", '{"music": {"volume": 1e999}}'],
  ])("fall back to the defaults on garbage: %s", (_, text) => {
    expect(parseAudioSettings(text)).toEqual(defaultAudioSettings());
    expect(new AudioSettingsStore(fakeStorage({ [AUDIO_SETTINGS_KEY]: text })).current).toEqual(defaultAudioSettings());
  });

  it("keep the fields that are valid when others are broken", () => {
    const text = '{"music": {"volume": "loud", "muted": true}, "effects": {"volume": 0.3, "muted": "no"}, "extra": 1}';
    expect(parseAudioSettings(text)).toEqual({
      music: { volume: SOUND_TUNING.defaultMusicVolume, muted: true },
      effects: { volume: 0.3, muted: false },
    });
  });

  it("work, unsaved, where storage is missing or throws", () => {
    const throwing: StorageLike = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    for (const storage of [throwing, null]) {
      const store = new AudioSettingsStore(storage);
      expect(store.current).toEqual(defaultAudioSettings());
      store.set("music", { volume: 0.2 });
      expect(store.current.music.volume).toBe(0.2);
    }
  });

  it("clamp a volume to 0..1 and ignore one that is not a number", () => {
    const store = new AudioSettingsStore(fakeStorage());
    store.set("music", { volume: 4 });
    expect(store.current.music.volume).toBe(1);
    store.set("music", { volume: -1 });
    expect(store.current.music.volume).toBe(0);
    store.set("music", { volume: Number.NaN });
    expect(store.current.music.volume).toBe(0);
  });

  it("tell listeners of each change, not of a change to the same values, and stop when asked", () => {
    const store = new AudioSettingsStore(fakeStorage());
    const heard: number[] = [];
    const stop = store.subscribe((settings) => heard.push(settings.effects.volume));
    store.set("effects", { volume: 0.5 });
    store.set("effects", { volume: 0.5 });
    stop();
    store.set("effects", { volume: 0.4 });
    expect(heard).toEqual([0.5]);
  });

  it("give a copy, so changing it changes nothing", () => {
    const store = new AudioSettingsStore(fakeStorage());
    store.current.music.volume = 0;
    expect(store.current.music.volume).toBe(SOUND_TUNING.defaultMusicVolume);
  });

  it("play at no gain when muted, and along the volume curve otherwise", () => {
    expect(channelGain({ volume: 1, muted: true })).toBe(0);
    expect(channelGain({ volume: 1, muted: false })).toBe(1);
    expect(channelGain({ volume: 0, muted: false })).toBe(0);
    expect(channelGain({ volume: 0.5, muted: false })).toBeCloseTo(0.5 ** SOUND_TUNING.volumeCurve);
  });
});
