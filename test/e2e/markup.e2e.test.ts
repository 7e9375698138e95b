import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../shared/protocol/limits";
import { serverAndBrowser, screenshotDir } from "../support/browserHarness";
import { chromiumAvailable } from "../support/chromium";
import { newGamePage } from "../support/gamePages";

const hasChromium = chromiumAvailable();

/** A name that runs script if a page ever renders it as HTML (an SVG's load handler fires on insertion); within the name limit. */
const HOSTILE_NAME = "<svg onload=__pwned=1>";
/** A chat line that runs script if rendered as HTML (the image fails to load). */
const HOSTILE_CHAT = "<img src=x onerror=window.__pwned=1>";

/** Whatever the page shows, none of it was parsed as markup: no element from the hostile text, no script run. */
async function expectNothingInjected(page: Page): Promise<void> {
  // Locators pierce the open shadow roots of the lit panels.
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator("svg[onload]").count()).toBe(0);
  expect(await page.locator("[onerror]").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
}

describe.skipIf(!hasChromium)("markup in names and chat (production build in Chromium)", () => {
  const harness = serverAndBrowser();
  const errors: string[] = [];

  const openPage = (label: string) => newGamePage(harness.browser, label, errors, harness.pages);

  it("a name and a chat line made of HTML are shown as text to every player, and run nothing", { timeout: 90_000 }, async () => {
    expect(HOSTILE_NAME.length).toBeLessThanOrEqual(LIMITS.nameCharacters);
    // The host names itself with markup and opens a public lobby match, so the name is in the public list too.
    const host = await openPage("host");
    await host.goto(harness.server.url);
    await host.locator("button[data-open-lobby]").click();
    await host.locator("input[data-name]").fill(HOSTILE_NAME);
    await host.locator("input[data-name]").dispatchEvent("change");
    await host.locator("select[data-create-scenario]").selectOption("dorvan-2370");
    await host.locator("button[data-create]").click();
    await expect.poll(() => host.locator("code[data-code]").textContent(), { timeout: 15_000 }).toMatch(/^[\w-]+$/);
    const code = (await host.locator("code[data-code]").textContent())!;
    await expect.poll(() => host.locator('[data-seat-row="cell-1"]').textContent()).toContain(HOSTILE_NAME);

    // Another player finds the match in the list, with the host's name as text, and joins it.
    const guest = await openPage("guest");
    await guest.goto(harness.server.url);
    await guest.locator("button[data-open-lobby]").click();
    const listing = guest.locator(`button[data-match="${code}"]`);
    await expect.poll(() => listing.textContent(), { timeout: 15_000 }).toContain(`host ${HOSTILE_NAME}`);
    await expectNothingInjected(guest);
    await listing.click();
    await expect.poll(() => guest.locator("[data-pregame]").textContent(), { timeout: 15_000 }).toContain(`host: ${HOSTILE_NAME}`);
    expect(await guest.locator('[data-seat-row="cell-1"]').textContent()).toContain(HOSTILE_NAME);
    await expectNothingInjected(guest);

    await host.bringToFront();
    await host.locator("button[data-ready]").click();
    await expect.poll(() => host.locator("button[data-start]").isDisabled()).toBe(false);
    await host.locator("button[data-start]").click();
    await expect.poll(() => guest.locator("[data-pregame]").count(), { timeout: 15_000 }).toBe(0);

    // The host says something in markup to everyone; the guest sees the very characters.
    await host.locator("input[data-chat-input]").fill(HOSTILE_CHAT);
    await host.locator("select[data-chat-to]").selectOption("all");
    await host.locator("input[data-chat-input]").press("Enter");
    await guest.bringToFront();
    await expect.poll(() => guest.locator("[data-chat]").textContent(), { timeout: 10_000 }).toContain(`${HOSTILE_NAME}: ${HOSTILE_CHAT}`);
    expect(await guest.locator('[data-player="cell-1"]').textContent()).toContain(HOSTILE_NAME);
    expect(await host.locator("[data-chat]").textContent()).toContain(HOSTILE_CHAT);
    await guest.screenshot({ path: join(screenshotDir, "markup-as-text.png") });
    await expectNothingInjected(guest);
    await expectNothingInjected(host);
    expect(errors).toEqual([]);
  });
});
