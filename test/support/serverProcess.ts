import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../../server/config";

export interface RunningServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
  /** Sends a signal without waiting (SIGKILL to simulate a crash); `stop` then just waits for the exit. */
  kill: (signal: NodeJS.Signals) => void;
}

/**
 * Starts `server/main.ts` as its own process on 127.0.0.1 and waits for its ready line. Unless the
 * test gives a DATA_DIR, the process keeps its store in a fresh temporary folder, removed on stop.
 */
export async function startServerProcess(port: number, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const ownDataDir = extraEnv.DATA_DIR ? null : mkdtempSync(join(tmpdir(), "maquis-server-"));
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: "info", PORT: String(port), HOST: "127.0.0.1", ...(ownDataDir ? { DATA_DIR: ownDataDir } : {}), ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = once(child, "exit");
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (child.killed) {
      await exited;
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
      return;
    }
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
    if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 30 s:\n${output}`)), 30_000);
    child.stdout!.on("data", () => {
      if (output.includes("Maquis is running")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code} before it was ready:\n${output}`));
    });
  });
  return { url: `http://127.0.0.1:${port}`, output: () => output, stop, kill: (signal) => child.kill(signal) };
}
