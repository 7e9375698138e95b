import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../server/config";
import { serverAndBrowser, screenshotDir } from "../support/browserHarness";
import { chromiumAvailable } from "../support/chromium";
import { clickMap, dragMap, draftOf, problemCount } from "../support/editorPages";
import { newGamePage } from "../support/gamePages";

const hasChromium = chromiumAvailable();

type Draft = { map: { systems: { id: string; x: number; y: number; name: string }[] }; triggers: { id: string; when: { kind: string }[]; then: { kind: string }[] }[]; year: number };

describe.skipIf(!hasChromium)("the scenario editor (production build in Chromium)", () => {
  const harness = serverAndBrowser();
  const errors: string[] = [];
  const openEditor = async (label: string, viewport = { width: 1280, height: 800 }) => {
    const page = await newGamePage(harness.browser, label, errors, harness.pages, { viewport });
    await page.goto(`${harness.server.url}/editor`);
    return page;
  };

  it("builds a scenario from the template on the map and in the forms, flags a mistake, and fixes it", { timeout: 90_000 }, async () => {
    // The menu leads to the editor.
    const menu = await newGamePage(harness.browser, "menu", errors, harness.pages);
    await menu.goto(harness.server.url);
    await menu.locator("a[data-open-editor]").click();
    await menu.waitForURL(/\/editor$/);
    await expect.poll(() => menu.locator("[data-editor-start]").count()).toBe(1);

    const page = await openEditor("modder");
    await page.locator("button[data-start-template]").click();
    await expect.poll(() => problemCount(page)).toBe(0);
    expect(await page.locator("[data-problem-count]").textContent()).toContain("No problems");

    // A new system, placed with the system tool, then dragged: it snaps to the grid.
    await page.locator("button[data-tool=system]").click();
    await clickMap(page, 300, 600);
    await expect.poll(async () => ((await draftOf(page)) as Draft).map.systems.length).toBe(5);
    await page.locator("button[data-tool=select]").click();
    await dragMap(page, { x: 300, y: 600 }, { x: 353, y: 627 });
    await expect.poll(async () => ((await draftOf(page)) as Draft).map.systems.find((system) => system.id === "system")).toMatchObject({ x: 350, y: 630 });
    // Its form is on the "On the map" tab: rename it.
    await page.locator("button[data-tab=selected]").click();
    await page.locator("schema-form[data-selected-form] input[id='map.systems.4.name']").fill("Sanctuary");
    await expect.poll(async () => ((await draftOf(page)) as Draft).map.systems[4]!.name).toBe("Sanctuary");

    // A trigger from the builder: when a ship reaches a system (chosen from the scenario's own), send a message.
    await page.locator("button[data-tab=triggers]").click();
    await page.locator("button[data-add-item=triggers]").click();
    const trigger = "triggers.1";
    await page.locator(`[data-path='${trigger}.when.0'] select[data-variant]`).first().selectOption({ label: "shipAt" });
    await page.locator(`select[id='${trigger}.when.0.system']`).selectOption("system");
    await page.locator(`[data-path='${trigger}.then.0'] select[data-variant]`).first().selectOption({ label: "message" });
    // The new message has no text yet: the editor says so, in plain words, with the field.
    await expect.poll(() => problemCount(page)).toBe(1);
    await page.locator("button[data-tab=problems]").click();
    await expect.poll(() => page.locator(`[data-problem='${trigger}.then.0.text']`).textContent()).toContain("must not be empty");
    await page.screenshot({ path: join(screenshotDir, "editor-problem.png") });
    // Clicking the problem opens the field; writing the text fixes it.
    await page.locator(`[data-problem='${trigger}.then.0.text']`).click();
    await expect.poll(() => page.locator("[data-tab=triggers]").getAttribute("aria-selected")).toBe("true");
    await page.locator(`textarea[id='${trigger}.then.0.text']`).fill("A ship has reached Sanctuary.");
    await expect.poll(() => problemCount(page)).toBe(0);
    const draft = (await draftOf(page)) as Draft;
    expect(draft.triggers[1]).toMatchObject({ when: [{ kind: "shipAt", system: "system" }], then: [{ kind: "message", text: "A ship has reached Sanctuary." }] });

    // Undo takes back the last edits, redo brings them back.
    await page.locator("button[data-undo]").click();
    await expect.poll(() => problemCount(page)).toBe(1);
    await page.keyboard.press("Control+Shift+Z");
    await expect.poll(() => problemCount(page)).toBe(0);
    await page.screenshot({ path: join(screenshotDir, "editor-trigger.png") });

    // Deleting a system the trigger names is flagged at the trigger, and undone with Ctrl+Z.
    await page.locator("button[data-tab=selected]").click();
    await clickMap(page, 350, 630);
    await page.keyboard.press("Delete");
    await expect.poll(async () => ((await draftOf(page)) as Draft).map.systems.length).toBe(4);
    await expect.poll(() => problemCount(page)).toBeGreaterThan(0);
    await page.keyboard.press("Control+z");
    await expect.poll(() => problemCount(page)).toBe(0);

    // The draft is kept in the browser: a reload offers it again, as it was.
    await page.reload();
    await page.locator("button[data-start-saved]").click();
    await expect.poll(async () => ((await draftOf(page)) as Draft).triggers.length).toBe(2);
    expect(errors).toEqual([]);
  });

  it("opens a scenario file with its atlas map written out, and fits a phone", { timeout: 60_000 }, async () => {
    const page = await openEditor("phone", { width: 390, height: 844 });
    await page.locator("input[data-file-input]").setInputFiles(join(repoRoot, "assets", "scenarios", "badlands-2371.json"));
    await expect.poll(() => page.locator("[data-notice]").textContent()).toContain("atlas");
    await expect.poll(() => problemCount(page)).toBe(0);
    const draft = (await draftOf(page)) as Draft;
    expect(draft.map.systems.length).toBeGreaterThan(5);
    // Nothing runs off the side of a phone's screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(screenshotDir, "editor-phone.png") });
    expect(errors).toEqual([]);
  });
});
