import { spawn } from "node:child_process";
import { once } from "node:events";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../server/config";
import type { RunResult } from "../../scripts/load/report";
import { ensureClientBuilt } from "../support/clientBuild";

/** Runs `npm run load` as a user would and returns its JSON result lines. */
async function runLoad(args: string[]): Promise<{ code: number | null; results: RunResult[]; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/load.ts", ...args], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const [code] = await once(child, "exit");
  const results = output
    .split("\n")
    .filter((line) => line.startsWith('{"metric":"load"'))
    .map((line) => JSON.parse(line) as RunResult);
  return { code: code as number | null, results, output };
}

describe("npm run load", () => {
  beforeAll(() => ensureClientBuilt());

  it("fills 2 matches and 2 baseline rooms, and reports joins, bytes, the clock and the server's lag", async () => {
    const { code, results, output } = await runLoad(["--matches", "2", "--seconds", "4", "--settle", "1", "--client-processes", "1", "--order-seconds", "1"]);
    expect(code, output).toBe(0);
    const maquis = results.find((result) => result.target === "maquis");
    const baseline = results.find((result) => result.target === "baseline");
    for (const result of [maquis, baseline]) {
      expect(result, output).toBeDefined();
      expect(result!.rooms).toBe(2);
      expect(result!.clients).toBe(8);
      // The server counts the same connections from its side.
      expect(result!.server).toEqual({ rooms: 2, clients: 8 });
      expect(result!.joinErrors).toBe(0);
      expect(result!.drops).toBe(0);
      expect(result!.bytesPerClientPerSecond).toBeGreaterThan(0);
      expect(result!.clock.min).toBeGreaterThan(0.5);
      expect(result!.lagMs.samples).toBeGreaterThan(0);
      expect(result!.lagMs.p99).toBeGreaterThanOrEqual(result!.lagMs.p50);
      expect(result!.cpuPercent).toBeGreaterThan(0);
      expect(result!.rssPeakMb).toBeGreaterThan(0);
    }
    // Every seat of the largest scenario (four) held, and the seated clients' orders reached the match.
    expect(maquis!.clientsPerRoom).toBe(4);
    expect(maquis!.roomsNotPlaying).toBe(0);
    expect(maquis!.ordersSent).toBeGreaterThan(0);
  }, 60_000);
});
