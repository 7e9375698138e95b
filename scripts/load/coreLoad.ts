/**
 * How busy one core was over a window, from /proc/stat (Linux): everything that ran there, the server
 * under load and any other process. Beside the server's own CPU it shows how much of the core others
 * took, which the lag and the clock then suffer from too.
 */
import { readFileSync } from "node:fs";

interface CoreTimes {
  busy: number;
  total: number;
}

function coreTimes(core: number): CoreTimes | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n").find((row) => row.startsWith(`cpu${core} `));
    if (!line) return null;
    // user nice system idle iowait irq softirq steal ...: idle and iowait are the core doing nothing.
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
    return { busy: total - fields[3]! - fields[4]!, total };
  } catch {
    return null;
  }
}

/** Starts watching a core; the function returned gives its busy share since then (percent), or null where /proc/stat is missing. */
export function watchCore(core: number | null): () => number | null {
  const start = core === null ? null : coreTimes(core);
  return () => {
    const end = core === null ? null : coreTimes(core);
    if (!start || !end || end.total === start.total) return null;
    return Number((((end.busy - start.busy) / (end.total - start.total)) * 100).toFixed(1));
  };
}
