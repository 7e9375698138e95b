/**
 * Reading the map in Chromium (production build): a system's facts under a resting pointer, and the
 * minimap that moves the view. Screenshots go to .test-results/e2e.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { serverAndBrowser, screenshotDir } from "../support/browserHarness";
import { chromiumAvailable } from "../support/chromium";
import { JOIN_TIMEOUT, newGamePage } from "../support/gamePages";

/** The big map's view as the minimap draws it: x, y, width, height in world units. */
async function minimapView(page: Page): Promise<number[]> {
  const view = (await page.locator("mini-map canvas").getAttribute("data-view")) ?? "";
  return view.split(",").map(Number);
}

describe.skipIf(!chromiumAvailable())("reading the map in Chromium (production build)", () => {
  const harness = serverAndBrowser();

  it("a pointer resting on a system shows its facts in brief; the minimap shows the view and moves it", { timeout: 120_000 }, async () => {
    const errors: string[] = [];
    const page = await newGamePage(harness.browser, "map", errors, harness.pages, { viewport: { width: 1280, height: 800 } });
    await page.goto(harness.server.url);
    await page.locator('button[data-scenario="dorvan-2370"]').click();
    await page.locator('button[data-seat="cell-1"]').click();
    await page.locator("button[data-play]").click();
    await page.locator("button[data-start]").click({ timeout: JOIN_TIMEOUT });
    // Picking the raider from the list centres the map on it: it waits at Solosos III.
    await page.locator('button[data-ship="raider-1"]').click({ timeout: JOIN_TIMEOUT });
    await expect.poll(() => page.locator('button[data-ship="raider-1"] [data-position]').textContent()).toContain("Solosos III");
    const canvas = (await page.locator("#game canvas").boundingBox())!;
    const centre = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
    await page.mouse.move(centre.x - 40, centre.y - 40);
    await page.mouse.move(centre.x, centre.y, { steps: 4 });
    const tip = page.locator("[data-system-tip]");
    await expect.poll(() => tip.getAttribute("data-system-tip")).toBe("solosos-iii");
    expect(await tip.textContent()).toMatch(/Solosos III[\s\S]*colonists[\s\S]*Here: Tallgrass/);
    await page.screenshot({ path: join(screenshotDir, "system-tip.png") });
    // Off the system, the tip goes.
    await page.mouse.move(centre.x + 120, centre.y + 90, { steps: 4 });
    await expect.poll(() => tip.count()).toBe(0);

    // The minimap frames the view; a click on its top left corner moves the view there.
    await expect.poll(() => minimapView(page).then((view) => view.length)).toBe(4);
    const [x, y, width, height] = await minimapView(page);
    const minimap = (await page.locator("mini-map canvas").boundingBox())!;
    await page.mouse.click(minimap.x + 8, minimap.y + 8);
    await expect.poll(async () => {
      const [nextX, nextY, nextWidth, nextHeight] = await minimapView(page);
      return nextX! + nextWidth! / 2 < x! + width! / 2 && nextY! + nextHeight! / 2 < y! + height! / 2;
    }).toBe(true);
    await page.screenshot({ path: join(screenshotDir, "minimap.png") });
    expect(errors).toEqual([]);
  });
});
