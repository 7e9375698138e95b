import { describe, expect, it } from "vitest";
import { AudioSettingsStore, channelGain, type StorageLike } from "../../client/audio/audioSettings";
import { SoundBank, type CreateSound, type GestureTarget } from "../../client/audio/soundBank";
import { EFFECT_NAMES, MUSIC_ERAS, musicEraFor, type EffectName, type MusicEra } from "../../client/audio/soundNames";
import { SOUND_TUNING } from "../../client/audio/tuning";

const effectUrls = Object.fromEntries(EFFECT_NAMES.map((name) => [name, `/${name}.wav`])) as Record<EffectName, string>;
const musicUrls = Object.fromEntries(MUSIC_ERAS.map((era) => [era, `/music-${era}.wav`])) as Record<MusicEra, string>;

/** A bank with fake sounds, a fake page, a hand-driven clock and hand-run timers; `log` records every call on a sound. */
function rig(options: { alreadyActive?: boolean } = {}) {
  const log: string[] = [];
  const created: string[] = [];
  const listeners = new Map<string, () => void>();
  const target: GestureTarget = {
    addEventListener: (type, listener) => void listeners.set(type, listener),
    removeEventListener: (type) => void listeners.delete(type),
  };
  const createSound: CreateSound = ({ src, loop, volume }) => {
    created.push(src);
    log.push(`${src} new loop=${loop} volume=${volume}`);
    return {
      play: () => log.push(`${src} play`),
      pause: () => log.push(`${src} pause`),
      stop: () => log.push(`${src} stop`),
      volume: (level) => log.push(`${src} volume ${level}`),
      fade: (from, to, ms) => log.push(`${src} fade ${from}→${to} in ${ms}`),
      unload: () => log.push(`${src} unload`),
    };
  };
  const storage: StorageLike = { getItem: () => null, setItem: () => {} };
  const settings = new AudioSettingsStore(storage);
  let clock = 0;
  const timers: (() => void)[] = [];
  const bank = new SoundBank({
    settings,
    effectUrls,
    musicUrls,
    createSound,
    output: { warmUp: () => log.push("output warmed up") },
    gestureTarget: target,
    alreadyActive: options.alreadyActive,
    now: () => clock,
    later: (run) => void timers.push(run),
  });
  return {
    bank,
    settings,
    log,
    created,
    listeners,
    advance: (ms: number) => (clock += ms),
    runTimers: () => timers.splice(0).forEach((run) => run()),
    /** The player's first click. */
    click: () => listeners.get("pointerdown")?.(),
    plays: (src: string) => log.filter((line) => line === `${src} play`).length,
  };
}

describe("the sound bank", () => {
  it("makes no sound, and creates nothing, before the player's first interaction; effects asked for then are dropped", () => {
    const { bank, created, listeners, click, plays } = rig();
    expect([...listeners.keys()].sort()).toEqual(["keydown", "pointerdown", "touchend"]);
    bank.playEffect("contact");
    bank.playEffect("order");
    expect(created).toEqual([]);
    click();
    expect(bank.isUnlocked).toBe(true);
    expect(listeners.size).toBe(0);
    // Every effect is loaded on the first interaction, but none of the dropped ones plays.
    expect([...created].sort()).toEqual(Object.values(effectUrls).sort());
    expect(plays("/contact.wav") + plays("/order.wav")).toBe(0);
    bank.playEffect("order");
    expect(plays("/order.wav")).toBe(1);
  });

  it("defers music asked for before the first interaction, and fades it in then", () => {
    const { bank, created, log, click } = rig();
    bank.playMusic("mirror");
    expect(created).toEqual([]);
    click();
    const gain = channelGain({ volume: SOUND_TUNING.defaultMusicVolume, muted: false });
    expect(log).toContain("/music-mirror.wav new loop=true volume=0");
    expect(log).toContain("/music-mirror.wav play");
    expect(log).toContain(`/music-mirror.wav fade 0→${gain} in ${SOUND_TUNING.musicFadeInMs}`);
  });

  it("forgets music stopped before the first interaction", () => {
    const { bank, created, click } = rig();
    bank.playMusic("dmz");
    bank.stopMusic();
    click();
    expect(created.filter((src) => src.startsWith("/music"))).toEqual([]);
  });

  it("warms the audio output up ahead of the first interaction, creating no sound before it", () => {
    const { bank, log, created, click } = rig();
    bank.prepare();
    expect(log).toEqual(["output warmed up"]);
    expect(created).toEqual([]);
    click();
    expect(created.length).toBeGreaterThan(0);
  });

  it("warms no audio output up while every sound is muted", () => {
    const { bank, settings, log } = rig();
    settings.set("effects", { muted: true });
    settings.set("music", { muted: true });
    bank.prepare();
    expect(log).not.toContain("output warmed up");
    settings.set("music", { muted: false });
    bank.prepare();
    expect(log).toContain("output warmed up");
  });

  it("unlocks at once on a page that has been interacted with already", () => {
    const { bank, listeners } = rig({ alreadyActive: true });
    expect(bank.isUnlocked).toBe(true);
    expect(listeners.size).toBe(0);
  });

  it("plays the same effect at most once per throttle, other effects regardless", () => {
    const { bank, click, advance, plays } = rig();
    click();
    const throttle = SOUND_TUNING.throttleMsByEffect.raid ?? SOUND_TUNING.throttleMs;
    bank.playEffect("raid");
    bank.playEffect("raid");
    bank.playEffect("select");
    advance(throttle - 1);
    bank.playEffect("raid");
    expect(plays("/raid.wav")).toBe(1);
    expect(plays("/select.wav")).toBe(1);
    advance(1);
    bank.playEffect("raid");
    expect(plays("/raid.wav")).toBe(2);
  });

  it("throttles a burst of contacts harder", () => {
    const { bank, click, advance, plays } = rig();
    click();
    for (let i = 0; i < 20; i++) {
      bank.playEffect("contact");
      advance(50);
    }
    expect(plays("/contact.wav")).toBe(Math.ceil(1000 / (SOUND_TUNING.throttleMsByEffect.contact ?? SOUND_TUNING.throttleMs)));
  });

  it("plays no effect while effects are muted, and sets the effects' volume from the settings", () => {
    const { bank, settings, log, click, plays } = rig();
    click();
    settings.set("effects", { muted: true });
    expect(log).toContain("/order.wav volume 0");
    bank.playEffect("order");
    expect(plays("/order.wav")).toBe(0);
    settings.set("effects", { muted: false, volume: 0.5 });
    expect(log).toContain(`/order.wav volume ${channelGain({ volume: 0.5, muted: false })}`);
    bank.playEffect("order");
    expect(plays("/order.wav")).toBe(1);
  });

  it("loads no effect on the first interaction while effects are muted, and loads one when it is first played", () => {
    const { bank, settings, created, click } = rig();
    settings.set("effects", { muted: true });
    click();
    expect(created).toEqual([]);
    settings.set("effects", { muted: false });
    bank.playEffect("victory");
    expect(created).toEqual(["/victory.wav"]);
  });

  it("pauses the music when it is muted and fades it back in when unmuted; music changes nothing of the effects", () => {
    const { bank, settings, log, click, plays } = rig();
    click();
    bank.playMusic("dmz");
    settings.set("music", { muted: true });
    expect(log.at(-1)).toBe("/music-dmz.wav pause");
    settings.set("music", { volume: 0.3 });
    expect(log.at(-1)).toBe("/music-dmz.wav pause");
    settings.set("music", { muted: false });
    expect(plays("/music-dmz.wav")).toBe(2);
    expect(log.at(-1)).toBe(`/music-dmz.wav fade 0→${channelGain({ volume: 0.3, muted: false })} in ${SOUND_TUNING.musicFadeInMs}`);
    expect(log.some((line) => /^\/(?!music)\S+ volume /.test(line))).toBe(false);
  });

  it("changes the music's volume with its slider, but asking again for the same era does not cut its fade-in", () => {
    const { bank, settings, log, click } = rig();
    click();
    bank.playMusic("dmz");
    const before = log.length;
    bank.playMusic("dmz");
    expect(log.length).toBe(before);
    settings.set("music", { volume: 0.9 });
    expect(log.at(-1)).toBe(`/music-dmz.wav volume ${channelGain({ volume: 0.9, muted: false })}`);
  });

  it("cross-fades from one era to another, then stops and unloads the old loop", () => {
    const { bank, log, click, runTimers } = rig();
    click();
    bank.playMusic("dmz");
    bank.playMusic("mirror");
    const gain = channelGain({ volume: SOUND_TUNING.defaultMusicVolume, muted: false });
    expect(log).toContain(`/music-dmz.wav fade ${gain}→0 in ${SOUND_TUNING.musicFadeOutMs}`);
    expect(log).toContain("/music-mirror.wav play");
    expect(log).not.toContain("/music-dmz.wav unload");
    runTimers();
    expect(log.slice(-2)).toEqual(["/music-dmz.wav stop", "/music-dmz.wav unload"]);
    bank.stopMusic();
    runTimers();
    expect(log.slice(-2)).toEqual(["/music-mirror.wav stop", "/music-mirror.wav unload"]);
  });

  it("gives the mirror universe its own music and every other era the DMZ's", () => {
    expect(musicEraFor("mirror")).toBe("mirror");
    expect(musicEraFor("primary")).toBe("dmz");
    expect(musicEraFor("reborn")).toBe("dmz");
  });
});
