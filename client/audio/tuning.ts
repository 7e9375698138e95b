import type { EffectName } from "./soundNames";

/**
 * Every tuning number of the game's sound in one place. Loudness of each effect relative to the others
 * is baked into its WAV (assets/sound/effects.json, "peak"); these are the numbers applied at play time.
 */
export const SOUND_TUNING = {
  /** Where a player who never touched the sliders starts, 0..1 (as the sliders show them). */
  defaultMusicVolume: 0.5,
  defaultEffectsVolume: 0.8,
  /**
   * The gain a slider position gives is position ** volumeCurve: ears hear loudness roughly by
   * ratio, so a square law makes the middle of a slider sound like the middle (0.5 → a quarter, −12 dB).
   */
  volumeCurve: 2,
  /** The same effect plays at most once per this many milliseconds, so a burst of events does not blare. */
  throttleMs: 150,
  /** Longer gaps for effects that come in bursts (a fleet sighted at once, a long exchange of fire). */
  throttleMsByEffect: { contact: 600, combat: 300, notice: 250 } as Partial<Record<EffectName, number>>,
  /** Music fades in when it starts or comes back from mute, and out when it stops or the era changes. */
  musicFadeInMs: 2500,
  musicFadeOutMs: 1200,
} as const;
