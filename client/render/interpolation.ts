/** How far behind the newest patch ships are drawn: one patch interval, so there is always a pair to blend. */
export const INTERPOLATION_DELAY_MS = 100;
const MAX_SAMPLES = 8;

interface Sample {
  time: number;
  x: number;
  y: number;
}

/** Positions received from the server, replayed smoothly a little in the past. */
export class PositionBuffer {
  private readonly samples: Sample[] = [];

  push(time: number, x: number, y: number): void {
    this.samples.push({ time, x, y });
    if (this.samples.length > MAX_SAMPLES) this.samples.shift();
  }

  /** Position at `time`: blended between the two samples around it, clamped at the ends. */
  at(time: number): { x: number; y: number } {
    const samples = this.samples;
    const renderTime = time - INTERPOLATION_DELAY_MS;
    if (samples.length === 0) return { x: 0, y: 0 };
    if (renderTime <= samples[0]!.time) return samples[0]!;
    for (let i = samples.length - 1; i > 0; i--) {
      const older = samples[i - 1]!;
      const newer = samples[i]!;
      if (renderTime >= older.time) {
        if (renderTime >= newer.time) return newer;
        const blend = (renderTime - older.time) / (newer.time - older.time);
        return { x: older.x + (newer.x - older.x) * blend, y: older.y + (newer.y - older.y) * blend };
      }
    }
    return samples[samples.length - 1]!;
  }
}
