import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { activityOf, coverAt, detectionRiskPerHour, occupierWatchers, watcherHazard, watcherPhrase, type Watcher } from "../../../shared/rules/detection";
import type { Match } from "../../../shared/rules/match";
import { detection } from "../../../shared/rules/tuning";
import { at, matchOf, placement, quietScenario, relocate, ship, steps } from "./rulesHelpers";

const TICKS_PER_HOUR = 4;

/** A Galor in open space north of the zone and a hidden raider beside it (the test sets where and what it does). */
function watched(raiderClass = "maquis-raider", seed = 1): Match {
  const match = matchOf(
    quietScenario((file) => {
      file.forces = [placement("galor-a", "galor", "occupier", at.open), placement("raider-a", raiderClass, "cell-1", at.open)];
    }),
    seed,
  );
  ship(match, "raider-a").underground = true;
  return match;
}

const galorWatcher = (match: Match): Watcher => occupierWatchers(match.state).find((watcher) => watcher.shipId === "galor-a")!;

describe("the odds of being seen", () => {
  it("fall with the target's stealth: a fighter is harder to see than a raider, a raider than a freighter", () => {
    const hazards = ["maquis-fighter", "maquis-raider", "freighter"].map((shipClass) => {
      const match = watched(shipClass);
      relocate(match, "raider-a", at.open.x + 30, at.open.y);
      return watcherHazard(match.state, galorWatcher(match), ship(match, "raider-a"));
    });
    expect(hazards[0]).toBeLessThan(hazards[1]!);
    expect(hazards[1]).toBeLessThan(hazards[2]!);
    // stealth 70, 60 and 30: the hazard is proportional to (1 − stealth/100).
    expect(hazards[0]! / hazards[2]!).toBeCloseTo(0.3 / 0.7, 9);
  });

  it("fall with distance to the edge of the watcher's range, and are nothing beyond it", () => {
    const match = watched();
    const watcher = galorWatcher(match);
    const raider = ship(match, "raider-a");
    const at = (d: number) => {
      relocate(match, "raider-a", watcher.x + d, watcher.y);
      return watcherHazard(match.state, watcher, raider);
    };
    expect(at(0)).toBeGreaterThan(at(40));
    expect(at(40)).toBeGreaterThan(at(watcher.range - 1));
    expect(at(watcher.range) / at(0)).toBeCloseTo(detection.edgeFactor, 9);
    expect(at(watcher.range + 1)).toBe(0);
  });

  it("fall in cover: a storm hides best, then a nebula, then an asteroid belt; a hollowed moon hides a parked ship", () => {
    const match = watched();
    const raider = ship(match, "raider-a");
    const coverIn = (x: number, y: number) => {
      relocate(match, "raider-a", x, y);
      return coverAt(match.state, raider);
    };
    expect(coverIn(at.open.x, at.open.y)).toBe(detection.cover.open);
    expect(coverIn(at.storm.x, at.storm.y)).toBe(detection.cover["plasma-storm"]);
    expect(coverIn(at.nebula.x, at.nebula.y)).toBe(detection.cover.nebula);
    const colony = match.state.systems.get("volan-iii")!;
    colony.hollowedMoon = true;
    expect(coverIn(colony.x, colony.y)).toBe(detection.cover.hollowedMoon);
    raider.moving = true;
    expect(coverAt(match.state, raider)).toBe(detection.cover.open);
    expect(detection.cover["plasma-storm"]).toBeLessThan(detection.cover.nebula);
    expect(detection.cover.nebula).toBeLessThan(detection.cover["asteroid-field"]);
  });

  it("rise with what the target is doing: parked, under way, busy with an operation", () => {
    const match = watched();
    const raider = ship(match, "raider-a");
    raider.moving = false;
    expect(activityOf(match.state, raider)).toBe(detection.activity.still);
    raider.moving = true;
    expect(activityOf(match.state, raider)).toBe(detection.activity.moving);
    raider.readyAt = match.state.hours + 2;
    expect(activityOf(match.state, raider)).toBe(detection.activity.acting);
  });

  it("are monotone: more stealth or more distance never makes a ship easier to see (property)", () => {
    const match = watched();
    const watcher = galorWatcher(match);
    const raider = ship(match, "raider-a");
    fc.assert(
      fc.property(fc.double({ min: 0, max: 120, noNaN: true }), fc.double({ min: 0, max: 120, noNaN: true }), (a, b) => {
        const [near, far] = a <= b ? [a, b] : [b, a];
        relocate(match, "raider-a", watcher.x + near, watcher.y);
        const nearHazard = watcherHazard(match.state, watcher, raider);
        relocate(match, "raider-a", watcher.x + far, watcher.y);
        return watcherHazard(match.state, watcher, raider) <= nearHazard;
      }),
    );
  });

  it("scale with the scenario's time unit: in an hour-scale crisis with hourly rounds a game hour holds a week of sightings", () => {
    const weekly = watched();
    const hourly = watched();
    hourly.state.roundHours = 1;
    for (const match of [weekly, hourly]) relocate(match, "raider-a", at.open.x + 30, at.open.y);
    const hazard = (match: Match) => watcherHazard(match.state, galorWatcher(match), ship(match, "raider-a"));
    expect(hazard(hourly) / hazard(weekly)).toBeCloseTo(168, 6);
    // The risk a player reads is per hour of the scenario's own time unit, so it is the same in both.
    const risk = (match: Match) => detectionRiskPerHour(match.state, ship(match, "raider-a"), occupierWatchers(match.state));
    expect(risk(hourly)).toBeCloseTo(risk(weekly), 9);
  });
});

describe("detection over time", () => {
  /** How many of the seeds see the raider within `hours`, flying through the Galor's range or parked in the given spot. */
  function sightings(seeds: number, hours: number, setUp: (match: Match) => void): number {
    let seen = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const match = watched("maquis-raider", seed);
      setUp(match);
      for (let i = 0; i < hours * TICKS_PER_HOUR && ship(match, "raider-a").underground; i++) steps(match, 1);
      if (!ship(match, "raider-a").underground) seen += 1;
    }
    return seen;
  }

  it("a raider that flies carelessly past a Galor is caught in most games; one that skirts its range or hides in a storm, rarely", () => {
    const careless = sightings(40, 20, (match) => {
      relocate(match, "raider-a", at.open.x - 80, at.open.y + 10);
      const raider = ship(match, "raider-a");
      Object.assign(raider, { destX: at.open.x + 80, destY: at.open.y + 10, moving: true });
    });
    const careful = sightings(40, 20, (match) => {
      const range = galorWatcher(match).range;
      relocate(match, "raider-a", at.open.x - 80, at.open.y + range + 8);
      Object.assign(ship(match, "raider-a"), { destX: at.open.x + 80, destY: at.open.y + range + 8, moving: true });
    });
    const stormbound = sightings(40, 20, (match) => {
      relocate(match, "galor-a", at.storm.x + 40, at.storm.y);
      relocate(match, "raider-a", at.storm.x, at.storm.y);
    });
    // About 89% expected at the tuning's rate (a hazard of ~0.11 an hour for twenty hours); 4% in the storm.
    expect(careless).toBeGreaterThan(28);
    expect(careful).toBe(0);
    expect(stormbound).toBeLessThan(10);
  });

  it("a sighting reveals the ship and names the watcher to both sides", () => {
    const match = watched();
    relocate(match, "raider-a", at.open.x + 5, at.open.y);
    ship(match, "raider-a").moving = true;
    for (let i = 0; i < 400 && ship(match, "raider-a").underground; i++) steps(match, 1);
    expect(ship(match, "raider-a").underground).toBe(false);
    const galorName = ship(match, "galor-a").name;
    expect(match.state.log.find((entry) => entry.audience === "occupier" && entry.kind === "sighting")?.text).toContain(`was picked up by the sensors of the ${galorName}`);
    expect(match.state.log.some((entry) => entry.audience === "cell-1" && entry.kind === "exposed")).toBe(true);
  });

  it("garrisons and well-informed colonies watch too; a Maquis view sees the garrisons and the ships it can see, never the occupier's intel", () => {
    const match = watched();
    const colony = match.state.systems.get("volan-iii")!;
    Object.assign(colony, { garrison: 1 });
    const informed = match.state.systems.get("hakton-vii")!;
    Object.assign(informed, { garrison: 0, intelOccupier: 80 });
    const watchers = occupierWatchers(match.state).map(watcherPhrase);
    expect(watchers).toContain("the sensor post at Volan III");
    expect(watchers).toContain("informants at Hakton VII");
    // What a Maquis client holds: intelOccupier is not in its view (it reads as 0), so the informants are unknown to it.
    informed.intelOccupier = 0;
    expect(occupierWatchers(match.state).map(watcherPhrase)).not.toContain("informants at Hakton VII");
  });
});
