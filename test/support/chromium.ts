import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Without Chromium, browser tests skip loudly on a developer machine and fail under CI. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const line = `\n!!! Chromium not found at ${CHROMIUM_PATH}: browser tests are SKIPPED. Install it with: sudo apt-get install -y chromium\n`;
  if (process.env.CI) throw new Error(`${line}(CI is set, so this is a failure)`);
  console.warn(line);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
