import type { Browser, Page } from "playwright-core";

/** A browser tab for a test, its console and page errors collected under a label, kept in `pages` to close later. */
export async function newGamePage(browser: Browser, label: string, errors: string[], pages: Page[], options: Parameters<Browser["newPage"]>[0] = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 }, ...options });
  pages.push(page);
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`[${label}] console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`[${label}] page: ${error.message}`));
  return page;
}

/** Leaves each match as a player would (closing a tab would hold the seat for a reconnection), then closes the tabs. */
export async function leaveAndClose(pages: Page[]): Promise<void> {
  for (const page of pages.splice(0)) {
    await page.locator("match-hud button.leave").click({ timeout: 2000 }).catch(() => {});
    // A match under way asks first.
    await page.locator("match-hud button[data-confirm-leave]").click({ timeout: 1000 }).catch(() => {});
    await page.close();
  }
}

/**
 * How long a page may take to join a match. A third page rendering in software on two cores joins in about 7 s
 * on an idle machine; under CI, with the unit tests running beside it, that has passed 15 s.
 */
export const JOIN_TIMEOUT = 45_000;
