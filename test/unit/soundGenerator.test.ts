import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EFFECT_NAMES, MUSIC_ERAS } from "../../client/audio/soundNames";
import {
  effectsFileSchema,
  encodeWav,
  expectedEffectSamples,
  jsfxrBaseFreq,
  noteHz,
  OUTPUT_DIR,
  readEffectsFile,
  readMusicFile,
  renderAll,
  renderEffect,
  type EffectsFile,
  type MusicFile,
} from "../../scripts/generate-sounds";

interface WavInfo {
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  samples: Int16Array;
}

/** Reads a WAV the way a strict player would, failing on anything but the 44-byte PCM header the game writes. */
function readWav(bytes: Uint8Array): WavInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  expect(text(0)).toBe("RIFF");
  expect(view.getUint32(4, true)).toBe(bytes.length - 8);
  expect(text(8)).toBe("WAVE");
  expect(text(12)).toBe("fmt ");
  expect(view.getUint32(16, true)).toBe(16);
  expect(view.getUint16(20, true)).toBe(1); // PCM
  const channels = view.getUint16(22, true);
  const sampleRate = view.getUint32(24, true);
  const bitsPerSample = view.getUint16(34, true);
  expect(view.getUint32(28, true)).toBe((sampleRate * channels * bitsPerSample) / 8);
  expect(view.getUint16(32, true)).toBe((channels * bitsPerSample) / 8);
  expect(text(36)).toBe("data");
  expect(view.getUint32(40, true)).toBe(bytes.length - 44);
  const samples = new Int16Array((bytes.length - 44) / 2);
  for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(44 + i * 2, true);
  return { channels, sampleRate, bitsPerSample, samples };
}

function loudest(samples: Int16Array): number {
  let peak = 0;
  for (const sample of samples) peak = Math.max(peak, Math.abs(sample));
  return peak / 32767;
}

describe("the sound generator", () => {
  let effects: EffectsFile;
  let music: MusicFile;
  let files: Map<string, Uint8Array>;

  beforeAll(() => {
    effects = readEffectsFile();
    music = readMusicFile();
    files = renderAll(effects, music);
  });

  it("has parameters for every effect and era the client plays, and no others", () => {
    expect(Object.keys(effects.effects).sort()).toEqual([...EFFECT_NAMES].sort());
    expect(Object.keys(music.tracks).sort()).toEqual([...MUSIC_ERAS].sort());
  });

  it("is deterministic: the same parameters render the same bytes", () => {
    const again = renderAll(readEffectsFile(), readMusicFile());
    expect([...again.keys()]).toEqual([...files.keys()]);
    for (const [file, bytes] of files) expect(Buffer.compare(again.get(file)!, bytes), file).toBe(0);
  });

  it("rendered the committed files from the committed parameters (else run npm run sounds)", () => {
    for (const [file, bytes] of files) expect(Buffer.compare(readFileSync(join(OUTPUT_DIR, file)), bytes), file).toBe(0);
  });

  it("depends on the seed, not on the clock or Math.random", () => {
    const raid = effects.effects.raid!;
    const a = renderEffect("raid", raid, { sampleRate: effects.sampleRate, seed: 1 });
    const b = renderEffect("raid", raid, { sampleRate: effects.sampleRate, seed: 2 });
    expect(a).not.toEqual(b);
    const before = Math.random;
    renderEffect("raid", raid, { sampleRate: effects.sampleRate, seed: 1 });
    expect(Math.random).toBe(before);
  });

  it("writes 16-bit mono PCM WAVs at the parameters' sample rates", () => {
    for (const [file, bytes] of files) {
      const wav = readWav(bytes);
      expect(wav.channels, file).toBe(1);
      expect(wav.bitsPerSample, file).toBe(16);
      expect(wav.sampleRate, file).toBe(file.startsWith("music-") ? music.sampleRate : effects.sampleRate);
    }
  });

  it("makes each effect as long as its parts' offsets and envelopes say, and as loud as its peak", () => {
    for (const [name, effect] of Object.entries(effects.effects)) {
      const wav = readWav(files.get(`${name}.wav`)!);
      expect(wav.samples.length, name).toBe(expectedEffectSamples(effect, effects.sampleRate));
      expect(loudest(wav.samples), name).toBeCloseTo(effect.peak, 2);
      // Short: no effect should hold the player up.
      expect(wav.samples.length / wav.sampleRate, name).toBeLessThan(2.5);
    }
  });

  it("makes each era's loop exactly its seconds long, quiet, and seamless where it wraps", () => {
    for (const [era, track] of Object.entries(music.tracks)) {
      const wav = readWav(files.get(`music-${era}.wav`)!);
      expect(wav.samples.length, era).toBe(Math.round(track.seconds * music.sampleRate));
      expect(loudest(wav.samples), era).toBeCloseTo(track.peak, 2);
      expect(track.peak, era).toBeLessThanOrEqual(0.5);
      // The jump from the last sample back to the first is no bigger than the largest step inside the loop.
      let largestStep = 0;
      for (let i = 1; i < wav.samples.length; i++) largestStep = Math.max(largestStep, Math.abs(wav.samples[i]! - wav.samples[i - 1]!));
      expect(Math.abs(wav.samples[0]! - wav.samples.at(-1)!), era).toBeLessThanOrEqual(largestStep);
    }
  });

  it("keeps the files small", () => {
    let total = 0;
    for (const bytes of files.values()) total += bytes.length;
    expect(total).toBeLessThan(2.5 * 1024 * 1024);
  });

  it("encodes samples, clipping what is out of range", () => {
    const wav = readWav(encodeWav(Float32Array.from([0, 0.5, -0.5, 1, -1, 2, -2]), 8000));
    expect(wav.sampleRate).toBe(8000);
    expect([...wav.samples]).toEqual([0, 16384, -16384, 32767, -32767, 32767, -32767]); // rounded alike either side of zero
  });

  it("tunes notes: A4 is 440 Hz, an octave doubles, and jsfxr's slider lands on the note", () => {
    expect(noteHz("A4")).toBeCloseTo(440, 6);
    expect(noteHz("A5")).toBeCloseTo(880, 6);
    expect(noteHz("C4")).toBeCloseTo(261.626, 2);
    expect(noteHz("Eb2")).toBeCloseTo(noteHz("D#2"), 9);
    const slider = jsfxrBaseFreq(440);
    expect(3528 * (slider * slider + 0.001)).toBeCloseTo(440, 6);
  });

  it("refuses parameters with a misspelt jsfxr field", () => {
    const bad = structuredClone(JSON.parse(readFileSync(join(OUTPUT_DIR, "..", "effects.json"), "utf8")));
    bad.effects.select.parts[0].p_env_sustian = 0.1;
    expect(effectsFileSchema.safeParse(bad).success).toBe(false);
  });
});
