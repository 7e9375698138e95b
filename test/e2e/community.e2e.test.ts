import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { serverAndBrowser, screenshotDir } from "../support/browserHarness";
import { chromiumAvailable } from "../support/chromium";
import { JOIN_TIMEOUT, newGamePage } from "../support/gamePages";
import { scenarioFileText } from "../support/scenarios";

const hasChromium = chromiumAvailable();

/** A title that runs script if the page ever renders it as HTML (the image fails to load). */
const HOSTILE_TITLE = "<img src=x onerror=window.__pwned=1> Raid";
const ID = "edge-of-the-badlands";

async function expectNothingInjected(page: Page): Promise<void> {
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator("[onerror]").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
}

describe.skipIf(!hasChromium)("the Community list in the menu (production build in Chromium)", () => {
  const harness = serverAndBrowser();
  const errors: string[] = [];

  it("says there are none yet; once one is published it is listed as text, filtered, downloadable, and plays through its briefing", { timeout: 90_000 }, async () => {
    const page = await newGamePage(harness.browser, "player", errors, harness.pages);
    await page.goto(harness.server.url);
    await page.locator('button[data-tab="community"]').click();
    await expect.poll(() => page.locator("[data-community-empty]").textContent()).toContain("There are no community scenarios yet. Scenarios are made in the editor");

    const file = { ...JSON.parse(scenarioFileText("badlands-2371")), id: ID, title: HOSTILE_TITLE, universe: "mirror" };
    const published = await fetch(`${harness.server.url}/api/community/scenarios`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scenario: file, author: "Kira <b>Nerys</b>", version: 1, changelog: "First cut" }),
    });
    expect(published.status).toBe(201);

    await page.reload();
    await page.locator('button[data-tab="community"]').click();
    const entry = page.locator(`button[data-community-scenario="${ID}"]`);
    await expect.poll(() => entry.textContent()).toContain(HOSTILE_TITLE);
    expect(await entry.textContent()).toContain("by Kira <b>Nerys</b> · version 1");
    expect(await page.locator("a[data-community-download]").getAttribute("href")).toBe(`/api/community/scenarios/${ID}?download=1`);
    await page.screenshot({ path: join(screenshotDir, "community-list.png") });
    await expectNothingInjected(page);

    // Filters ask the server again: a title nobody used empties the list, the right era and author bring it back.
    await page.locator("input[data-community-search]").fill("no such title");
    await expect.poll(() => page.locator("[data-community-empty]").textContent()).toContain("No community scenario matches these filters.");
    await page.locator("input[data-community-search]").fill("raid");
    await page.locator("select[data-community-era]").selectOption("mirror");
    await page.locator("input[data-community-author]").fill("nerys");
    await expect.poll(() => entry.count()).toBe(1);
    await page.locator("select[data-community-era]").selectOption("reborn");
    await expect.poll(() => entry.count()).toBe(0);
    await page.locator("select[data-community-era]").selectOption("");
    await expect.poll(() => entry.count()).toBe(1);

    // Played like a campaign scenario: the briefing, a seat, "Play", and the match's own briefing names it.
    await entry.click();
    await expect.poll(() => page.locator("briefing-screen h1").textContent()).toBe(HOSTILE_TITLE);
    await page.locator('button[data-seat="cell-1"]').click();
    await page.locator("button[data-play]").click();
    await page.locator("button[data-start]").click({ timeout: JOIN_TIMEOUT });
    await expect.poll(() => page.locator("[data-briefing]").count(), { timeout: JOIN_TIMEOUT }).toBe(0);
    await expect.poll(() => page.locator("[data-seat-name]").textContent(), { timeout: JOIN_TIMEOUT }).not.toContain("Connecting");
    await page.screenshot({ path: join(screenshotDir, "community-match.png") });
    await expectNothingInjected(page);
    expect(errors).toEqual([]);
  });
});
