import { resolve } from "node:path";

export interface ServerConfig {
  port: number;
  host: string;
  /** Folder of the built client to serve at "/"; null serves none (dev mode hands the client to Vite). */
  clientDir: string | null;
  scenarioDir: string;
  /** Where the SQLite store lives. */
  dataDir: string;
  dev: boolean;
  /** Behind a reverse proxy: take each client's address from X-Forwarded-For (TRUST_PROXY=1). */
  trustProxy: boolean;
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
  return {
    port: readPort(env.PORT),
    host: env.HOST || "0.0.0.0",
    clientDir: dev ? null : resolve(repoRoot, "dist"),
    scenarioDir: resolve(repoRoot, env.SCENARIO_DIR || "assets/scenarios"),
    dataDir: resolve(repoRoot, env.DATA_DIR || "data"),
    dev,
    trustProxy: env.TRUST_PROXY === "1" || env.TRUST_PROXY === "true",
    adminPassword: readAdminPassword(env.ADMIN_PASSWORD),
  };
}

export { repoRoot };
