import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../server/config";
import { serverAndBrowser, screenshotDir } from "../support/browserHarness";
import { chromiumAvailable } from "../support/chromium";
import { clickMap, dragMap, draftOf, problemCount, screenOf } from "../support/editorPages";
import { JOIN_TIMEOUT, newGamePage } from "../support/gamePages";

const hasChromium = chromiumAvailable();

/** Text that runs script if a page ever renders it as HTML. */
const HOSTILE_TEXT = "<img src=x onerror=window.__pwned=1>";

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
    const scripts: string[] = [];
    menu.on("request", (request) => request.resourceType() === "script" && scripts.push(new URL(request.url()).pathname));
    await menu.goto(harness.server.url);
    await menu.locator("a[data-open-editor]").waitFor();
    // The game's page neither preloads nor loads the editor: it is a chunk of its own, fetched at /editor.
    const html = await (await fetch(harness.server.url)).text();
    expect(html).not.toMatch(/startEditor/);
    expect(scripts.some((path) => path.includes("startEditor"))).toBe(false);
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

    // A nebula drawn corner by corner, then reshaped by dragging a corner.
    await page.locator("button[data-tool=region]").click();
    await page.locator("select[data-region-kind]").selectOption("nebula");
    for (const [x, y] of [[750, 500], [900, 500], [900, 650]] as const) await clickMap(page, x, y);
    await page.keyboard.press("Enter");
    type Regions = { map: { regions: { id: string; kind: string; outline: { x: number; y: number }[] }[] } };
    await expect.poll(async () => ((await draftOf(page)) as Regions).map.regions.find((region) => region.kind === "nebula")?.outline).toEqual([
      { x: 750, y: 500 },
      { x: 900, y: 500 },
      { x: 900, y: 650 },
    ]);
    await page.locator("button[data-tool=select]").click();
    await dragMap(page, { x: 900, y: 650 }, { x: 760, y: 640 });
    await expect.poll(async () => ((await draftOf(page)) as Regions).map.regions.find((region) => region.kind === "nebula")?.outline[2]).toEqual({ x: 760, y: 640 });

    // A trigger from the builder: when a ship reaches a system (chosen from the scenario's own), send a message.
    await page.locator("button[data-tab=triggers]").click();
    await page.locator("button[data-add-item=triggers]").click();
    const trigger = "triggers.1";
    await page.locator(`[data-path='${trigger}.when.0'] select[data-variant]`).first().selectOption({ label: "ship at" });
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

    // Undo takes back the last edits (typing the text, and perhaps what came just before it), redo brings them back.
    const trigger1 = async () => JSON.stringify(((await draftOf(page)) as Draft).triggers[1] ?? null);
    const done = await trigger1();
    await page.locator("button[data-undo]").click();
    await expect.poll(trigger1).not.toContain("A ship has reached Sanctuary.");
    await page.keyboard.press("Control+Shift+Z");
    await expect.poll(trigger1).toBe(done);
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
    await page.locator("button[data-start-saved]").first().click();
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

    // A file whose texts are markup opens with them shown as text, running nothing.
    const hostile = { ...JSON.parse(readFileSync(join(repoRoot, "assets", "templates", "new-scenario.json"), "utf8")), title: HOSTILE_TEXT, briefing: HOSTILE_TEXT };
    await page.locator("button[data-new]").click();
    await page.locator("input[data-file-input]").setInputFiles({ name: "hostile.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(hostile)) });
    await expect.poll(() => page.locator("[data-draft-title]").textContent()).toBe(HOSTILE_TEXT);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    // A file that is not a scenario at all is refused, saying why.
    await page.locator("button[data-new]").click();
    await page.locator("input[data-file-input]").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{ not json") });
    await expect.poll(() => page.locator("[data-editor-start] [role=alert]").textContent()).toContain("broken.json is not valid JSON");
    expect(errors).toEqual([]);
  });

  it("playtests a draft, publishes it, finds it under Community, and only the token holder publishes a new version", { timeout: 240_000 }, async () => {
    const page = await openEditor("author");
    await page.locator("button[data-start-template]").click();
    await page.locator("button[data-tab=scenario]").click();
    await page.locator("input[id='id']").fill("e2e-haven-run");
    await page.locator("input[id='title']").fill("The Haven Run");
    // An hour long, so a match of it ends at once and leaves a replay.
    await page.locator("[data-path='length'] select[data-variant]").selectOption({ label: "hours" });
    await page.locator("input[id='length.hours']").fill("1");
    await expect.poll(() => problemCount(page)).toBe(0);

    // Playtest: one click into a private match of the draft, in the seat chosen; leaving comes back to the editor.
    await page.locator("select[data-playtest-seat]").selectOption("cell-1");
    await page.locator("button[data-playtest]").click();
    await page.waitForURL(/\?playtest=/);
    await expect.poll(() => page.locator("briefing-screen h1").textContent(), { timeout: JOIN_TIMEOUT }).toBe("The Haven Run");
    await page.locator("button[data-start]").click({ timeout: JOIN_TIMEOUT });
    await expect.poll(() => page.locator("[data-result]").count(), { timeout: JOIN_TIMEOUT }).toBe(1);
    await page.screenshot({ path: join(screenshotDir, "editor-playtest.png") });
    await page.locator("match-result button").first().click();
    await page.waitForURL(/\/editor$/);
    await expect.poll(async () => ((await draftOf(page)) as { title?: string }).title).toBe("The Haven Run");

    // Publish version 1: the token is handed over once, and kept in this browser.
    await page.locator("button[data-tab=publish]").click();
    await page.locator("input[data-author]").fill("Ro Laren");
    await page.locator("textarea[data-changelog]").fill("First version");
    await page.locator("button[data-publish]").click();
    await expect.poll(() => page.locator("[data-published]").textContent()).toContain("version 1");
    expect(await page.locator("[data-edit-token]").textContent()).toMatch(/^[\w-]{20,}$/);

    // Under Community in the menu, and a match of version 1 played to its end.
    const player = await newGamePage(harness.browser, "player", errors, harness.pages);
    await player.goto(harness.server.url);
    await player.locator("button[data-tab=community]").click();
    const entry = player.locator("button[data-community-scenario='e2e-haven-run']");
    await expect.poll(() => entry.textContent(), { timeout: 15_000 }).toContain("The Haven Run");
    expect(await entry.textContent()).toContain("Ro Laren");
    await entry.click();
    await player.locator('button[data-seat="cell-1"]').click();
    await player.locator("button[data-play]").click();
    await player.locator("button[data-start]").click({ timeout: JOIN_TIMEOUT });
    await expect.poll(() => player.locator("[data-result]").count(), { timeout: JOIN_TIMEOUT }).toBe(1);
    const replayLink = await player.locator("a[data-replay-link]").getAttribute("href");
    expect(replayLink).toMatch(/replay=/);

    // Version 2 by the token holder is accepted.
    await page.locator("button[data-tab=scenario]").click();
    await page.locator("input[id='title']").fill("The Haven Run, revised");
    await page.locator("button[data-tab=publish]").click();
    await expect.poll(() => page.locator("input[data-version]").inputValue()).toBe("2");
    await page.locator("textarea[data-changelog]").fill("A new title");
    await page.locator("button[data-publish]").click();
    await expect.poll(() => page.locator("[data-published]").textContent()).toContain("version 2");

    // Anyone else is refused, even with a higher version.
    const other = await harness.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const stranger = await other.newPage();
    harness.pages.push(stranger);
    await stranger.goto(`${harness.server.url}/editor`);
    await stranger.locator("button[data-start-community='e2e-haven-run']").click();
    await stranger.locator("button[data-tab=publish]").click();
    await expect.poll(() => stranger.locator("input[data-version]").inputValue()).toBe("3");
    await stranger.locator("input[data-author]").fill("Someone else");
    await stranger.locator("button[data-publish]").click();
    await expect.poll(() => stranger.locator("[data-publish-refusal]").textContent()).toContain("only the holder of this scenario's edit token");
    await stranger.screenshot({ path: join(screenshotDir, "editor-publish-refused.png") });

    // The match of version 1 still replays now that version 2 is the one listed.
    await player.goto(new URL(replayLink!, harness.server.url).href);
    await expect.poll(() => player.locator("[data-replay-timeline]").count(), { timeout: JOIN_TIMEOUT }).toBe(1);
    await player.screenshot({ path: join(screenshotDir, "editor-old-replay.png") });
    await other.close();
    expect(errors).toEqual([]);
  });

  it("two modders edit one draft at once: each sees the other's edits, pointer and field, and undoes only their own", { timeout: 120_000 }, async () => {
    const first = await openEditor("first modder");
    await first.locator("button[data-start-template]").click();
    await first.locator("button[data-share]").click();
    await first.waitForURL(/\/editor\?draft=/);
    const link = first.url();

    // The second modder opens the link in another browser and gets the same draft.
    const other = await harness.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const second = await other.newPage();
    harness.pages.push(second);
    second.on("pageerror", (error) => errors.push(`[second modder] page: ${error.message}`));
    await second.goto(link);
    await expect.poll(async () => ((await draftOf(second)) as { title?: string }).title, { timeout: JOIN_TIMEOUT }).toBe("A new scenario");
    await expect.poll(() => first.locator("[data-editor-name]").count()).toBe(1);

    // Both edit at the same moment, different fields: both edits survive on both pages.
    await first.locator("button[data-tab=scenario]").click();
    await second.locator("button[data-tab=scenario]").click();
    await Promise.all([first.locator("input[id='title']").fill("Haven under siege"), second.locator("input[id='year']").fill("2372")]);
    for (const page of [first, second])
      await expect.poll(async () => {
        const draft = (await draftOf(page)) as { title: string; year: number };
        return `${draft.title} ${draft.year}`;
      }).toBe("Haven under siege 2372");

    // The second moves a system on the map; the first sees it move, and the second's pointer.
    await second.locator("button[data-tab=selected]").click();
    await dragMap(second, { x: 500, y: 260 }, { x: 560, y: 200 });
    await expect.poll(async () => ((await draftOf(first)) as Draft).map.systems.find((system) => system.id === "meridian")).toMatchObject({ x: 560, y: 200 });
    const pointer = await screenOf(second, 600, 300);
    await second.mouse.move(pointer.x, pointer.y, { steps: 4 });
    await expect.poll(() => first.locator("[data-remote-cursor]").count()).toBe(1);
    // The system the second selected is ringed in their colour on the first's map; the field they are in is outlined in the first's form.
    await expect.poll(() => first.locator("[data-remote-selected]").count()).toBe(1);
    await second.locator("input[id='map.systems.1.name']").focus();
    await first.locator("button[data-tab=selected]").click();
    await clickMap(first, 560, 200);
    await expect.poll(() => first.locator("[data-remote-field]").count()).toBe(1);
    await first.screenshot({ path: join(screenshotDir, "editor-together.png") });

    // Undo on the first page takes back the first's title, not the second's move or year.
    await first.locator("button[data-undo]").click();
    await expect.poll(async () => ((await draftOf(second)) as { title: string }).title).toBe("A new scenario");
    const after = (await draftOf(second)) as Draft;
    expect(after.year).toBe(2372);
    expect(after.map.systems.find((system) => system.id === "meridian")).toMatchObject({ x: 560, y: 200 });
    await other.close();
    expect(errors).toEqual([]);
  });
});
