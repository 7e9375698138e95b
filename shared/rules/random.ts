import type { MatchState } from "../state/MatchState";

/** Mixes a user seed into a non-zero 32-bit generator state. */
export function seedState(seed: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0 || 1;
}

/** The match's one source of chance (mulberry32); its state lives in the match state, so saves and replays repeat it. */
export function random(state: MatchState): number {
  state.rngState = (state.rngState + 0x6d2b79f5) >>> 0;
  let t = state.rngState;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export function chance(state: MatchState, probability: number): boolean {
  return random(state) < probability;
}

export function pick<T>(state: MatchState, items: readonly T[]): T {
  return items[Math.floor(random(state) * items.length)]!;
}
