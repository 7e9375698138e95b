/**
 * A newcomer's path through the production build in Chromium: the keyboard alone, a phone, the map
 * left clear by the panels, and settings that outlive a reload. Screenshots go to .test-results/e2e.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../server/config";
import { findFreePort } from "../../server/portCheck";
import { chromiumAvailable, launchChromium } from "../support/chromium";
import { ensureClientBuilt } from "../support/clientBuild";
import { JOIN_TIMEOUT, leaveAndClose, newGamePage } from "../support/gamePages";
import { visibleMapShare } from "../support/mapVisibility";
import { startServerProcess, type RunningServer } from "../support/serverProcess";

const screenshotDir = join(repoRoot, ".test-results", "e2e");
const hasChromium = chromiumAvailable();
const openPages: Page[] = [];

/** A tab at 1280×800 (or as `options` say), its errors collected. */
function openPage(browser: Browser, errors: string[], options: Parameters<Browser["newPage"]>[0] = {}): Promise<Page> {
  return newGamePage(browser, "newcomer", errors, openPages, { viewport: { width: 1280, height: 800 }, ...options });
}

/** The focused element, looked for through the shadow roots the panels live in. */
function focusedMatches(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((selector) => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.matches(selector) ?? false;
  }, selector);
}

/** Presses Tab until the element matching `selector` has the focus, as a keyboard user would. */
async function tabTo(page: Page, selector: string, most = 80): Promise<void> {
  for (let presses = 0; presses < most; presses++) {
    if (await focusedMatches(page, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** A finger held on one point for most of a second: the touch screen's right-click. */
async function longPress(page: Page, x: number, y: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }] });
  await page.waitForTimeout(700);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

const holding = (page: Page, name: string) => page.locator(`[data-holding="${name}"]`).textContent();

describe.skipIf(!hasChromium)("a newcomer in Chromium (production build)", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    await ensureClientBuilt();
    server = await startServerProcess(await findFreePort());
    browser = await launchChromium();
    mkdirSync(screenshotDir, { recursive: true });
  });

  afterEach(() => leaveAndClose(openPages));

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("a new player is offered the training first; its coach waits for each action, survives a reload, and can be skipped", { timeout: 120_000 }, async () => {
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await page.goto(server.url);
    await page.locator("button[data-offer-training]").click();
    await page.locator("button[data-play]").click();
    await page.locator("button[data-start]").click({ timeout: JOIN_TIMEOUT });
    const step = () => page.locator("[data-tutorial-coach]").getAttribute("data-step");
    await expect.poll(step, { timeout: JOIN_TIMEOUT }).toBe("select");
    await page.screenshot({ path: join(screenshotDir, "tutorial-first-step.png") });
    // The step waits for the action, not for time.
    await page.locator("button[data-ship]").first().click();
    await expect.poll(step).toBe("move");
    await page.keyboard.press("g");
    await expect.poll(() => page.locator("[data-destinations] input").count()).toBe(1);
    await page.keyboard.type("Solosos");
    await page.keyboard.press("Enter");
    await page.keyboard.press("4");
    await expect.poll(step, { timeout: 30_000 }).toBe("recruit");

    // A reload comes back to the same match and the same step.
    await page.reload();
    await expect.poll(step, { timeout: JOIN_TIMEOUT }).toBe("recruit");
    await page.locator("button[data-skip-tutorial]").click();
    await expect.poll(() => page.locator("[data-tutorial-coach]").count()).toBe(0);
    await page.locator("match-hud button.leave").click();
    await page.locator("button[data-confirm-leave]").click();
    // Skipped once, the training is no longer pressed on the player (it stays in the list).
    await expect.poll(() => page.locator('button[data-scenario="training-2370"]').count(), { timeout: JOIN_TIMEOUT }).toBe(1);
    expect(await page.locator("button[data-offer-training]").count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("the keyboard alone starts a match, selects a ship, gives an operation, sends the ship and reads the keys", { timeout: 120_000 }, async () => {
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await page.goto(server.url);
    await tabTo(page, 'button[data-scenario="dorvan-2370"]');
    await page.keyboard.press("Enter");
    await tabTo(page, 'button[data-seat="cell-1"]');
    await page.keyboard.press("Enter");
    await tabTo(page, "button[data-play]");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("button[data-start]").count(), { timeout: JOIN_TIMEOUT }).toBe(1);
    await tabTo(page, "button[data-start]");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("[data-briefing]").count(), { timeout: JOIN_TIMEOUT }).toBe(0);
    await expect.poll(() => page.locator("button[data-ship]").count(), { timeout: JOIN_TIMEOUT }).toBeGreaterThan(0);

    await page.keyboard.press("n");
    await expect.poll(() => page.locator('button[data-ship="raider-1"]').getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => holding(page, "Supplies")).toBe("12");
    // Recruit is the first operation: Q, as its button says.
    expect(await page.locator('button[data-operation="recruit"]').getAttribute("aria-keyshortcuts")).toBe("Q");
    await page.keyboard.press("q");
    await expect.poll(() => holding(page, "Supplies")).toBe("10");

    // G lists where the ship can go, nearest first; typing narrows it and Enter sends the ship.
    await page.keyboard.press("g");
    await expect.poll(() => page.locator("[data-destinations] input").count()).toBe(1);
    await page.keyboard.type("Dorvan");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("[data-destinations]").count()).toBe(0);
    await expect
      .poll(() => page.locator('button[data-ship="raider-1"] [data-position]').textContent(), { timeout: 15_000 })
      .toMatch(/to Dorvan V, \d+ h/);

    // ? lists the keys; Esc closes it.
    await page.keyboard.press("?");
    await expect.poll(() => page.locator("[data-shortcut-help]").count()).toBe(1);
    await page.screenshot({ path: join(screenshotDir, "keys.png") });
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator("[data-shortcut-help]").count()).toBe(0);
    // Space pauses at once, and again resumes.
    await page.keyboard.press(" ");
    await expect.poll(() => page.locator('button[data-speed="0"]').getAttribute("aria-pressed")).toBe("true");
    await page.keyboard.press(" ");
    await expect.poll(() => page.locator('button[data-speed="0"]').getAttribute("aria-pressed")).toBe("false");
    expect(errors).toEqual([]);
  });

  it("at 1280×800 with a ship selected the panels leave at least three quarters of the map in view, and Leave asks first", { timeout: 90_000 }, async () => {
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await page.goto(server.url);
    await page.locator('button[data-scenario="dorvan-2370"]').click();
    await page.locator('button[data-seat="cell-1"]').click();
    await page.locator("button[data-play]").click();
    await page.locator("button[data-start]").click({ timeout: JOIN_TIMEOUT });
    await page.locator("button[data-ship]").first().click({ timeout: JOIN_TIMEOUT });
    await expect.poll(() => page.locator("operations-panel [data-operations]").count()).toBe(1);
    // The welcome notice and the opening toasts fade; the docked panels stay.
    await expect.poll(() => page.locator("[data-toast], [data-notice]").count(), { timeout: 20_000 }).toBe(0);
    const share = await visibleMapShare(page);
    await page.screenshot({ path: join(screenshotDir, "hud-1280x800.png") });
    expect(share).toBeGreaterThanOrEqual(0.75);

    await page.locator("match-hud button.leave").click();
    await expect.poll(() => page.locator("[data-confirm]").count()).toBe(1);
    await page.locator("button[data-stay]").click();
    await expect.poll(() => page.locator("[data-confirm]").count()).toBe(0);
    expect(await page.locator("[data-seat-name]").count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it("on a phone a tap selects a ship from its tab, a long press on it opens its orders, and a tap on the map sends it", { timeout: 90_000 }, async () => {
    const errors: string[] = [];
    const page = await openPage(browser, errors, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await page.goto(server.url);
    await page.locator('button[data-scenario="dorvan-2370"]').tap();
    await page.locator('button[data-seat="cell-1"]').tap();
    await page.locator("button[data-play]").tap();
    await page.locator("button[data-start]").tap({ timeout: JOIN_TIMEOUT });
    await page.locator("button[data-tab=ships]").tap({ timeout: JOIN_TIMEOUT });
    await page.locator('button[data-ship="raider-1"]').tap();
    await expect.poll(() => page.locator('button[data-ship="raider-1"]').getAttribute("aria-pressed")).toBe("true");
    await page.locator("button[data-tab=ships]").tap();
    await page.screenshot({ path: join(screenshotDir, "phone-selected.png") });
    // Selecting from the list centred the map on the raider: a long press on it opens its orders.
    const box = (await page.locator("#game canvas").boundingBox())!;
    await longPress(page, box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.locator("operations-panel [data-operations]").isVisible()).toBe(true);
    await page.screenshot({ path: join(screenshotDir, "phone-orders.png") });
    await page.locator("button[data-tab=orders]").tap();
    await expect.poll(() => page.locator("operations-panel [data-operations]").isVisible()).toBe(false);
    // A tap on open map a little to its right sends it there.
    await page.touchscreen.tap(box.x + box.width / 2 + 70, box.y + box.height / 2 - 30);
    await expect.poll(() => page.locator('button[data-ship="raider-1"] [data-position]').getAttribute("data-moving"), { timeout: 15_000 }).toBe("yes");
    await page.screenshot({ path: join(screenshotDir, "phone-moving.png") });
    expect(errors).toEqual([]);
  });

  it("settings (panel size, reduced motion, sound) outlive a reload", { timeout: 60_000 }, async () => {
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await page.goto(server.url);
    await page.locator("scenario-menu button[data-open-settings]").click();
    await page.locator('button[data-ui-scale="1.15"]').click();
    await page.locator("input[data-reduced-motion]").check();
    const musicMute = page.locator("sound-settings input[type=checkbox]").first();
    await musicMute.check();
    await page.reload();
    await page.locator("scenario-menu button[data-open-settings]").click();
    expect(await page.locator('button[data-ui-scale="1.15"]').getAttribute("aria-pressed")).toBe("true");
    expect(await page.locator("input[data-reduced-motion]").isChecked()).toBe(true);
    expect(await page.locator("sound-settings input[type=checkbox]").first().isChecked()).toBe(true);
    expect(await page.locator("#ui").evaluate((ui) => getComputedStyle(ui).transform)).toContain("matrix(1.15");
    expect(errors).toEqual([]);
  });
});
