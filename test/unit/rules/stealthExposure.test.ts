import { describe, expect, it } from "vitest";
import { HOURS_PER_TICK } from "../../../shared/rules/clock";
import { observedByOccupier } from "../../../shared/rules/detection";
import { startEngagement } from "../../../shared/rules/engagements";
import { BASE_DETECTION_EXPOSURE, DARK_HOURS, LIE_LOW_EXPOSURE_PER_DAY } from "../../../shared/rules/tuning";
import { visibleShipIds } from "../../../shared/rules/visibility";
import type { Match } from "../../../shared/rules/match";
import { at, matchOf, placement, quietScenario, relocate, ship, steps } from "./rulesHelpers";

const TICKS_PER_DAY = 24 / HOURS_PER_TICK;
const DARK_TICKS = DARK_HOURS / HOURS_PER_TICK;

/** A Galor and a raider in open space, 30 units apart: well inside each other's sensors. */
function closeQuarters(): Match {
  const scenario = quietScenario((file) => {
    file.forces = [placement("galor-a", "galor", "occupier", at.open), placement("raider-a", "maquis-raider", "cell-1", { x: at.open.x + 30, y: at.open.y })];
  });
  return matchOf(scenario);
}

describe("what the occupier can see", () => {
  it("never an underground Maquis ship, however close, with or without the physics world", () => {
    const match = closeQuarters();
    const raider = ship(match, "raider-a");
    expect(raider.underground).toBe(true);
    for (let i = 0; i < 20; i++) {
      steps(match, 1);
      expect(match.ctx.world!.contacts.get("galor-a")!.has("raider-a")).toBe(true);
      expect(visibleShipIds(match.state, match.ctx, "occupier").has("raider-a")).toBe(false);
      expect(visibleShipIds(match.state, { ...match.ctx, world: null }, "occupier").has("raider-a")).toBe(false);
    }
    // Not even next to a garrison.
    relocate(match, "raider-a", match.state.systems.get("bryma")!.x, match.state.systems.get("bryma")!.y);
    steps(match, 1);
    expect(visibleShipIds(match.state, match.ctx, "occupier").has("raider-a")).toBe(false);
  });

  it("a revealed Maquis ship in an occupier ship's sensor range, and not one beyond it", () => {
    const match = closeQuarters();
    const raider = ship(match, "raider-a");
    raider.underground = false;
    steps(match, 1);
    expect(visibleShipIds(match.state, match.ctx, "occupier").has("raider-a")).toBe(true);
    expect(visibleShipIds(match.state, { ...match.ctx, world: null }, "occupier").has("raider-a")).toBe(true);
    relocate(match, "raider-a", at.open.x + 200, at.open.y);
    steps(match, 1);
    expect(visibleShipIds(match.state, match.ctx, "occupier").has("raider-a")).toBe(false);
    expect(visibleShipIds(match.state, { ...match.ctx, world: null }, "occupier").has("raider-a")).toBe(false);
    // Its own side always sees it.
    expect(visibleShipIds(match.state, match.ctx, "maquis").has("raider-a")).toBe(true);
  });

  it("a revealed ship near a garrison is watched even with no occupier ship about", () => {
    const scenario = quietScenario((file) => {
      file.forces = [placement("raider-a", "maquis-raider", "cell-1", { x: 590, y: 530 })];
    });
    const match = matchOf(scenario);
    ship(match, "raider-a").underground = false;
    steps(match, 1);
    // Bryma (590, 510) keeps a garrison of 2.
    expect(visibleShipIds(match.state, match.ctx, "occupier").has("raider-a")).toBe(true);
    relocate(match, "raider-a", at.open.x, at.open.y);
    steps(match, 1);
    expect(visibleShipIds(match.state, match.ctx, "occupier").has("raider-a")).toBe(false);
  });
});

describe("going dark", () => {
  function goingDark(withWatcher: boolean): Match {
    const scenario = quietScenario((file) => {
      file.forces = [placement("raider-a", "maquis-raider", "cell-1", at.nebula), placement("galor-a", "galor", "occupier", withWatcher ? { x: at.nebula.x, y: at.nebula.y - 40 } : at.open)];
    });
    const match = matchOf(scenario);
    const raider = ship(match, "raider-a");
    raider.underground = false;
    raider.stance = "dark";
    return match;
  }

  it("an unwatched ship goes underground after DARK_HOURS, not a tick sooner", () => {
    const match = goingDark(false);
    const raider = ship(match, "raider-a");
    expect(observedByOccupier(match.state, raider)).toBe(false);
    steps(match, DARK_TICKS - 1);
    expect(raider.underground).toBe(false);
    expect(raider.darkHours).toBeCloseTo(DARK_HOURS - HOURS_PER_TICK, 9);
    steps(match, 1);
    expect(raider.underground).toBe(true);
    expect(raider.stance).toBe("");
    expect(raider.darkHours).toBe(0);
    expect(visibleShipIds(match.state, match.ctx, "occupier").has("raider-a")).toBe(false);
  });

  it("a ship in a fight does not slip underground, even where the foe's own sensors do not reach it", () => {
    // A Galor sits in the Mekar nebula (sensors halved to 45); a raider going dark waits 54 units off in open
    // space, where its own sensors (55) still hold the Galor, and opens fire on it.
    const scenario = quietScenario((file) => {
      file.forces = [placement("galor-a", "galor", "occupier", { x: 900, y: 420 }), placement("raider-a", "maquis-raider", "cell-1", { x: 950, y: 440 })];
    });
    const match = matchOf(scenario);
    const raider = ship(match, "raider-a");
    const galor = ship(match, "galor-a");
    raider.underground = false;
    raider.stance = "dark";
    expect(observedByOccupier(match.state, raider)).toBe(false);
    startEngagement(match.state, raider, galor);
    galor.hull = 1e6;
    raider.hull = 1e6;
    steps(match, DARK_TICKS * 2);
    expect(match.state.engagements.size).toBe(1);
    expect(raider.underground).toBe(false);
    expect(visibleShipIds(match.state, match.ctx, "occupier").has("raider-a")).toBe(true);
  });

  it("the clock stands at zero while the ship is watched, and starts over when the watcher leaves", () => {
    const match = goingDark(true);
    const raider = ship(match, "raider-a");
    expect(observedByOccupier(match.state, raider)).toBe(true);
    steps(match, DARK_TICKS * 3);
    expect(raider.underground).toBe(false);
    expect(raider.darkHours).toBe(0);
    expect(raider.stance).toBe("dark");
    // Halfway there, the watcher comes back: the count restarts.
    relocate(match, "galor-a", at.open.x, at.open.y);
    steps(match, DARK_TICKS / 2);
    expect(raider.darkHours).toBeCloseTo(DARK_HOURS / 2, 9);
    relocate(match, "galor-a", at.nebula.x, at.nebula.y - 40);
    steps(match, 1);
    expect(raider.darkHours).toBe(0);
    relocate(match, "galor-a", at.open.x, at.open.y);
    steps(match, DARK_TICKS - 1);
    expect(raider.underground).toBe(false);
    steps(match, 1);
    expect(raider.underground).toBe(true);
  });
});

describe("exposure and the hunt for bases", () => {
  /** The first dawn comes on the step that takes the clock from 23¾ h to 24 h. */
  const toFirstDawn = (match: Match) => steps(match, TICKS_PER_DAY);

  it("falls by LIE_LOW_EXPOSURE_PER_DAY at dawn for a cell that has not operated for a day, and only at dawn", () => {
    const match = matchOf(quietScenario());
    const cell = match.state.cells.get("cell-1")!;
    cell.exposure = 30;
    steps(match, TICKS_PER_DAY - 1);
    expect(cell.exposure).toBe(30);
    steps(match, 1);
    expect(cell.exposure).toBe(30 - LIE_LOW_EXPOSURE_PER_DAY);
    steps(match, TICKS_PER_DAY);
    expect(cell.exposure).toBe(30 - 2 * LIE_LOW_EXPOSURE_PER_DAY);
  });

  it("does not fall for a cell that operated within the last day, and never below zero", () => {
    const match = matchOf(quietScenario());
    const cell = match.state.cells.get("cell-1")!;
    cell.exposure = 30;
    cell.lastOperationHour = 10;
    toFirstDawn(match);
    expect(cell.exposure).toBe(30);
    cell.exposure = 4;
    steps(match, TICKS_PER_DAY);
    expect(cell.exposure).toBe(0);
  });

  it("a hot cell's base can be located at dawn (for some seeds), and one below BASE_DETECTION_EXPOSURE never is", () => {
    const dawnFinds = (exposure: number, seed: number) => {
      const match = matchOf(quietScenario(), seed);
      const cell = match.state.cells.get("cell-1")!;
      match.state.systems.get(cell.baseSystem)!.intelOccupier = 100;
      cell.exposure = exposure;
      // Operated an hour before dawn: no cooling, so the exposure at dawn is exactly the one given.
      cell.lastOperationHour = 23;
      toFirstDawn(match);
      expect(cell.exposure).toBe(exposure);
      return match.state.occupier.foundBases.has("cell-1");
    };
    const seeds = Array.from({ length: 60 }, (_, i) => i + 1);
    const hot = seeds.filter((seed) => dawnFinds(100, seed)).length;
    // The odds at exposure 100 and intel 100 are 0.4 × 1.25 = 50%.
    expect(hot).toBeGreaterThan(15);
    expect(hot).toBeLessThan(45);
    expect(seeds.filter((seed) => dawnFinds(BASE_DETECTION_EXPOSURE - 0.5, seed))).toEqual([]);
    expect(seeds.filter((seed) => dawnFinds(BASE_DETECTION_EXPOSURE, seed))).toEqual([]);
  });

  it("a located base is told to both sides and stays located", () => {
    const match = matchOf(quietScenario(), 1);
    const cell = match.state.cells.get("cell-1")!;
    match.state.systems.get(cell.baseSystem)!.intelOccupier = 100;
    cell.exposure = 100;
    for (let day = 0; day < 20 && !match.state.occupier.foundBases.has("cell-1"); day++) {
      cell.lastOperationHour = match.state.hours + 23;
      steps(match, TICKS_PER_DAY);
    }
    expect([...match.state.occupier.foundBases.keys()]).toEqual(["cell-1"]);
    expect(match.state.log.some((entry) => entry.audience === "occupier" && entry.kind === "base")).toBe(true);
    expect(match.state.log.some((entry) => entry.audience === "cell-1" && entry.kind === "base")).toBe(true);
    steps(match, TICKS_PER_DAY * 3);
    expect([...match.state.occupier.foundBases.keys()]).toEqual(["cell-1"]);
  });
});
