import { SOUND_TUNING } from "./tuning";
import { browserStorage } from "../browserStorage";

/** Music and effects each have their own volume and mute. */
export type SoundChannel = "music" | "effects";
export const SOUND_CHANNELS: readonly SoundChannel[] = ["music", "effects"];

export interface ChannelSettings {
  /** 0..1, as the slider shows it; see channelGain for what is heard. */
  volume: number;
  muted: boolean;
}
export type AudioSettings = Record<SoundChannel, ChannelSettings>;

/** The part of the Web Storage API the settings use (localStorage in the browser, a fake in tests). */
export type StorageLike = Pick<Storage, "getItem" | "setItem">;

export const AUDIO_SETTINGS_KEY = "maquis.sound";

export function defaultAudioSettings(): AudioSettings {
  return {
    music: { volume: SOUND_TUNING.defaultMusicVolume, muted: false },
    effects: { volume: SOUND_TUNING.defaultEffectsVolume, muted: false },
  };
}

const isVolume = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 1;

/**
 * Settings as stored (JSON text, or null when nothing is). Each field is checked on its own: one that is
 * missing or broken takes its default and the rest are kept; text that is not JSON gives all defaults.
 */
export function parseAudioSettings(text: string | null): AudioSettings {
  const settings = defaultAudioSettings();
  if (text === null) return settings;
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return settings;
  }
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return settings;
  for (const channel of SOUND_CHANNELS) {
    const saved: unknown = (stored as Record<string, unknown>)[channel];
    if (typeof saved !== "object" || saved === null) continue;
    const { volume, muted } = saved as Record<string, unknown>;
    if (isVolume(volume)) settings[channel].volume = volume;
    if (typeof muted === "boolean") settings[channel].muted = muted;
  }
  return settings;
}

/** The gain a channel plays at: 0 when muted, else its volume on the curve in SOUND_TUNING. */
export function channelGain(settings: ChannelSettings): number {
  return settings.muted ? 0 : settings.volume ** SOUND_TUNING.volumeCurve;
}


type Listener = (settings: AudioSettings) => void;

/** The sound settings of this browser: read once, saved on every change, and announced to whoever listens. */
export class AudioSettingsStore {
  private settings: AudioSettings;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly storage: StorageLike | null = browserStorage()) {
    let text: string | null = null;
    try {
      text = storage?.getItem(AUDIO_SETTINGS_KEY) ?? null;
    } catch {
      // Storage that refuses to be read counts as empty.
    }
    this.settings = parseAudioSettings(text);
  }

  /** A copy: change settings with set(). */
  get current(): AudioSettings {
    return { music: { ...this.settings.music }, effects: { ...this.settings.effects } };
  }

  /** Changes one channel; a volume is clamped to 0..1 and one that is not a number is ignored. */
  set(channel: SoundChannel, change: Partial<ChannelSettings>): void {
    const next = { ...this.settings[channel] };
    if (typeof change.volume === "number" && !Number.isNaN(change.volume)) next.volume = Math.min(1, Math.max(0, change.volume));
    if (typeof change.muted === "boolean") next.muted = change.muted;
    if (next.volume === this.settings[channel].volume && next.muted === this.settings[channel].muted) return;
    this.settings = { ...this.settings, [channel]: next };
    try {
      this.storage?.setItem(AUDIO_SETTINGS_KEY, JSON.stringify(this.settings));
    } catch {
      // Full or forbidden storage: the change holds for this visit only.
    }
    const current = this.current;
    for (const listener of this.listeners) listener(current);
  }

  /** Calls the listener on every change; returns the function that stops it. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

let shared: AudioSettingsStore | undefined;

/** The one store of this page, on localStorage. */
export function audioSettings(): AudioSettingsStore {
  shared ??= new AudioSettingsStore();
  return shared;
}
