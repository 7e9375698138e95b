import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { Redis } from "ioredis";
import { findFreePort } from "../../server/portCheck";

export interface RunningRedis {
  url: string;
  /** Stops the server (an outage, for a test); `restart` brings it back, empty, on the same port. */
  halt(): Promise<void>;
  restart(): Promise<void>;
  /** Stops the server by its PID and waits for it to exit. */
  stop(): Promise<void>;
}

/** Whether redis-server is installed (CI installs the Debian package; see .ci/run). */
export function redisInstalled(): boolean {
  return spawnSync("redis-server", ["--version"]).status === 0;
}

/**
 * A throwaway Redis for one test file: bound to 127.0.0.1 on a free port, nothing written to disk,
 * ready once it answers PING.
 */
export async function startRedis(): Promise<RunningRedis> {
  if (!redisInstalled()) throw new Error("redis-server is not installed: apt-get install -y redis-server (.ci/run does this)");
  const port = await findFreePort();
  const url = `redis://127.0.0.1:${port}`;
  let server = await launch(port, url);
  const halt = async () => {
    const { child, exited } = server;
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(child.pid!, "SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  return {
    url,
    halt,
    async restart() {
      server = await launch(port, url);
    },
    stop: halt,
  };
}

async function launch(port: number, url: string): Promise<{ child: ReturnType<typeof spawn>; exited: Promise<unknown> }> {
  const child = spawn("redis-server", ["--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no", "--protected-mode", "yes", "--loglevel", "warning"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = once(child, "exit");
  // A test run that ends early (a timed-out hook) must not leave the server behind.
  const orphaned = () => child.kill("SIGKILL");
  process.once("exit", orphaned);
  void exited.then(() => process.off("exit", orphaned));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited at start:\n${output}`);
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on("error", () => undefined);
    const ready = await probe
      .connect()
      .then(() => probe.ping())
      .then(() => true)
      .catch(() => false);
    probe.disconnect();
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`redis-server did not answer within 10 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, exited };
}
