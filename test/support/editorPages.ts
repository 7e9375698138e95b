import type { Page } from "playwright-core";

/** The screen position of a point of the map being edited (map units), through the editor's SVG transform. */
export async function screenOf(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([mapX, mapY]) => {
      const editor = document.querySelector("scenario-editor")!.shadowRoot!;
      const svg = editor.querySelector("map-surface")!.shadowRoot!.querySelector("svg")!;
      const point = new DOMPoint(mapX, mapY).matrixTransform(svg.getScreenCTM()!);
      return { x: point.x, y: point.y };
    },
    [x, y] as const,
  );
}

/** Clicks the map at a point of the map (map units). */
export async function clickMap(page: Page, x: number, y: number): Promise<void> {
  const at = await screenOf(page, x, y);
  await page.mouse.click(at.x, at.y);
}

/** Drags on the map from one point to another (map units), in small steps as a hand would. */
export async function dragMap(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  const start = await screenOf(page, from.x, from.y);
  const end = await screenOf(page, to.x, to.y);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await page.mouse.up();
}

/** The draft as the editor holds it (what export would download). */
export function draftOf(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => (document.querySelector("scenario-editor") as unknown as { model: { draft: Record<string, unknown> } }).model.draft);
}

/** The problem count shown in the editor's bar. */
export async function problemCount(page: Page): Promise<number> {
  return Number(await page.locator("[data-problem-count]").getAttribute("data-problems"));
}
