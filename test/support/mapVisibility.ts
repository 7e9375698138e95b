import type { Page } from "playwright-core";

/**
 * The share of the window where a click would land on the map (the canvas is the topmost element),
 * sampled on a grid: what a player can see and touch of the map past the panels.
 */
export function visibleMapShare(page: Page, columns = 64, rows = 40): Promise<number> {
  return page.evaluate(
    ([columns, rows]) => {
      const canvas = document.querySelector("#game canvas");
      let open = 0;
      for (let row = 0; row < rows; row++) {
        for (let column = 0; column < columns; column++) {
          const x = ((column + 0.5) / columns) * innerWidth;
          const y = ((row + 0.5) / rows) * innerHeight;
          // Panels live in shadow roots: follow the topmost element down into them.
          let top: Element | null = document.elementFromPoint(x, y);
          while (top?.shadowRoot) {
            const inner = top.shadowRoot.elementFromPoint(x, y);
            if (!inner || inner === top) break;
            top = inner;
          }
          // A panel's host box that lets clicks through (pointer-events: none) is not covering anything.
          if (top === canvas) open += 1;
        }
      }
      return open / (columns * rows);
    },
    [columns, rows] as const,
  );
}
