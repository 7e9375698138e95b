import { resolve } from "node:path";

export interface ServerConfig {
  port: number;
  host: string;
  /** Folder of the built client to serve at "/"; null serves none (dev mode hands the client to Vite). */
  clientDir: string | null;
  scenarioDir: string;
  /** Where the SQLite store lives. */
  dataDir: string;
  /** DATABASE_URL: the store on PostgreSQL (postgres://…) instead of SQLite in dataDir; null for SQLite. */
  databaseUrl: string | null;
  dev: boolean;
  /** Behind a reverse proxy: take each client's address from X-Forwarded-For (TRUST_PROXY=1). */
  trustProxy: boolean;
}

const repoRoot = resolve(import.meta.dirname, "..");

function readPort(value: string | undefined): number {
  if (value === undefined || value === "") return 2567;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a whole number from 0 to 65535 (got "${value}")`);
  return port;
}

function readDatabaseUrl(value: string | undefined): string | null {
  if (value === undefined || value === "") return null;
  // Only the scheme is repeated back: the rest may hold a password.
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(value)?.[0];
  if (scheme !== "postgres:" && scheme !== "postgresql:")
    throw new Error(`DATABASE_URL must be a PostgreSQL URL, postgres://user:password@host:port/database (got ${scheme ? `a "${scheme}" URL` : "no URL scheme"})`);
  return value;
}

/** Reads the environment once; everything else receives a plain config object. */
export function readConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): ServerConfig {
  const dev = argv.includes("--dev");
  return {
    port: readPort(env.PORT),
    host: env.HOST || "0.0.0.0",
    clientDir: dev ? null : resolve(repoRoot, "dist"),
    scenarioDir: resolve(repoRoot, env.SCENARIO_DIR || "assets/scenarios"),
    dataDir: resolve(repoRoot, env.DATA_DIR || "data"),
    databaseUrl: readDatabaseUrl(env.DATABASE_URL),
    dev,
    trustProxy: env.TRUST_PROXY === "1" || env.TRUST_PROXY === "true",
  };
}

export { repoRoot };
