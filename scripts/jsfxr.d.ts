// The parts of jsfxr 1.4.1 (public domain, see node_modules/jsfxr/UNLICENSE) that
// scripts/generate-sounds.ts uses; the package ships no type declarations.
declare module "jsfxr" {
  /** sfxr's parameter set: fields named as in jsfxr's Params (wave_type, p_env_attack, …, sound_vol, sample_rate, sample_size). */
  export type JsfxrParams = Record<string, number | boolean>;

  export interface JsfxrRendering {
    /** The samples as integers in the file's sample size. */
    buffer: number[];
    /** The same samples as floats, nominally in [-1, 1). */
    normalized: number[];
    clipped: number;
  }

  export const jsfxr: {
    Params: new () => JsfxrParams;
    SoundEffect: new (params: JsfxrParams) => { getRawBuffer(): JsfxrRendering };
    waveforms: { SQUARE: 0; SAWTOOTH: 1; SINE: 2; NOISE: 3 };
  };
  export default jsfxr;
}
