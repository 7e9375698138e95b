import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import { repoRoot } from "../../server/config";
import { findFreePort } from "../../server/portCheck";
import { launchChromium } from "./chromium";
import { ensureClientBuilt } from "./clientBuild";
import { leaveAndClose } from "./gamePages";
import { startServerProcess, type RunningServer } from "./serverProcess";

/** Where browser tests save their screenshots. */
export const screenshotDir = join(repoRoot, ".test-results", "e2e");

/**
 * For a browser test file: the production build served by a server process of its own and one
 * Chromium, started before its tests and stopped after them; pages in `pages` (the file's own list,
 * if it passes one) are left (as a player leaves) and closed after each test.
 */
export function serverAndBrowser(pages: Page[] = []): { readonly server: RunningServer; readonly browser: Browser; readonly pages: Page[] } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await ensureClientBuilt();
    server = await startServerProcess(await findFreePort());
    browser = await launchChromium();
    mkdirSync(screenshotDir, { recursive: true });
  });
  afterEach(() => leaveAndClose(pages));
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error("the server starts in beforeAll");
      return server;
    },
    get browser() {
      if (!browser) throw new Error("the browser starts in beforeAll");
      return browser;
    },
    pages,
  };
}
