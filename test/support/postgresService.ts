import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { findFreePort } from "../../server/portCheck";

/** A PostgreSQL server of our own, on a free loopback port, in a folder removed when it stops. */
export interface PostgresService {
  /** postgres://… of the server's first database (trust authentication: no password). */
  url: string;
  /** A new, empty database on the same server, so test files (or tests) never share data; returns its URL. */
  createDatabase(): Promise<string>;
  /** Stops the server and keeps its data, for a test of an outage; `restart` brings it back on the same port. */
  halt(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const SUPERUSER = "postgres";
const READY_TIMEOUT_MS = 30_000;
const READY_POLL_MS = 50;

/** The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/<major>/bin), or a clear error. */
function postgresBinDir(): string {
  const root = "/usr/lib/postgresql";
  const majors = existsSync(root) ? readdirSync(root).filter((name) => existsSync(join(root, name, "bin", "postgres"))) : [];
  const newest = majors.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`PostgreSQL is not installed (no ${root}/<version>/bin/postgres): run "apt-get install -y postgresql" to run the tests that need it`);
  return join(root, newest, "bin");
}

/** PostgreSQL refuses to run as root: then it runs as the "postgres" OS user (which the Debian package creates). */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync("id", [flag, SUPERUSER], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));
}

/** Polls until the server accepts a connection (the positive signal), or fails with what it printed. */
async function waitUntilReady(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`PostgreSQL exited with code ${server.exitCode} while starting:\n${output()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections within ${READY_TIMEOUT_MS} ms (${(error as Error).message}):\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
}

/**
 * Starts a throwaway PostgreSQL: initdb in a fresh temporary folder (trust authentication, no fsync: its
 * data need not survive a crash), then the server on a free port of 127.0.0.1, its socket in that folder.
 */
export async function startPostgres(): Promise<PostgresService> {
  const bin = postgresBinDir();
  const user = runAs();
  const dir = mkdtempSync(join(tmpdir(), "maquis-pg-"));
  if (user) chownSync(dir, user.uid, user.gid);
  const dataDir = join(dir, "data");
  try {
    execFileSync(join(bin, "initdb"), ["-D", dataDir, "-U", SUPERUSER, "--auth=trust", "--no-sync", "--encoding=UTF8", "--locale=C"], { ...user, stdio: "pipe" });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    throw new Error(`initdb failed: ${(error as Error).message}\n${stderr}`);
  }
  const port = await findFreePort();
  const settings = ["fsync=off", "full_page_writes=off", "synchronous_commit=off", "max_connections=200"];
  let output = "";
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-4000));
  const launch = () => {
    const child = spawn(join(bin, "postgres"), ["-D", dataDir, "-k", dir, "-h", "127.0.0.1", "-p", String(port), ...settings.flatMap((s) => ["-c", s])], {
      ...user,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    // A test run that ends early (a timed-out hook) must not leave the server behind.
    const orphaned = () => child.kill("SIGKILL");
    process.once("exit", orphaned);
    child.once("exit", () => process.off("exit", orphaned));
    return child;
  };
  let server = launch();
  const urlOf = (database: string) => `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`;
  const halt = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      // SIGINT: "fast shutdown", ends sessions and exits at once.
      server.kill("SIGINT");
      await exited(server);
    }
  };
  const stop = async () => {
    await halt();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(urlOf("postgres"), server, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  let databases = 0;
  return {
    url: urlOf("postgres"),
    async createDatabase() {
      const name = `maquis_test_${++databases}`;
      const client = new pg.Client({ connectionString: urlOf("postgres") });
      await client.connect();
      try {
        await client.query(`create database ${name}`);
      } finally {
        await client.end();
      }
      return urlOf(name);
    },
    halt,
    async restart() {
      server = launch();
      await waitUntilReady(urlOf("postgres"), server, () => output);
    },
    stop,
  };
}
