import { Howl } from "howler";
import { audioSettings, channelGain, type AudioSettings, type AudioSettingsStore } from "./audioSettings";
import { effectUrls, musicUrls } from "./soundFiles";
import { EFFECT_NAMES, type EffectName, type MusicEra } from "./soundNames";
import { SOUND_TUNING } from "./tuning";

export type { EffectName, MusicEra } from "./soundNames";
export { musicEraFor } from "./soundNames";

/** The few things the bank asks of a loaded sound (a Howl; a fake in tests). */
export interface SoundHandle {
  play(): unknown;
  pause(): unknown;
  stop(): unknown;
  volume(level: number): unknown;
  fade(from: number, to: number, ms: number): unknown;
  unload(): unknown;
}
export type CreateSound = (options: { src: string; loop: boolean; volume: number }) => SoundHandle;

/** Web Audio Howls: they loop without a gap, and Vite's URLs name no extension when it inlines a small file, hence the format. */
export const createHowl: CreateSound = ({ src, loop, volume }) => new Howl({ src: [src], format: ["wav"], loop, volume, preload: true });

/** The browser's audio output, as the bank asks of it (nothing in tests). */
export interface AudioOutput {
  /** Starts the output in the background, so the audio context the first interaction opens has it ready. */
  warmUp(): void;
}

/**
 * A muted play of the shortest effect (inlined in the page, no download) starts the browser's audio output off
 * the main thread. Without it, the first audio context a browser opens waits for that output to start, and
 * the page with it: 0.4 to 0.8 s in headless Chromium here, then under 0.03 s once warmed up (measured).
 */
export const browserOutput: AudioOutput = {
  warmUp: () => {
    const clip = new Audio(effectUrls.select);
    clip.muted = true;
    clip.play().catch(() => {});
  },
};

/** Where the page's first interaction is heard (window; a fake in tests). */
export interface GestureTarget {
  addEventListener(type: string, listener: () => void, options?: AddEventListenerOptions): void;
  removeEventListener(type: string, listener: () => void, options?: EventListenerOptions): void;
}
/** Events that count as a first interaction: a touch activates a page on touchend, not pointerdown. */
const GESTURES = ["pointerdown", "keydown", "touchend"] as const;

export interface SoundBankOptions {
  settings: AudioSettingsStore;
  effectUrls: Record<EffectName, string>;
  musicUrls: Record<MusicEra, string>;
  createSound?: CreateSound;
  /** Warmed up by prepare(); none: nothing is warmed up. */
  output?: AudioOutput;
  /** Listened to for the first interaction; null listens nowhere (then only unlock() unlocks). */
  gestureTarget: GestureTarget | null;
  /** The page has been interacted with already (navigator.userActivation.hasBeenActive): unlock at once. */
  alreadyActive?: boolean;
  now?: () => number;
  later?: (run: () => void, ms: number) => void;
}

/**
 * The game's sound: effects and one ambient loop at a time, at the volumes of the sound settings.
 * Silent, with no Howl, until the player's first pointerdown, keydown or touch on the page: effects asked
 * for before it are dropped, music asked for before it starts then.
 */
export class SoundBank {
  private unlocked = false;
  private settings: AudioSettings;
  private readonly effects = new Map<EffectName, SoundHandle>();
  private readonly lastPlayed = new Map<EffectName, number>();
  private wantedEra: MusicEra | null = null;
  /** The loop playing or paused, and the gain it was last set or faded to. */
  private music: { era: MusicEra; sound: SoundHandle; paused: boolean; gain: number } | null = null;
  private readonly createSound: CreateSound;
  private readonly now: () => number;
  private readonly later: (run: () => void, ms: number) => void;
  private readonly stopListening: () => void;

  constructor(private readonly options: SoundBankOptions) {
    this.createSound = options.createSound ?? createHowl;
    this.now = options.now ?? (() => performance.now());
    this.later = options.later ?? ((run, ms) => void setTimeout(run, ms));
    this.settings = options.settings.current;
    options.settings.subscribe((settings) => this.applySettings(settings));
    const target = options.gestureTarget;
    const onGesture = () => this.unlock();
    this.stopListening = () => {
      for (const type of GESTURES) target?.removeEventListener(type, onGesture, { capture: true });
    };
    if (options.alreadyActive) this.unlock();
    // Capture, so the bank is ready before the game handles the same click (and plays its sound).
    else for (const type of GESTURES) target?.addEventListener(type, onGesture, { capture: true, passive: true });
  }

  get isUnlocked(): boolean {
    return this.unlocked;
  }

  /**
   * Warms the audio output up, unless every sound is muted: then the first interaction, which opens the audio
   * context, answers at once rather than after the output starts.
   */
  prepare(): void {
    if (channelGain(this.settings.effects) > 0 || channelGain(this.settings.music) > 0) this.options.output?.warmUp();
  }

  /** Called by the first interaction; from then on sound may play. */
  unlock(): void {
    if (this.unlocked) return;
    this.unlocked = true;
    this.stopListening();
    // Load every effect now, so the first of each plays without waiting (unless effects are muted).
    if (channelGain(this.settings.effects) > 0) for (const name of EFFECT_NAMES) this.effectSound(name);
    this.syncMusic();
  }

  /** Plays an effect, unless sound is still locked, effects are muted, or the same effect just played. */
  playEffect(name: EffectName): void {
    if (!this.unlocked || channelGain(this.settings.effects) === 0) return;
    const now = this.now();
    const last = this.lastPlayed.get(name);
    if (last !== undefined && now - last < (SOUND_TUNING.throttleMsByEffect[name] ?? SOUND_TUNING.throttleMs)) return;
    this.lastPlayed.set(name, now);
    this.effectSound(name).play();
  }

  /** Loops an era's music, fading out any other; before the first interaction, it waits for it. */
  playMusic(era: MusicEra): void {
    this.wantedEra = era;
    this.syncMusic();
  }

  /** Fades the music out (and forgets a loop that was waiting for the first interaction). */
  stopMusic(): void {
    this.wantedEra = null;
    this.syncMusic();
  }

  private effectSound(name: EffectName): SoundHandle {
    let sound = this.effects.get(name);
    if (!sound) {
      sound = this.createSound({ src: this.options.effectUrls[name], loop: false, volume: channelGain(this.settings.effects) });
      this.effects.set(name, sound);
    }
    return sound;
  }

  private applySettings(settings: AudioSettings): void {
    const effectsBefore = channelGain(this.settings.effects);
    this.settings = settings;
    const effects = channelGain(settings.effects);
    if (effects !== effectsBefore) for (const sound of this.effects.values()) sound.volume(effects);
    this.syncMusic();
  }

  /** Brings the music in line with the era wanted and the music settings. */
  private syncMusic(): void {
    if (!this.unlocked) return;
    const gain = channelGain(this.settings.music);
    if (this.music && this.music.era !== this.wantedEra) {
      const { sound, paused, gain: from } = this.music;
      this.music = null;
      if (!paused) sound.fade(from, 0, SOUND_TUNING.musicFadeOutMs);
      this.later(() => {
        sound.stop();
        sound.unload();
      }, paused ? 0 : SOUND_TUNING.musicFadeOutMs);
    }
    const era = this.wantedEra;
    if (era === null) return;
    if (gain === 0) {
      // Muted: pause at once (and load nothing that was not loaded yet).
      if (this.music && !this.music.paused) {
        this.music.sound.pause();
        this.music.paused = true;
      }
      return;
    }
    if (!this.music) {
      const sound = this.createSound({ src: this.options.musicUrls[era], loop: true, volume: 0 });
      this.music = { era, sound, paused: true, gain: 0 };
    }
    const music = this.music;
    if (music.paused) {
      music.paused = false;
      music.sound.volume(0);
      music.sound.play();
      music.sound.fade(0, gain, SOUND_TUNING.musicFadeInMs);
    } else if (music.gain !== gain) {
      // Only a change of volume sets it: asking again for the same era must not cut its fade-in short.
      music.sound.volume(gain);
    }
    music.gain = gain;
  }
}

let shared: SoundBank | undefined;

/** The page's one sound bank, on localStorage's settings and the generated files. */
export function soundBank(): SoundBank {
  shared ??= new SoundBank({
    settings: audioSettings(),
    effectUrls,
    musicUrls,
    output: browserOutput,
    gestureTarget: typeof window === "undefined" ? null : window,
    alreadyActive: typeof navigator !== "undefined" && (navigator as { userActivation?: { hasBeenActive: boolean } }).userActivation?.hasBeenActive === true,
  });
  return shared;
}

/** Plays a sound effect (dropped before the player's first interaction, while effects are muted, or if the same effect played within its throttle). */
export function playEffect(name: EffectName): void {
  soundBank().playEffect(name);
}

/** Loops an era's ambient music, cross-fading from any other; asked before the first interaction, it starts then. */
export function playMusic(era: MusicEra): void {
  soundBank().playMusic(era);
}

/** Fades the music out. */
export function stopMusic(): void {
  soundBank().stopMusic();
}

// In the browser the bank listens for the first interaction from the moment this module loads.
if (typeof window !== "undefined") soundBank();
