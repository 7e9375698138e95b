/**
 * A newcomer's path through the production build in Chromium: settings, the training's first steps, the
 * shortest scenario played solo at top speed to its results screen, and what a reload keeps; then the
 * keyboard alone, a phone, and the map left clear by the panels. Screenshots go to .test-results/e2e.
 */
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { difficultyLine } from "../../client/ui/difficultyWords";
import { repoRoot } from "../../server/config";
import { loadScenarioLibrary } from "../../server/scenarioLibrary";
import { SPEEDS } from "../../shared/protocol/matchMessages";
import { formatHours } from "../../shared/rules/timeScale";
import { serverAndBrowser, screenshotDir } from "../support/browserHarness";
import { chromiumAvailable } from "../support/chromium";
import { JOIN_TIMEOUT, newGamePage } from "../support/gamePages";
import { visibleMapShare } from "../support/mapVisibility";
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

/** The bundled scenario with the fewest game hours (the training aside): the newcomer's solo match, short enough to play out. */
const shortest = loadScenarioLibrary(join(repoRoot, "assets", "scenarios"))
  .list()
  .filter((scenario) => !scenario.training)
  .reduce((best, scenario) => (scenario.lengthHours < best.lengthHours ? scenario : best));
const SHORTEST = shortest.id;
const TOP_SPEED = Math.max(...SPEEDS);
/** Its whole length at top speed, twice over: a loaded machine may not keep the pace. */
const MATCH_AT_TOP_SPEED = ((shortest.minutesAt1x * 60_000) / TOP_SPEED) * 2;

/**
 * How long a key or a tap may take to show: a server round trip and a frame drawn in software. The
 * default second has run out with the machine under the load of other test runs.
 */
const SETTLES = { timeout: 10_000 };

const holding = (page: Page, name: string) => page.locator(`[data-holding="${name}"]`).textContent();

describe.skipIf(!hasChromium)("a newcomer in Chromium (production build)", () => {
  const harness = serverAndBrowser(openPages);

  it("a newcomer's path: settings, the training's first steps, the shortest scenario solo at 8× to the results, and after a reload the settings and the result kept", { timeout: MATCH_AT_TOP_SPEED + 240_000 }, async () => {
    const errors: string[] = [];
    const page = await openPage(harness.browser, errors);
    await page.goto(harness.server.url);

    // Settings first: panel size, reduced motion, music off.
    await page.locator("scenario-menu button[data-open-settings]").click();
    await page.locator('button[data-ui-scale="1.15"]').click();
    await page.locator("input[data-reduced-motion]").check();
    await page.locator("sound-settings input[type=checkbox]").first().check();
    await page.locator("button[data-close-settings]").click();

    // The menu says how long, for how many and how hard each scenario is; the training is marked as training.
    const menuEntry = (id: string) => page.locator(`button[data-scenario="${id}"]`);
    expect(await menuEntry(SHORTEST).locator("[data-difficulty]").textContent()).toBe(difficultyLine(shortest));
    expect(await menuEntry("badlands-2371").locator("[data-difficulty]").textContent()).toBe("Gentle as the Maquis, hard as the occupier");
    expect(await menuEntry("training-2370").locator("[data-difficulty]").textContent()).toBe("Training: a guided lesson, not a contest");
    await page.screenshot({ path: join(screenshotDir, "path-menu.png") });

    // The training is offered first; its coach waits for each action, not for time.
    await page.locator("button[data-offer-training]").click();
    await page.locator("button[data-play]").click();
    await page.locator("button[data-start]").click({ timeout: JOIN_TIMEOUT });
    const step = () => page.locator("[data-tutorial-coach]").getAttribute("data-step");
    await expect.poll(step, { timeout: JOIN_TIMEOUT }).toBe("select");
    await page.screenshot({ path: join(screenshotDir, "tutorial-first-step.png") });
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

    // The shortest scenario's briefing, then a match of one's own against the AI.
    await menuEntry(SHORTEST).click();
    await expect.poll(() => page.locator("[data-briefing] [data-difficulty]").textContent()).toMatch(/^Against the AI at normal: \w+ (for either side|as the Maquis, \w+ as the occupier) \(measured with the AI playing in your seat\)\.$/);
    const length = await page.locator("[data-briefing] [data-length]").textContent();
    expect(length).toContain(formatHours(shortest.lengthHours));
    expect(length).toContain(`about ${shortest.minutesAt1x} minutes at 1×`);
    await page.screenshot({ path: join(screenshotDir, "path-briefing.png") });
    await page.locator('button[data-seat="cell-1"]').click();
    await page.locator("button[data-play]").click();
    await page.locator("button[data-start]").click({ timeout: JOIN_TIMEOUT });
    await expect.poll(() => page.locator("[data-seat-name]").textContent(), { timeout: JOIN_TIMEOUT }).not.toContain("Connecting");

    // Top speed from the speed buttons, and the match runs to its end.
    const matchStarted = Date.now();
    await page.locator(`button[data-speed="${TOP_SPEED}"]`).click();
    await expect.poll(() => page.locator(`button[data-speed="${TOP_SPEED}"]`).getAttribute("aria-pressed"), SETTLES).toBe("true");
    await page.screenshot({ path: join(screenshotDir, "path-top-speed.png") });
    const result = page.locator("match-result [data-result]");
    await expect.poll(() => result.count(), { timeout: MATCH_AT_TOP_SPEED }).toBe(1);
    console.log(`newcomer path: ${SHORTEST} at ${TOP_SPEED}× ran to its results screen in ${Math.round((Date.now() - matchStarted) / 1000)} s`);

    // The results screen: who prevailed, seen from the player's side, the score, the charts and each objective.
    const winner = await result.getAttribute("data-winner");
    expect(["maquis", "occupier", "draw"]).toContain(winner);
    const headline = winner === "draw" ? "Neither side prevails" : winner === "maquis" ? "Victory" : "Defeat";
    expect(await result.locator("h2").textContent()).toBe(headline);
    expect(Number(await result.locator('[data-score="maquis"]').textContent())).toBeGreaterThanOrEqual(0);
    expect(Number(await result.locator('[data-score="occupier"]').textContent())).toBeGreaterThanOrEqual(0);
    await expect.poll(() => result.locator("history-charts canvas").count()).toBe(5);
    for (const objective of shortest.objectives) expect(await result.textContent()).toContain(objective.text);
    await page.screenshot({ path: join(screenshotDir, "path-result.png") });

    // Back at the menu and after a reload: the settings and the result on the scenario are kept.
    await page.getByRole("button", { name: "Back to the menu" }).click();
    await expect.poll(() => menuEntry(SHORTEST).count(), { timeout: JOIN_TIMEOUT }).toBe(1);
    await page.reload();
    const outcome = winner === "draw" ? "Drawn" : winner === "maquis" ? "Won" : "Lost";
    await expect.poll(() => menuEntry(SHORTEST).locator("[data-result]").textContent(), { timeout: JOIN_TIMEOUT }).toBe(`${outcome} as the Maquis, normal AI`);
    await page.locator("scenario-menu button[data-open-settings]").click();
    expect(await page.locator('button[data-ui-scale="1.15"]').getAttribute("aria-pressed")).toBe("true");
    expect(await page.locator("input[data-reduced-motion]").isChecked()).toBe(true);
    expect(await page.locator("sound-settings input[type=checkbox]").first().isChecked()).toBe(true);
    expect(await page.locator("#ui").evaluate((ui) => getComputedStyle(ui).transform)).toContain("matrix(1.15");
    await page.screenshot({ path: join(screenshotDir, "path-after-reload.png") });
    expect(errors).toEqual([]);
  });

  it("the keyboard alone starts a match, selects a ship, gives an operation, sends the ship and reads the keys", { timeout: 120_000 }, async () => {
    const errors: string[] = [];
    const page = await openPage(harness.browser, errors);
    await page.goto(harness.server.url);
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
    await expect.poll(() => page.locator('button[data-ship="raider-1"]').getAttribute("aria-pressed"), SETTLES).toBe("true");
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
    await expect.poll(() => page.locator('button[data-speed="0"]').getAttribute("aria-pressed"), SETTLES).toBe("true");
    await page.keyboard.press(" ");
    await expect.poll(() => page.locator('button[data-speed="0"]').getAttribute("aria-pressed"), SETTLES).toBe("false");
    expect(errors).toEqual([]);
  });

  it("at 1280×800 with a ship selected the panels leave at least three quarters of the map in view, and Leave asks first", { timeout: 90_000 }, async () => {
    const errors: string[] = [];
    const page = await openPage(harness.browser, errors);
    await page.goto(harness.server.url);
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
    const page = await openPage(harness.browser, errors, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await page.goto(harness.server.url);
    await page.locator('button[data-scenario="dorvan-2370"]').tap();
    await page.locator('button[data-seat="cell-1"]').tap();
    await page.locator("button[data-play]").tap();
    await page.locator("button[data-start]").tap({ timeout: JOIN_TIMEOUT });
    await page.locator("button[data-tab=ships]").tap({ timeout: JOIN_TIMEOUT });
    await page.locator('button[data-ship="raider-1"]').tap();
    await expect.poll(() => page.locator('button[data-ship="raider-1"]').getAttribute("aria-pressed"), SETTLES).toBe("true");
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
});
