/**
 * The server under load, as its own process (pinned to one core when taskset is there), and its
 * figures from the admin route. The harness starts the game (server/main.ts) or the baseline
 * (minimalServer.ts) the same way; with --url it reads a server someone else started.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../../server/config";
import type { MetricsWindow } from "../../server/ops/processMetrics";
import { findFreePort } from "../../server/portCheck";

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

export interface ServerUnderLoad {
  /** http:// address the SDK clients and the admin route use. */
  url: string;
  /** Started by the harness (and so pinned to its core), rather than given with --url. */
  started: boolean;
  /** This process's figures since the last reset; `reset` starts a new window after reading. */
  metrics(reset?: boolean): Promise<MetricsWindow>;
  /** What the process printed last (for a failure's message); empty for a server the harness did not start. */
  output(): string;
  stop(): Promise<void>;
}

export const hasTaskset = spawnSync("taskset", ["-V"], { stdio: "ignore" }).status === 0;

/** The command line that runs `args` on one core, when a core is given and taskset is there. */
export function pinned(core: number | null, command: string, args: string[]): [string, string[]] {
  return core !== null && hasTaskset ? ["taskset", ["-c", String(core), command, ...args]] : [command, args];
}

function metricsReader(url: string, password: string) {
  const authorization = `Basic ${Buffer.from(`load:${password}`).toString("base64")}`;
  return async (reset = false): Promise<MetricsWindow> => {
    const response = await fetch(`${url}/admin/metrics${reset ? "?reset=1" : ""}`, { headers: { authorization } });
    if (response.status === 404) throw new Error(`${url}/admin/metrics answered 404: start the server with ADMIN_PASSWORD set`);
    if (response.status === 401) throw new Error(`${url}/admin/metrics answered 401: --admin-password does not match the server's ADMIN_PASSWORD`);
    if (!response.ok) throw new Error(`${url}/admin/metrics answered ${response.status}`);
    return (await response.json()) as MetricsWindow;
  };
}

/** A server already running (--url): only its figures are read. */
export function runningServer(url: string, password: string): ServerUnderLoad {
  const base = url.replace(/^ws/, "http").replace(/\/$/, "");
  return { url: base, started: false, metrics: metricsReader(base, password), output: () => "", stop: async () => {} };
}

/**
 * Starts `entry` (a TypeScript file under the repository) with a fresh data folder on a free port and
 * waits for `readyLine`. The game trusts X-Forwarded-For here, so each match's clients count as their own address.
 */
export async function startServer(entry: string, readyLine: string, options: { core: number | null; password: string }): Promise<ServerUnderLoad> {
  const port = await findFreePort();
  const dataDir = mkdtempSync(join(tmpdir(), "maquis-load-"));
  const [command, args] = pinned(options.core, process.execPath, ["--import", "tsx", entry]);
  const child: ChildProcess = spawn(command, args, {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, ADMIN_PASSWORD: options.password, TRUST_PROXY: "1", LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = once(child, "exit");
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!output.includes(readyLine)) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${entry} exited before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${entry} was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    started: true,
    metrics: metricsReader(url, options.password),
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
