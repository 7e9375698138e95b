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
  /** REDIS_URL: with it, processes share matchmaking through Redis (docs/deployment.md); without it the process stands alone. */
  redisUrl: string | null;
  /** PUBLIC_ADDRESS: where clients reach this process (host:port[/path]), announced to the others; needed with REDIS_URL. */
  publicAddress: string | null;
  /** ADMIN_PASSWORD: opens /admin (metrics, the Colyseus monitor) behind HTTP basic auth; null keeps it closed (404). */
  adminPassword: string | null;
}

const repoRoot = resolve(import.meta.dirname, "..");

function readPort(value: string | undefined): number {
  if (value === undefined || value === "") return 2567;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a whole number from 0 to 65535 (got "${value}")`);
  return port;
}

function readRedisUrl(value: string | undefined): string | null {
  if (!value) return null;
  if (!/^rediss?:\/\//.test(value)) throw new Error(`REDIS_URL must start with redis:// or rediss:// (got "${value}")`);
  return value;
}

function readPublicAddress(value: string | undefined, redisUrl: string | null): string | null {
  if (!value) {
    if (redisUrl) throw new Error("REDIS_URL is set, so PUBLIC_ADDRESS must say where clients reach this process (host:port, or host/path behind a proxy)");
    return null;
  }
  if (/^[a-z]+:\/\//i.test(value) || /\s/.test(value)) throw new Error(`PUBLIC_ADDRESS is host:port or host/path, without a scheme (got "${value}")`);
  return value.replace(/\/+$/, "");
}

function readDatabaseUrl(value: string | undefined): string | null {
  if (value === undefined || value === "") return null;
  // Only the scheme is repeated back: the rest may hold a password.
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(value)?.[0];
  if (scheme !== "postgres:" && scheme !== "postgresql:")
    throw new Error(`DATABASE_URL must be a PostgreSQL URL, postgres://user:password@host:port/database (got ${scheme ? `a "${scheme}" URL` : "no URL scheme"})`);
  return value;
}

/** Long enough that guessing it over HTTP is hopeless; the admin pages can call into live rooms. */
const ADMIN_PASSWORD_MIN_CHARACTERS = 12;

function readAdminPassword(value: string | undefined): string | null {
  if (value === undefined || value === "") return null;
  if (value.length < ADMIN_PASSWORD_MIN_CHARACTERS)
    throw new Error(`ADMIN_PASSWORD must be at least ${ADMIN_PASSWORD_MIN_CHARACTERS} characters (got ${value.length}); leave it unset to keep /admin closed`);
  return value;
}

/** Reads the environment once; everything else receives a plain config object. */
export function readConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): ServerConfig {
  const dev = argv.includes("--dev");
  const redisUrl = readRedisUrl(env.REDIS_URL);
  return {
    port: readPort(env.PORT),
    host: env.HOST || "0.0.0.0",
    clientDir: dev ? null : resolve(repoRoot, "dist"),
    scenarioDir: resolve(repoRoot, env.SCENARIO_DIR || "assets/scenarios"),
    dataDir: resolve(repoRoot, env.DATA_DIR || "data"),
    databaseUrl: readDatabaseUrl(env.DATABASE_URL),
    dev,
    trustProxy: env.TRUST_PROXY === "1" || env.TRUST_PROXY === "true",
    redisUrl,
    publicAddress: readPublicAddress(env.PUBLIC_ADDRESS, redisUrl),
    adminPassword: readAdminPassword(env.ADMIN_PASSWORD),
  };
}

export { repoRoot };
