import { existsSync } from "node:fs";
import { join } from "node:path";
import { build } from "vite";
import { repoRoot } from "../../server/config";

/** The server process serves the production build; build it once if a test runs before `npm test` has. */
export async function ensureClientBuilt(): Promise<void> {
  if (existsSync(join(repoRoot, "dist", "index.html"))) return;
  await build({ root: join(repoRoot, "client"), configFile: join(repoRoot, "vite.config.ts"), logLevel: "warn" });
}
