/** The game's sound effects; each is assets/sound/generated/<name>.wav, rendered from assets/sound/effects.json. */
export const EFFECT_NAMES = ["order", "refused", "select", "contact", "combat", "raid", "baseFound", "victory", "defeat", "notice"] as const;
export type EffectName = (typeof EFFECT_NAMES)[number];

/** One ambient loop per era; each is assets/sound/generated/music-<era>.wav, rendered from assets/sound/music.json. */
export const MUSIC_ERAS = ["dmz", "mirror"] as const;
export type MusicEra = (typeof MUSIC_ERAS)[number];

/** A scenario's universe → its music: the DMZ loop for the primary universe and the 2390s Reborn, the darker one for the mirror. */
export function musicEraFor(universe: "primary" | "mirror" | "reborn"): MusicEra {
  return universe === "mirror" ? "mirror" : "dmz";
}
