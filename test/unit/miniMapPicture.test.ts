import { describe, expect, it } from "vitest";
import { systemsFrame } from "../../client/render/mapFrame";
import { fitFrame, miniMapPicture } from "../../client/ui/miniMapPicture";
import { palette } from "../../client/theme";
import { at, matchOf, placement, quietScenario } from "./rules/rulesHelpers";

describe("the minimap", () => {
  const match = () =>
    matchOf(quietScenario((file) => (file.forces = [placement("galor-a", "galor", "occupier", at.open), placement("raider-a", "maquis-raider", "cell-1", at.zone)])));

  it("frames the systems, with a margin, inside the map", () => {
    const { state } = match();
    const frame = systemsFrame(state);
    for (const system of state.systems.values()) {
      expect(system.x).toBeGreaterThan(frame.x);
      expect(system.x).toBeLessThan(frame.x + frame.width);
      expect(system.y).toBeGreaterThan(frame.y);
      expect(system.y).toBeLessThan(frame.y + frame.height);
    }
    expect(frame.x).toBeGreaterThanOrEqual(0);
    expect(frame.x + frame.width).toBeLessThanOrEqual(state.mapWidth);
  });

  it("draws every system and ship of the viewer's view, the viewer's own ships in their own colour, and the base", () => {
    const { state } = match();
    state.cells.get("cell-1")!.baseSystem = "solosos-iii";
    const picture = miniMapPicture(state, "cell-1", [{ id: "x", name: "Vetar", side: "occupier", x: 5, y: 6, heading: 0, hours: 1 }]);
    expect(picture.systems).toHaveLength(state.systems.size);
    expect(picture.ships).toContainEqual({ x: at.zone.x, y: at.zone.y, own: true, colour: palette.ownShip });
    expect(picture.ships).toContainEqual({ x: at.open.x, y: at.open.y, own: false, colour: palette.occupier });
    expect(picture.lastSeen).toEqual([{ x: 5, y: 6, colour: palette.occupier }]);
    const base = state.systems.get("solosos-iii")!;
    expect(picture.base).toEqual({ x: base.x, y: base.y });
  });

  it("fits a frame into its box keeping its shape, centred", () => {
    const fit = fitFrame({ x: 100, y: 50, width: 400, height: 100 }, 200, 100);
    expect(fit.scale).toBe(0.5);
    // The frame's corners land inside the box, the spare height split above and below.
    expect(fit.offsetX + 100 * fit.scale).toBe(0);
    expect(fit.offsetY + 50 * fit.scale).toBe(25);
    expect(fit.offsetY + 150 * fit.scale).toBe(75);
  });
});
