import { describe, expect, it } from "vitest";
import { HOURS_PER_TICK } from "../../../shared/rules/clock";
import { observedByOccupier } from "../../../shared/rules/detection";
import { startEngagement } from "../../../shared/rules/engagements";
import { stepRound } from "../../../shared/rules/round";
import { baseSiteCoverOf } from "../../../shared/rules/siteCover";
import { BASE_DETECTION_EXPOSURE, baseHunt, baseSiteCover, DARK_HOURS } from "../../../shared/rules/tuning";
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
  it("never an underground Maquis ship, however close, even with its hull in an occupier sensor", () => {
    const match = closeQuarters();
    const raider = ship(match, "raider-a");
    expect(raider.underground).toBe(true);
    for (let i = 0; i < 20; i++) {
      steps(match, 1);
      expect(match.ctx.world!.contacts.get("galor-a")!.has("raider-a")).toBe(true);
      expect(visibleShipIds(match.state, "occupier").has("raider-a")).toBe(false);
    }
    // Not even next to a garrison.
    relocate(match, "raider-a", match.state.systems.get("bryma")!.x, match.state.systems.get("bryma")!.y);
    steps(match, 1);
    expect(visibleShipIds(match.state, "occupier").has("raider-a")).toBe(false);
  });

  it("a revealed Maquis ship in an occupier ship's sensor range, and not one beyond it", () => {
    const match = closeQuarters();
    const raider = ship(match, "raider-a");
    raider.underground = false;
    steps(match, 1);
    expect(visibleShipIds(match.state, "occupier").has("raider-a")).toBe(true);
    relocate(match, "raider-a", at.open.x + 200, at.open.y);
    steps(match, 1);
    expect(visibleShipIds(match.state, "occupier").has("raider-a")).toBe(false);
    // Its own side always sees it.
    expect(visibleShipIds(match.state, "maquis").has("raider-a")).toBe(true);
  });

  it("a revealed ship near a garrison is watched even with no occupier ship about", () => {
    const scenario = quietScenario((file) => {
      file.forces = [placement("raider-a", "maquis-raider", "cell-1", { x: 590, y: 530 })];
    });
    const match = matchOf(scenario);
    ship(match, "raider-a").underground = false;
    steps(match, 1);
    // Bryma (590, 510) keeps a garrison of 2.
    expect(visibleShipIds(match.state, "occupier").has("raider-a")).toBe(true);
    relocate(match, "raider-a", at.open.x, at.open.y);
    steps(match, 1);
    expect(visibleShipIds(match.state, "occupier").has("raider-a")).toBe(false);
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
    expect(visibleShipIds(match.state, "occupier").has("raider-a")).toBe(false);
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
    expect(visibleShipIds(match.state, "occupier").has("raider-a")).toBe(true);
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
  it("a hot cell's base can be located at a round's end, less often at a well-hidden site; one below BASE_DETECTION_EXPOSURE never is", () => {
    const roundFinds = (exposure: number, seed: number, hollowedMoon: boolean) => {
      const match = matchOf(quietScenario(), seed);
      const cell = match.state.cells.get("cell-1")!;
      const base = match.state.systems.get(cell.baseSystem)!;
      Object.assign(base, { intelOccupier: 50, hollowedMoon });
      cell.exposure = exposure;
      // Just operated: no cooling, so the exposure the hunt sees is exactly the one given.
      cell.lastOperationHour = match.state.hours;
      stepRound(match.state, match.ctx);
      expect(cell.exposure).toBe(exposure);
      return { found: match.state.occupier.foundBases.has("cell-1"), cover: baseSiteCoverOf(match.state, base) };
    };
    const seeds = Array.from({ length: 300 }, (_, i) => i + 1);
    for (const hollowedMoon of [false, true]) {
      const results = seeds.map((seed) => roundFinds(70, seed, hollowedMoon));
      const odds = 10 * baseHunt.perExposurePoint * (baseHunt.intelFloor + 0.5) * baseHunt.roundMultiplier * results[0]!.cover;
      const found = results.filter((result) => result.found).length;
      // Within four standard deviations of the expected count.
      const spread = 4 * Math.sqrt(seeds.length * odds * (1 - odds));
      expect(Math.abs(found - seeds.length * odds), `hollowed moon: ${hollowedMoon}`).toBeLessThan(spread);
    }
    expect(baseSiteCover.hollowedMoon).toBeLessThan(1);
    expect(seeds.filter((seed) => roundFinds(BASE_DETECTION_EXPOSURE - 0.5, seed, false).found)).toEqual([]);
    expect(seeds.filter((seed) => roundFinds(BASE_DETECTION_EXPOSURE, seed, false).found)).toEqual([]);
  });

  it("a located base is told to both sides and stays located", () => {
    const match = matchOf(quietScenario(), 1);
    const cell = match.state.cells.get("cell-1")!;
    match.state.systems.get(cell.baseSystem)!.intelOccupier = 100;
    cell.exposure = 100;
    for (let round = 0; round < 20 && !match.state.occupier.foundBases.has("cell-1"); round++) {
      cell.lastOperationHour = match.state.hours;
      stepRound(match.state, match.ctx);
    }
    expect([...match.state.occupier.foundBases.keys()]).toEqual(["cell-1"]);
    expect(match.state.log.some((entry) => entry.audience === "occupier" && entry.kind === "base")).toBe(true);
    expect(match.state.log.some((entry) => entry.audience === "cell-1" && entry.kind === "base")).toBe(true);
    steps(match, TICKS_PER_DAY * 3);
    expect([...match.state.occupier.foundBases.keys()]).toEqual(["cell-1"]);
  });
});
