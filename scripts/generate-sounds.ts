/**
 * `npm run sounds`: renders the game's sound from the parameters committed beside it, into 16-bit mono
 * PCM WAV files in assets/sound/generated/ (which client/audio/soundFiles.ts imports):
 *   - assets/sound/effects.json: each effect is one or more jsfxr parameter sets (jsfxr, the sfxr port,
 *     is public domain) mixed at given offsets;
 *   - assets/sound/music.json: each era's ambient loop, a score for the small additive synthesizer below
 *     (drones, slow notes, filtered noise).
 * `npm run sounds -- --check`: renders in memory and exits 1 if a file in assets/sound/generated/ is
 * missing, different or left over; writes nothing.
 *
 * The generated WAVs are committed, not rendered in a build step. The client is built four ways (`npm
 * start`, `npm test`'s `vite build`, the e2e tests' build() in test/support/clientBuild.ts, and the dev
 * server's Vite middleware); committed files keep every one of them, and a fresh `npm install && npm
 * start`, working with no extra step, and keep jsfxr a devDependency. In exchange the render must be
 * deterministic: noise comes from seeded generators (jsfxr's Math.random is swapped for one while it
 * renders), nothing reads the clock, and a WAV holds no date, so re-running writes identical bytes, and
 * test/unit/soundGenerator.test.ts fails if the committed files drift from their parameters.
 * Nothing is downloaded.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { jsfxr, type JsfxrParams } from "jsfxr";
import { z } from "zod";
import { repoRoot } from "../server/config";

export const SOUND_DIR = join(repoRoot, "assets", "sound");
export const OUTPUT_DIR = join(SOUND_DIR, "generated");

// ── Parameters ────────────────────────────────────────────────────────────────────────────────────

/** "A4", "C#3", "Eb2": a note in scientific pitch notation (A4 = 440 Hz). */
const noteSchema = z.string().regex(/^[A-G](#|b)?-?\d$/, 'a note such as "A4", "C#3" or "Eb2"');
const unit = z.number().min(0).max(1);
const signed = z.number().min(-1).max(1);

/** One jsfxr voice: jsfxr's own parameter names (as sfxr.me's "serialize" gives them), plus where and how loud. */
const effectPartSchema = z.strictObject({
  /** Start, in seconds from the effect's start. */
  at: z.number().min(0).max(10).default(0),
  /** Mix level of this part before the effect is scaled to its peak. */
  gain: z.number().min(0).max(4).default(1),
  /** Sets p_base_freq to this note's frequency (jsfxr: Hz = 3528 × (p_base_freq² + 0.001)). */
  note: noteSchema.optional(),
  /** 0 square, 1 sawtooth (a triangle at p_duty 0), 2 sine, 3 noise. */
  wave_type: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  p_env_attack: unit.optional(),
  p_env_sustain: unit.optional(),
  p_env_punch: unit.optional(),
  p_env_decay: unit.optional(),
  p_base_freq: unit.optional(),
  p_freq_limit: unit.optional(),
  p_freq_ramp: signed.optional(),
  p_freq_dramp: signed.optional(),
  p_vib_strength: unit.optional(),
  p_vib_speed: unit.optional(),
  p_arp_mod: signed.optional(),
  p_arp_speed: unit.optional(),
  p_duty: unit.optional(),
  p_duty_ramp: signed.optional(),
  p_repeat_speed: unit.optional(),
  p_pha_offset: signed.optional(),
  p_pha_ramp: signed.optional(),
  p_lpf_freq: unit.optional(),
  p_lpf_ramp: signed.optional(),
  p_lpf_resonance: unit.optional(),
  p_hpf_freq: unit.optional(),
  p_hpf_ramp: signed.optional(),
});
export type EffectPart = z.infer<typeof effectPartSchema>;

const effectSchema = z.strictObject({
  description: z.string().optional(),
  /** The loudest sample of the finished effect, 0..1 of full scale: how loud this effect is beside the others. */
  peak: z.number().gt(0).max(1),
  /** Linear fades over the first and last milliseconds, so no effect starts or ends on a click. */
  fadeInMs: z.number().min(0).max(500).default(2),
  fadeOutMs: z.number().min(0).max(500).default(10),
  parts: z.array(effectPartSchema).min(1).max(16),
});
export type EffectSpec = z.infer<typeof effectSchema>;

export const effectsFileSchema = z.strictObject({
  $comment: z.string().optional(),
  /** jsfxr renders at 44100 Hz and averages down, so only its whole divisions are possible. */
  sampleRate: z.union([z.literal(44100), z.literal(22050), z.literal(11025)]),
  seed: z.number().int().min(0).max(0xffffffff),
  effects: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), effectSchema),
});
export type EffectsFile = z.infer<typeof effectsFileSchema>;

/** A slow rise and fall of a voice's loudness, a whole number of times per loop so the loop stays seamless. */
const swellSchema = z.strictObject({
  cycles: z.number().int().min(1).max(64),
  depth: unit,
  /** Where in its cycle the swell starts, 0..1. */
  phase: unit.default(0),
});

const droneSchema = z.strictObject({
  kind: z.literal("drone"),
  notes: z.array(noteSchema).min(1).max(8),
  /** Amplitudes of the harmonics 1, 2, 3, … of each note. */
  partials: z.array(z.number().min(0).max(1)).min(1).max(12),
  /** Each note sounds twice, this many cents apart, for a slow beating. */
  detuneCents: z.number().min(0).max(50).default(0),
  gain: z.number().min(0).max(2),
  swell: swellSchema.optional(),
});

const notesSchema = z.strictObject({
  kind: z.literal("notes"),
  /** [frequency ratio, amplitude] pairs; a ratio need not be whole (bells, gongs). */
  partials: z.array(z.tuple([z.number().gt(0).max(16), z.number().min(0).max(1)])).min(1).max(12),
  /** Seconds: a smooth rise, a hold at full level, and a fall to silence. */
  attack: z.number().min(0.001).max(30),
  hold: z.number().min(0).max(30),
  release: z.number().min(0.001).max(30),
  /** Semitones the pitch falls over the whole note (a drum's thud); 0 keeps it steady. */
  pitchDrop: z.number().min(0).max(48).default(0),
  gain: z.number().min(0).max(2),
  events: z
    .array(z.strictObject({ at: z.number().min(0), note: noteSchema, gain: z.number().min(0).max(2).default(1) }))
    .min(1)
    .max(256),
});

const noiseSchema = z.strictObject({
  kind: z.literal("noise"),
  /** Cut-off of two one-pole low-pass filters in a row: low values rumble, higher ones hiss. */
  lowpassHz: z.number().min(20).max(5000),
  gain: z.number().min(0).max(2),
  swell: swellSchema.optional(),
});

const trackSchema = z.strictObject({
  description: z.string().optional(),
  /** Length of the loop; every voice repeats seamlessly across it. */
  seconds: z.number().min(1).max(120),
  seed: z.number().int().min(0).max(0xffffffff),
  /** The loudest sample of the loop, 0..1 of full scale: ambient music stays well below the effects. */
  peak: z.number().gt(0).max(1),
  voices: z.array(z.discriminatedUnion("kind", [droneSchema, notesSchema, noiseSchema])).min(1).max(16),
});
export type MusicTrack = z.infer<typeof trackSchema>;

export const musicFileSchema = z.strictObject({
  $comment: z.string().optional(),
  sampleRate: z.number().int().min(8000).max(48000),
  tracks: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), trackSchema),
});
export type MusicFile = z.infer<typeof musicFileSchema>;

function readParams<T>(file: string, schema: z.ZodType<T>): T {
  const result = schema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(file)"}: ${issue.message}`);
    throw new Error(`${file} is not valid:\n${lines.join("\n")}`);
  }
  return result.data;
}

export function readEffectsFile(file = join(SOUND_DIR, "effects.json")): EffectsFile {
  return readParams(file, effectsFileSchema);
}

export function readMusicFile(file = join(SOUND_DIR, "music.json")): MusicFile {
  return readParams(file, musicFileSchema);
}

// ── Small tools ───────────────────────────────────────────────────────────────────────────────────

/** mulberry32: a tiny seeded generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a name, mixed into a seed: each effect's noise depends on its name, not its place in the file. */
function seedFor(seed: number, name: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

const semitones: Record<string, number> = { C: -9, D: -7, E: -5, F: -4, G: -2, A: 0, B: 2 };

/** "A4" → 440, "C4" → 261.63 (equal temperament). */
export function noteHz(note: string): number {
  const match = /^([A-G])(#|b)?(-?\d)$/.exec(note);
  if (!match) throw new Error(`"${note}" is not a note`);
  const offset = semitones[match[1]!]! + (match[2] === "#" ? 1 : match[2] === "b" ? -1 : 0) + (Number(match[3]) - 4) * 12;
  return 440 * 2 ** (offset / 12);
}

/** jsfxr's start frequency slider for a frequency in Hz (the inverse of Hz = 3528 × (v² + 0.001)). */
export function jsfxrBaseFreq(hz: number): number {
  return Math.sqrt(Math.max(0, hz / 3528 - 0.001));
}

/** Bytes of a 16-bit mono PCM WAV of the samples (floats, clipped to [-1, 1]). */
export function encodeWav(samples: Float32Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) bytes[offset + i] = text.charCodeAt(i);
  };
  ascii(0, "RIFF");
  view.setUint32(4, 36 + samples.length * 2, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true); // size of the fmt chunk
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // bytes per second
  view.setUint16(32, 2, true); // bytes per frame
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, "data");
  view.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) {
    const clipped = Math.max(-1, Math.min(1, samples[i]!));
    view.setInt16(44 + i * 2, Math.sign(clipped) * Math.round(Math.abs(clipped) * 32767), true); // rounded alike either side of zero
  }
  return bytes;
}

function scaleToPeak(samples: Float32Array, peak: number): void {
  let loudest = 0;
  for (const sample of samples) loudest = Math.max(loudest, Math.abs(sample));
  if (loudest === 0) return;
  const scale = peak / loudest;
  for (let i = 0; i < samples.length; i++) samples[i]! *= scale;
}

// ── Effects (jsfxr) ───────────────────────────────────────────────────────────────────────────────

/** jsfxr's noise draws from Math.random; for a repeatable render it draws from a seeded generator instead. */
function withSeededMathRandom<T>(seed: number, render: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return render();
  } finally {
    Math.random = original;
  }
}

function renderPart(part: EffectPart, sampleRate: number, seed: number): number[] {
  const { at: _at, gain: _gain, note, ...fields } = part;
  const params: JsfxrParams = { ...new jsfxr.Params(), ...fields, sample_rate: sampleRate, sample_size: 16 };
  if (note !== undefined) params.p_base_freq = jsfxrBaseFreq(noteHz(note));
  return withSeededMathRandom(seed, () => new jsfxr.SoundEffect(params).getRawBuffer().normalized);
}

/** jsfxr's envelope in its 44100 Hz steps: each stage lasts slider² × 100000 steps (defaults as in jsfxr's Params). */
function envelopeSteps(part: EffectPart): number {
  const steps = (slider: number) => Math.floor(slider * slider * 100000);
  return steps(part.p_env_attack ?? 0) + steps(part.p_env_sustain ?? 0.3) + steps(part.p_env_decay ?? 0.4) + 2;
}

/**
 * How many samples an effect lasts, from its parameters alone: the latest part's offset plus its
 * envelope. (A part with p_freq_limit may stop sooner, when its pitch falls below the limit.)
 */
export function expectedEffectSamples(effect: EffectSpec, sampleRate: number): number {
  const perSample = 44100 / sampleRate;
  return Math.max(...effect.parts.map((part) => Math.round(part.at * sampleRate) + Math.floor(envelopeSteps(part) / perSample)));
}

export function renderEffect(name: string, effect: EffectSpec, file: Pick<EffectsFile, "sampleRate" | "seed">): Float32Array {
  const rendered = effect.parts.map((part, index) => ({
    offset: Math.round(part.at * file.sampleRate),
    gain: part.gain,
    samples: renderPart(part, file.sampleRate, seedFor(file.seed, `${name}#${index}`)),
  }));
  const length = Math.max(...rendered.map((part) => part.offset + part.samples.length));
  const mix = new Float32Array(length);
  for (const part of rendered) for (let i = 0; i < part.samples.length; i++) mix[part.offset + i]! += part.samples[i]! * part.gain;
  scaleToPeak(mix, effect.peak);
  const fadeIn = Math.min(length, Math.round((effect.fadeInMs / 1000) * file.sampleRate));
  for (let i = 0; i < fadeIn; i++) mix[i]! *= i / fadeIn;
  const fadeOut = Math.min(length, Math.round((effect.fadeOutMs / 1000) * file.sampleRate));
  for (let i = 0; i < fadeOut; i++) mix[length - 1 - i]! *= i / fadeOut;
  return mix;
}

// ── Music (a small additive synthesizer) ──────────────────────────────────────────────────────────

/** Rounds a frequency to a whole number of cycles per loop, so a sustained tone meets itself at the seam. */
function loopFrequency(hz: number, seconds: number): number {
  return Math.max(1, Math.round(hz * seconds)) / seconds;
}

function swellAt(swell: z.infer<typeof swellSchema> | undefined, position: number): number {
  if (!swell) return 1;
  return 1 - swell.depth * (0.5 - 0.5 * Math.cos(2 * Math.PI * (swell.cycles * position + swell.phase)));
}

function addDrone(out: Float32Array, voice: z.infer<typeof droneSchema>, sampleRate: number, seconds: number, random: () => number): void {
  const oscillators: { hz: number; amplitude: number; phase: number }[] = [];
  const spreads = voice.detuneCents > 0 ? [-voice.detuneCents / 2, voice.detuneCents / 2] : [0];
  for (const note of voice.notes)
    for (const cents of spreads)
      voice.partials.forEach((amplitude, index) => {
        const hz = loopFrequency(noteHz(note) * (index + 1) * 2 ** (cents / 1200), seconds);
        if (amplitude > 0 && hz < sampleRate * 0.45) oscillators.push({ hz, amplitude: amplitude / spreads.length, phase: random() * 2 * Math.PI });
      });
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    let sample = 0;
    for (const osc of oscillators) sample += osc.amplitude * Math.sin(2 * Math.PI * osc.hz * t + osc.phase);
    out[i]! += sample * voice.gain * swellAt(voice.swell, i / out.length);
  }
}

function addNotes(out: Float32Array, voice: z.infer<typeof notesSchema>, sampleRate: number): void {
  const length = Math.round((voice.attack + voice.hold + voice.release) * sampleRate);
  const attack = voice.attack * sampleRate;
  const hold = voice.hold * sampleRate;
  const release = voice.release * sampleRate;
  for (const event of voice.events) {
    const start = Math.round(event.at * sampleRate);
    const base = noteHz(event.note);
    const phases = voice.partials.map(() => 0);
    for (let i = 0; i < length; i++) {
      // A smooth (sine²) rise, a hold, then a fall that starts steep and lands softly on zero.
      const envelope =
        i < attack ? Math.sin(((i / attack) * Math.PI) / 2) ** 2 : i < attack + hold ? 1 : (1 - (i - attack - hold) / release) ** 2;
      const bend = 2 ** (-(voice.pitchDrop * i) / length / 12);
      let sample = 0;
      voice.partials.forEach(([ratio, amplitude], index) => {
        const hz = base * ratio * bend;
        if (hz >= sampleRate * 0.45) return;
        phases[index]! += (2 * Math.PI * hz) / sampleRate;
        sample += amplitude * Math.sin(phases[index]!);
      });
      // A note that runs past the loop's end carries on at its start.
      out[(start + i) % out.length]! += sample * envelope * voice.gain * event.gain;
    }
  }
}

function addNoise(out: Float32Array, voice: z.infer<typeof noiseSchema>, sampleRate: number, random: () => number): void {
  // Filter a little more than a loop, then cross-fade the overhang into the start so the seam is continuous.
  const overlap = Math.min(out.length, Math.round(sampleRate * 0.5));
  const noise = new Float32Array(out.length + overlap);
  const coefficient = 1 - Math.exp((-2 * Math.PI * voice.lowpassHz) / sampleRate);
  let first = 0;
  let second = 0;
  // Let the filters settle before keeping anything.
  for (let i = 0; i < sampleRate; i++) {
    first += coefficient * (random() * 2 - 1 - first);
    second += coefficient * (first - second);
  }
  for (let i = 0; i < noise.length; i++) {
    first += coefficient * (random() * 2 - 1 - first);
    second += coefficient * (first - second);
    noise[i] = second;
  }
  let power = 0;
  for (const sample of noise) power += sample * sample;
  // Scaled to the loudness of a sine of amplitude 1, so a noise voice's gain compares with the others'.
  const scale = Math.SQRT1_2 / Math.sqrt(power / noise.length || 1);
  for (let i = 0; i < out.length; i++) {
    let sample = noise[i]!;
    if (i < overlap) {
      const fadeIn = Math.sin(((i / overlap) * Math.PI) / 2);
      sample = sample * fadeIn + noise[out.length + i]! * Math.cos(((i / overlap) * Math.PI) / 2);
    }
    out[i]! += sample * scale * voice.gain * swellAt(voice.swell, i / out.length);
  }
}

export function renderMusic(name: string, track: MusicTrack, sampleRate: number): Float32Array {
  const out = new Float32Array(Math.round(track.seconds * sampleRate));
  const random = seededRandom(seedFor(track.seed, name));
  for (const voice of track.voices) {
    if (voice.kind === "drone") addDrone(out, voice, sampleRate, out.length / sampleRate, random);
    else if (voice.kind === "notes") addNotes(out, voice, sampleRate);
    else addNoise(out, voice, sampleRate, random);
  }
  scaleToPeak(out, track.peak);
  return out;
}

// ── The files ─────────────────────────────────────────────────────────────────────────────────────

/** File name → WAV bytes: "<effect>.wav" for each effect, "music-<era>.wav" for each track. */
export function renderAll(effects: EffectsFile, music: MusicFile): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const [name, effect] of Object.entries(effects.effects)) files.set(`${name}.wav`, encodeWav(renderEffect(name, effect, effects), effects.sampleRate));
  for (const [name, track] of Object.entries(music.tracks)) files.set(`music-${name}.wav`, encodeWav(renderMusic(name, track, music.sampleRate), music.sampleRate));
  return files;
}

function existingWavs(): string[] {
  try {
    return readdirSync(OUTPUT_DIR).filter((file) => file.endsWith(".wav"));
  } catch {
    return [];
  }
}

function sameBytes(file: string, bytes: Uint8Array): boolean {
  try {
    return Buffer.compare(readFileSync(join(OUTPUT_DIR, file)), bytes) === 0;
  } catch {
    return false;
  }
}

function main(args: string[]): number {
  const check = args.includes("--check");
  const files = renderAll(readEffectsFile(), readMusicFile());
  const leftOver = existingWavs().filter((file) => !files.has(file));
  const changed = [...files].filter(([file, bytes]) => !sameBytes(file, bytes)).map(([file]) => file);
  if (check) {
    for (const file of changed) console.log(`${file}: differs from what its parameters render (run npm run sounds)`);
    for (const file of leftOver) console.log(`${file}: no parameters render it (run npm run sounds)`);
    if (changed.length + leftOver.length === 0) console.log(`${files.size} sound files match their parameters`);
    return changed.length + leftOver.length === 0 ? 0 : 1;
  }
  mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const file of changed) writeFileSync(join(OUTPUT_DIR, file), files.get(file)!);
  for (const file of leftOver) rmSync(join(OUTPUT_DIR, file));
  let total = 0;
  for (const [file, bytes] of files) {
    total += bytes.length;
    const seconds = (bytes.length - 44) / 2 / new DataView(bytes.buffer).getUint32(24, true);
    console.log(`${file.padEnd(20)} ${seconds.toFixed(2).padStart(6)} s ${(bytes.length / 1024).toFixed(1).padStart(7)} KiB${changed.includes(file) ? "  (written)" : ""}`);
  }
  for (const file of leftOver) console.log(`${file}: removed (no parameters render it)`);
  console.log(`${files.size} files, ${(total / 1024).toFixed(1)} KiB in ${OUTPUT_DIR}`);
  return 0;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`sounds: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
