import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../server/config";
import { findFreePort } from "../../server/portCheck";
import { serverAndBrowser, screenshotDir } from "../support/browserHarness";
import { chromiumAvailable } from "../support/chromium";
import { JOIN_TIMEOUT, leaveAndClose, newGamePage } from "../support/gamePages";
import { startServerProcess } from "../support/serverProcess";
const hasChromium = chromiumAvailable();

/** Opens the game as a player would and takes a seat in the Dorvan scenario's public match ("Join others"), where other pages meet it. */
async function joinAs(browser: Browser, url: string, seat: string, errors: string[], watch?: "maquis" | "occupier", scenario = "dorvan-2370"): Promise<Page> {
  const page = await newGamePage(browser, seat, errors, openPages);
  await page.goto(url);
  await page.locator(`button[data-scenario="${scenario}"]`).click();
  await page.locator(`button[data-seat="${seat}"]${watch ? `[data-watch="${watch}"]` : ""}`).click();
  await page.locator("button[data-quick]").click();
  await expect.poll(() => page.locator("[data-seat-name]").textContent(), { timeout: JOIN_TIMEOUT }).not.toContain("Connecting");
  return page;
}

/** Opens the game, reads the scenario's briefing, and plays a match of one's own: "Play", then "Start the match". */
async function playSolo(browser: Browser, url: string, seat: string, errors: string[], scenario = "dorvan-2370", label = seat): Promise<Page> {
  const page = await newGamePage(browser, label, errors, openPages);
  await page.goto(url);
  await page.locator(`button[data-scenario="${scenario}"]`).click();
  await page.locator(`button[data-seat="${seat}"]`).click();
  await page.locator("button[data-play]").click();
  await page.locator("button[data-start]").click({ timeout: JOIN_TIMEOUT });
  await expect.poll(() => page.locator("[data-briefing]").count(), { timeout: JOIN_TIMEOUT }).toBe(0);
  await expect.poll(() => page.locator("[data-seat-name]").textContent(), { timeout: JOIN_TIMEOUT }).not.toContain("Connecting");
  return page;
}

/** Pages a test opened; closed after each test so its seats are free for the next. */
const openPages: Page[] = [];

/** Where the ship list puts a ship, as map coordinates (the row shows words; the coordinates ride along for tests). */
const positionOf = (page: Page, selector: string) => page.locator(`${selector} [data-position]`).getAttribute("data-at");
const movingOf = (page: Page, selector: string) => page.locator(`${selector} [data-position]`).getAttribute("data-moving");

/** A phone-sized touch screen (390×844) in the given scenario and seat, its errors collected like newGamePage's. */
async function joinOnPhone(browser: Browser, url: string, seat: string, errors: string[], scenario: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  openPages.push(page);
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`[${seat} phone] console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`[${seat} phone] page: ${error.message}`));
  await page.goto(url);
  await page.locator(`button[data-scenario="${scenario}"]`).tap();
  await page.locator(`button[data-seat="${seat}"]`).tap();
  await page.locator("button[data-quick]").tap();
  await expect.poll(() => page.locator("[data-seat-name]").textContent(), { timeout: JOIN_TIMEOUT }).not.toContain("Connecting");
  return page;
}

/** How many council marks the page's map draws (the mark layer keeps the count on the canvas). */
const pinsOn = (page: Page) => page.locator("#game canvas").getAttribute("data-marks");

/** Selects a ship from the fleet list (which centres the camera on it) and right-clicks the map beside it. */
async function orderMove(page: Page, shipId: string, offsetX: number, offsetY: number): Promise<void> {
  await page.bringToFront();
  await page.locator(`button[data-ship="${shipId}"]`).click();
  const canvas = page.locator("#game canvas");
  const box = (await canvas.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2 + offsetX, box.y + box.height / 2 + offsetY, { button: "right" });
}

describe.skipIf(!hasChromium)("the game in Chromium (production build)", () => {
  const harness = serverAndBrowser(openPages);

  it("two players and two spectators in one match see each move their side may see, and nothing hidden", { timeout: 240_000 }, async () => {
    const errors: string[] = [];
    const maquis = await joinAs(harness.browser, harness.server.url, "cell-1", errors);
    const canvasBox = await maquis.locator("#game canvas").boundingBox();
    expect(canvasBox?.width).toBeGreaterThan(0);
    expect(canvasBox?.height).toBeGreaterThan(0);
    await expect.poll(() => maquis.locator('button[data-ship="raider-1"]').count()).toBe(1);
    const occupier = await joinAs(harness.browser, harness.server.url, "occupier", errors);
    await expect.poll(() => occupier.locator('button[data-ship="galor-1"]').count()).toBe(1);
    const watchingMaquis = await joinAs(harness.browser, harness.server.url, "spectator", errors, "maquis");
    const watchingOccupier = await joinAs(harness.browser, harness.server.url, "spectator", errors, "occupier");
    await expect.poll(() => watchingMaquis.locator('[data-contact="raider-1"]').count()).toBe(1);
    expect(await watchingMaquis.locator("button[data-ship]").count()).toBe(0);

    // The Maquis player sends the raider east: its own page and the Maquis-side spectator see it move.
    const raiderBefore = await positionOf(maquis, 'button[data-ship="raider-1"]');
    const raiderWatchedBefore = await positionOf(watchingMaquis, '[data-contact="raider-1"]');
    expect(raiderWatchedBefore).toBe(raiderBefore);
    await orderMove(maquis, "raider-1", 200, 60);
    await expect.poll(() => positionOf(maquis, 'button[data-ship="raider-1"]'), { timeout: 10_000 }).not.toBe(raiderBefore);
    await expect.poll(() => positionOf(watchingMaquis, '[data-contact="raider-1"]'), { timeout: 10_000 }).not.toBe(raiderWatchedBefore);

    // The occupier sends the Galor north: its own page and the occupier-side spectator see it move.
    const galorBefore = await positionOf(occupier, 'button[data-ship="galor-1"]');
    const galorWatchedBefore = await positionOf(watchingOccupier, '[data-contact="galor-1"]');
    await orderMove(occupier, "galor-1", 180, -40);
    await expect.poll(() => positionOf(occupier, 'button[data-ship="galor-1"]'), { timeout: 10_000 }).not.toBe(galorBefore);
    await expect.poll(() => positionOf(watchingOccupier, '[data-contact="galor-1"]'), { timeout: 10_000 }).not.toBe(galorWatchedBefore);

    // The hidden raider never reaches the occupier's pages.
    expect(await occupier.locator('[data-contact="raider-1"]').count()).toBe(0);
    expect(await watchingOccupier.locator('[data-contact="raider-1"]').count()).toBe(0);

    await maquis.bringToFront();
    await maquis.waitForTimeout(1500);
    await maquis.screenshot({ path: join(screenshotDir, "match-maquis.png") });
    await occupier.bringToFront();
    await occupier.waitForTimeout(500);
    await occupier.screenshot({ path: join(screenshotDir, "match-occupier.png") });
    expect(errors).toEqual([]);
  });

  it("the Maquis side sees the occupier's known sensor picture and each hidden ship's risk; the occupier sees its own sensors, no risk", { timeout: 240_000 }, async () => {
    const errors: string[] = [];
    const maquis = await joinAs(harness.browser, harness.server.url, "cell-1", errors);
    const toggle = maquis.locator("button[data-sensors]");
    // On by default for the Maquis; the button and the V key both switch it, and a V typed in the chat does not.
    await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("true");
    await maquis.keyboard.press("v");
    await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("false");
    await maquis.locator("input[data-chat-input]").pressSequentially("vv");
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    await toggle.click();
    await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("true");

    // The raider starts underground: its row gives its odds of being seen (docked beside it, the operations panel does not repeat them).
    const raiderHiding = maquis.locator('button[data-ship="raider-1"] [data-hiding]');
    await expect.poll(() => raiderHiding.textContent()).toMatch(/^Hidden · risk (<?[\d.]+)%\/h$/);
    expect(["low", "medium", "high"]).toContain(await raiderHiding.getAttribute("data-hiding"));
    expect(await raiderHiding.getAttribute("title")).toContain("nebulae");
    await maquis.locator('button[data-ship="raider-1"]').click();
    await expect.poll(() => maquis.locator("operations-panel [data-operations]").count()).toBe(1);
    expect(await maquis.locator("operations-panel [data-hiding]").count()).toBe(0);
    // The movement's standing sits beside the occupier's reputation.
    expect(Number(await maquis.locator("[data-standing]").textContent())).toBeGreaterThanOrEqual(0);
    expect(Number(await maquis.locator("[data-reputation]").textContent())).toBeGreaterThanOrEqual(0);

    // A spectator of the Maquis side has the same picture, and the risk on the Maquis ships it watches.
    const watchingMaquis = await joinAs(harness.browser, harness.server.url, "spectator", errors, "maquis");
    await expect.poll(() => watchingMaquis.locator("button[data-sensors]").getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => watchingMaquis.locator('[data-contact="raider-1"] [data-hiding]').textContent()).toContain("risk");

    const occupier = await joinAs(harness.browser, harness.server.url, "occupier", errors);
    await expect.poll(() => occupier.locator('button[data-ship="galor-1"]').count()).toBe(1);
    expect(await occupier.locator("[data-hiding]").count()).toBe(0);
    const occupierToggle = occupier.locator("button[data-sensors]");
    await expect.poll(() => occupierToggle.getAttribute("aria-pressed")).toBe("true");
    await occupier.keyboard.press("v");
    await expect.poll(() => occupierToggle.getAttribute("aria-pressed")).toBe("false");
    await maquis.bringToFront();
    await maquis.screenshot({ path: join(screenshotDir, "sensor-picture.png") });
    expect(errors).toEqual([]);
  });

  it("co-op cells pin council marks for their side by key, button, click or tap; the occupier's side never sees them", { timeout: 240_000 }, async () => {
    const errors: string[] = [];
    const scenario = "bryma-2370";
    const cell = await joinAs(harness.browser, harness.server.url, "cell-1", errors, undefined, scenario);
    await expect.poll(() => cell.locator("button[data-ship]").count()).toBeGreaterThan(0);
    await expect.poll(() => pinsOn(cell)).toBe("0");
    const markButton = cell.locator("button[data-mark]");
    // M starts placing a mark and Escape backs out of it; an M typed in the chat does neither.
    await cell.keyboard.press("m");
    await expect.poll(() => cell.locator("[data-mark-hint]").count()).toBe(1);
    expect(await markButton.getAttribute("aria-pressed")).toBe("true");
    await cell.keyboard.press("Escape");
    await expect.poll(() => cell.locator("[data-mark-hint]").count()).toBe(0);
    await cell.locator("input[data-chat-input]").pressSequentially("mm");
    expect(await cell.locator("[data-mark-hint]").count()).toBe(0);

    // With a ship selected, the right-click that would send it places the mark instead: the ship stays put.
    const ship = (await cell.locator("button[data-ship]").first().getAttribute("data-ship"))!;
    await cell.locator(`button[data-ship="${ship}"]`).click();
    expect(await movingOf(cell, `button[data-ship="${ship}"]`)).toBe("no");
    await markButton.click();
    await expect.poll(() => cell.locator("[data-mark-hint]").count()).toBe(1);
    const box = (await cell.locator("#game canvas").boundingBox())!;
    await cell.mouse.click(box.x + box.width / 2 + 120, box.y + box.height / 2 + 40, { button: "right" });
    const note = cell.locator("input[data-mark-input]");
    await expect.poll(() => note.count()).toBe(1);
    await note.fill("Hit the convoy here at dawn");
    await note.press("Enter");
    await expect.poll(() => pinsOn(cell), { timeout: 10_000 }).toBe("1");
    await expect.poll(() => cell.locator("[data-mark-line]").first().textContent()).toContain("Hudson's cell: Hit the convoy here at dawn");
    expect(await cell.locator("[data-mark-note]").count()).toBe(0);
    expect(await movingOf(cell, `button[data-ship="${ship}"]`)).toBe("no");

    // The fellow cell, on a phone, sees the mark, and adds one with the button and a tap on the map.
    const phone = await joinOnPhone(harness.browser, harness.server.url, "cell-2", errors, scenario);
    await expect.poll(() => pinsOn(phone), { timeout: 10_000 }).toBe("1");
    await phone.locator("button[data-mark]").tap();
    await expect.poll(() => phone.locator("[data-mark-hint]").count()).toBe(1);
    // Open map between the side panel (left) and the fleet list (top right).
    await phone.touchscreen.tap(300, 560);
    const phoneNote = phone.locator("input[data-mark-input]");
    await expect.poll(() => phoneNote.count()).toBe(1);
    await phoneNote.fill("Safe house");
    await phone.locator("button[data-mark-send]").tap();
    await expect.poll(() => pinsOn(phone), { timeout: 10_000 }).toBe("2");
    await expect.poll(() => pinsOn(cell), { timeout: 10_000 }).toBe("2");
    await phone.screenshot({ path: join(screenshotDir, "marks-phone.png") });
    await cell.bringToFront();
    await cell.screenshot({ path: join(screenshotDir, "marks.png") });
    // Each page draws a whole map in software here: leave those done with, so the rest join in good time.
    await leaveAndClose(openPages.splice(openPages.indexOf(phone), 1));

    // The Maquis side's spectator sees both marks and cannot mark; the occupier sees neither mark nor its log line.
    const watchingMaquis = await joinAs(harness.browser, harness.server.url, "spectator", errors, "maquis", scenario);
    await expect.poll(() => pinsOn(watchingMaquis), { timeout: 10_000 }).toBe("2");
    expect(await watchingMaquis.locator("button[data-mark]").count()).toBe(0);
    await leaveAndClose(openPages.splice(openPages.indexOf(watchingMaquis), 1));
    const occupier = await joinAs(harness.browser, harness.server.url, "occupier", errors, undefined, scenario);
    await expect.poll(() => occupier.locator("button[data-ship]").count()).toBeGreaterThan(0);
    await expect.poll(() => occupier.locator("[data-log] [data-log-kind]").count()).toBeGreaterThan(0);
    await occupier.waitForTimeout(1000);
    expect(await pinsOn(occupier)).toBe("0");
    expect(await occupier.locator("[data-mark-line]").count()).toBe(0);
    expect(await occupier.locator("[data-log]").textContent()).not.toContain("Hit the convoy");
    // The occupier may mark too, for its own side: the cell's map does not get the pin.
    await occupier.keyboard.press("m");
    const occupierBox = (await occupier.locator("#game canvas").boundingBox())!;
    await occupier.mouse.click(occupierBox.x + occupierBox.width / 2 + 120, occupierBox.y + occupierBox.height / 2 + 40);
    await occupier.locator("input[data-mark-input]").fill("Sweep this sector");
    await occupier.locator("input[data-mark-input]").press("Enter");
    await expect.poll(() => pinsOn(occupier), { timeout: 10_000 }).toBe("1");
    await cell.waitForTimeout(1000);
    expect(await pinsOn(cell)).toBe("2");
    expect(await cell.locator("[data-log]").textContent()).not.toContain("Sweep this sector");
    expect(errors).toEqual([]);
  });

  it("the briefing tells the story and each side's goals; two solo starts of one seat land in two matches of their own", { timeout: 120_000 }, async () => {
    const errors: string[] = [];
    const first = await newGamePage(harness.browser, "first", errors, openPages);
    await first.goto(harness.server.url);
    await first.locator('button[data-scenario="dorvan-2370"]').click();
    await expect.poll(() => first.locator("[data-story]").textContent()).toContain("Dorvan");
    expect(await first.locator('[data-side-objectives="maquis"] li').count()).toBeGreaterThan(0);
    expect(await first.locator('[data-side-objectives="occupier"] li').count()).toBeGreaterThan(0);
    expect(await first.locator("[data-length]").textContent()).toMatch(/minutes at 1×/);
    expect(await first.locator("button[data-play]").isDisabled()).toBe(true);
    await first.locator('button[data-level="hard"]').click();
    await first.screenshot({ path: join(screenshotDir, "briefing.png") });
    await first.locator('button[data-seat="cell-1"]').click();
    await first.locator("button[data-play]").click();
    // The match waits behind the briefing: the clock does not run until Start.
    await first.locator("button[data-start]").waitFor({ timeout: JOIN_TIMEOUT });
    await first.locator("button[data-start]").click();
    await expect.poll(() => first.locator("[data-seat-name]").textContent(), { timeout: JOIN_TIMEOUT }).toContain("Dorvan Valley cell");
    const second = await playSolo(harness.browser, harness.server.url, "cell-1", errors, "dorvan-2370", "second");
    await expect.poll(() => second.locator("[data-seat-name]").textContent()).toContain("Dorvan Valley cell");
    const roomOf = (page: Page) => page.evaluate(() => (JSON.parse(sessionStorage.getItem("maquis.session") ?? "{}") as { roomId?: string }).roomId);
    expect(await roomOf(first)).toBeTruthy();
    expect(await roomOf(second)).not.toBe(await roomOf(first));
    // The level chosen is remembered for the next match; the briefing can be read again during the match, and Esc closes it.
    expect(await first.evaluate(() => localStorage.getItem("maquis.aiLevel"))).toBe("hard");
    await first.bringToFront();
    await first.locator("button[data-open-briefing]").click();
    await expect.poll(() => first.locator("[data-briefing] button[data-close]").count()).toBe(1);
    await first.keyboard.press("Escape");
    await expect.poll(() => first.locator("[data-briefing]").count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("a cell runs an operation from the panel, sees its cost paid and the refusal reasons of the others", { timeout: 90_000 }, async () => {
    const errors: string[] = [];
    const page = await playSolo(harness.browser, harness.server.url, "cell-1", errors);
    await page.locator('button[data-ship="raider-1"]').click();
    const holding = (name: string) => page.locator(`[data-holding="${name}"]`).textContent();
    await expect.poll(() => holding("Supplies")).toBe("12");
    // No convoy is under way yet and Solosos III holds no occupier depot: Raid is disabled for that reason,
    // not because the client cannot see convoys (test/unit/orderCandidates.test.ts enables it beside one).
    const raid = page.locator('button[data-operation="raid"]');
    await expect.poll(() => raid.getAttribute("aria-disabled")).toBe("true");
    expect(await raid.locator("[data-refusal]").textContent()).toContain("no such convoy in range");
    await page.locator('button[data-operation="recruit"]').click();
    await expect.poll(() => holding("Supplies")).toBe("10");
    await expect.poll(() => holding("Recruits")).toBe("4");
    // The raider is busy for a while after operating: the panel says so.
    await expect.poll(() => page.locator('button[data-operation="agitate"] [data-refusal]').textContent()).toContain("busy");
    await page.screenshot({ path: join(screenshotDir, "operations.png") });
    expect(errors).toEqual([]);
  });

  it("the end of a match is shown with the winner, the score and each objective", { timeout: 150_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "maquis-e2e-"));
    const short = JSON.parse(readFileSync(join(repoRoot, "assets", "scenarios", "dorvan-2370.json"), "utf8"));
    Object.assign(short, { id: "dorvan-short", title: "Dorvan, one day", length: { days: 1 } });
    writeFileSync(join(dir, "dorvan-short.json"), JSON.stringify(short));
    const shortServer = await startServerProcess(await findFreePort(), { SCENARIO_DIR: dir });
    try {
      const errors: string[] = [];
      const page = await playSolo(harness.browser, shortServer.url, "cell-1", errors, "dorvan-short");
      await expect.poll(() => page.locator("[data-result]").count(), { timeout: 30_000 }).toBe(1);
      expect(["maquis", "occupier", "draw"]).toContain(await page.locator("[data-result]").getAttribute("data-winner"));
      expect(Number(await page.locator('[data-score="maquis"]').textContent())).toBeGreaterThanOrEqual(0);
      // The day-by-day charts: five uPlot canvases, one per chart, standing among them.
      await expect.poll(() => page.locator("history-charts canvas").count()).toBe(5);
      expect(await page.locator('history-charts [data-chart="Standing"] .u-title').textContent()).toContain("Maquis standing");
      await page.screenshot({ path: join(screenshotDir, "result.png") });
      // The replay of the same match, from the results screen's link: everything visible, played again to its end.
      const replayLink = (await page.locator("[data-replay-link]").getAttribute("href"))!;
      await page.locator("[data-replay-link]").click();
      await expect.poll(() => page.locator("[data-seat-name]").textContent(), { timeout: JOIN_TIMEOUT }).toContain("Spectator");
      await page.locator('button[data-speed="4"]').click();
      await expect.poll(() => page.locator("[data-contact]").count()).toBeGreaterThanOrEqual(3);
      await expect.poll(() => page.locator("[data-result]").count(), { timeout: 30_000 }).toBe(1);

      // "Play from here": the replay again, paused at a moment, and a match of one's own from there in the seat chosen (by keyboard).
      await page.goto(replayLink);
      await expect.poll(() => page.locator("[data-timeline-at]").textContent(), { timeout: JOIN_TIMEOUT }).toMatch(/day 1, (0[3-9]|1\d):00/);
      await page.locator("button[data-pause]").click();
      await expect.poll(() => page.locator("button[data-pause]").getAttribute("aria-pressed")).toBe("true");
      const moment = (await page.locator("[data-timeline-at]").textContent())!;
      await page.locator("button[data-play-from-here]").click();
      await expect.poll(() => page.locator("[data-seat-choice] h2").textContent()).toBe("PLAY FROM HERE");
      expect(await page.locator("[data-invite-headline]").textContent()).toContain(`from ${moment}`);
      expect(await page.locator("[data-seat-choice] [data-watch]").count(), "a match of one's own has nobody to watch").toBe(0);
      // The first seat has the focus: Tab to the next (the occupier), Enter takes it.
      expect(await page.locator('[data-seat-choice] button[data-seat="cell-1"]').evaluate((button) => button.matches(":focus"))).toBe(true);
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      // It waits behind its briefing, at the moment the replay stood at, until Start.
      await page.locator("button[data-start]").waitFor({ timeout: JOIN_TIMEOUT });
      await expect.poll(() => page.locator("[data-seat-name]").textContent(), { timeout: JOIN_TIMEOUT }).toContain("(occupier)");
      expect(await page.locator("[data-clock]").textContent(), "the new match starts where the replay stood").toContain(moment);
      await page.locator("button[data-start]").click();
      await expect.poll(() => page.locator("[data-briefing]").count()).toBe(0);
      await page.screenshot({ path: join(screenshotDir, "play-from-here.png") });
      expect(errors).toEqual([]);
    } finally {
      await shortServer.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a page reload returns the player to their seat in the same match", { timeout: 120_000 }, async () => {
    const errors: string[] = [];
    const page = await playSolo(harness.browser, harness.server.url, "cell-1", errors);
    await page.locator('button[data-ship="raider-1"]').click();
    await page.locator('button[data-operation="recruit"]').click();
    await expect.poll(() => page.locator('[data-holding="Supplies"]').textContent()).toBe("10");
    await page.reload();
    await expect.poll(() => page.locator("[data-seat-name]").textContent(), { timeout: JOIN_TIMEOUT }).toContain("Dorvan Valley cell");
    await expect.poll(() => page.locator('[data-holding="Supplies"]').textContent()).toBe("10");
    await expect.poll(() => page.locator('[data-holding="Recruits"]').textContent()).toBe("4");
    expect(errors).toEqual([]);
  });

  it("two players meet in a private lobby match by its invite link, take seats, get ready, and the host starts it", { timeout: 150_000 }, async () => {
    const errors: string[] = [];
    const track = (label: string) => newGamePage(harness.browser, label, errors, openPages);
    const host = await track("host");
    await host.goto(harness.server.url);
    await host.locator("button[data-open-lobby]").click();
    await host.locator("input[data-name]").fill("Sveta");
    await host.locator("input[data-name]").dispatchEvent("change");
    await host.locator("select[data-create-scenario]").selectOption("dorvan-2370");
    await host.locator("input[data-create-private]").check();
    await host.locator("button[data-create]").click();
    await expect.poll(() => host.locator("[data-code]").textContent(), { timeout: JOIN_TIMEOUT }).toMatch(/^[A-Z2-9]{6}$/);
    const code = (await host.locator("[data-code]").textContent())!;
    expect(await host.locator("[data-link]").textContent()).toContain(`?join=${code}`);

    const guest = await track("guest");
    await guest.goto(`${harness.server.url}/?join=${code}`);
    await expect.poll(() => guest.locator("[data-pregame]").count(), { timeout: JOIN_TIMEOUT }).toBe(1);
    await guest.locator('button[data-take="occupier"]').click();
    await expect.poll(() => host.locator('[data-seat-row="occupier"]').textContent()).toContain("Player");
    await guest.locator("button[data-ready]").click();
    await host.bringToFront();
    await host.locator("button[data-ready]").click();
    await expect.poll(() => host.locator("button[data-start]").isDisabled()).toBe(false);
    await host.locator("button[data-start]").click();
    await expect.poll(() => host.locator("[data-pregame]").count()).toBe(0);
    await expect.poll(() => guest.locator("[data-pregame]").count()).toBe(0);
    await expect.poll(() => host.locator("[data-seat-name]").textContent()).toContain("Dorvan Valley cell");
    await expect.poll(() => guest.locator("[data-seat-name]").textContent()).toContain("Cardassian Guard");
    // All-chat reaches the other player; the players list shows who sits where.
    await guest.bringToFront();
    await guest.locator("input[data-chat-input]").fill("Surrender the raider.");
    await guest.locator("select[data-chat-to]").selectOption("all");
    await guest.locator("input[data-chat-input]").press("Enter");
    await expect.poll(() => host.locator("[data-chat]").textContent()).toContain("Surrender the raider.");
    expect(await host.locator('[data-player="cell-1"]').textContent()).toContain("Sveta");
    // Both vote to pause: the clock stops on both pages.
    await host.locator('button[data-speed="0"]').click();
    await guest.locator('button[data-speed="0"]').click();
    await expect.poll(() => host.locator('button[data-speed="0"]').getAttribute("aria-pressed")).toBe("true");
    const clock = await host.locator("[data-clock]").textContent();
    await host.waitForTimeout(1500);
    expect(await host.locator("[data-clock]").textContent()).toBe(clock);
    expect(errors).toEqual([]);
  });
});
