import { describe, expect, it } from "vitest";
import { repairPlace, stepRepairs } from "../../../shared/rules/repair";
import { classOf, damageFactor, effectiveFirepower, effectiveSpeed } from "../../../shared/rules/shipStats";
import { CRIPPLED_PERFORMANCE, repairPerHour } from "../../../shared/rules/tuning";
import { at, matchOf, placement, quietScenario, relocate, ship } from "./rulesHelpers";

function fleetMatch() {
  const scenario = quietScenario((file) => {
    file.forces = [placement("raider", "maquis-raider", "cell-1", "solosos-iii"), placement("galor", "galor", "occupier", "bryma")];
  });
  const match = matchOf(scenario);
  match.state.cells.get("cell-1")!.baseSystem = "tracken-ii";
  return match;
}

const systemPoint = (match: ReturnType<typeof fleetMatch>, id: string) => {
  const system = match.state.systems.get(id)!;
  return { x: system.x, y: system.y };
};

describe("attrition and refit", () => {
  it("a Maquis ship refits fastest at its own base, slower at a sympathetic colony, and only its shields come back elsewhere", () => {
    const match = fleetMatch();
    const raider = ship(match, "raider");
    const places: [string, { x: number; y: number }][] = [
      ["base", systemPoint(match, "tracken-ii")],
      ["friendlyColony", systemPoint(match, "solosos-iii")],
      ["underway", systemPoint(match, "bryma")],
      ["underway", at.open],
    ];
    for (const [place, point] of places) {
      relocate(match, "raider", point.x, point.y);
      expect(repairPlace(match.state, raider), `${point.x},${point.y}`).toBe(place);
      raider.hull = 10;
      raider.shields = 0;
      stepRepairs(match.state);
      const full = classOf(raider);
      const rate = repairPerHour[place as keyof typeof repairPerHour];
      expect(raider.hull).toBeCloseTo(10 + rate.hull * full.hull * match.state.hoursPerTick);
      expect(raider.shields).toBeCloseTo(rate.shields * full.shields * match.state.hoursPerTick);
    }
  });

  it("an occupier ship refits at a depot of its own side, never at a hostile colony", () => {
    const match = fleetMatch();
    const galor = ship(match, "galor");
    relocate(match, "galor", systemPoint(match, "bryma").x, systemPoint(match, "bryma").y);
    expect(repairPlace(match.state, galor)).toBe("depot");
    relocate(match, "galor", systemPoint(match, "solosos-iii").x, systemPoint(match, "solosos-iii").y);
    expect(repairPlace(match.state, galor)).toBe("underway");
  });

  it("nothing mends in a fight or under way, and nothing mends past the class's full strength", () => {
    const match = fleetMatch();
    const raider = ship(match, "raider");
    relocate(match, "raider", systemPoint(match, "tracken-ii").x, systemPoint(match, "tracken-ii").y);
    raider.hull = 20;
    raider.moving = true;
    stepRepairs(match.state);
    expect(raider.hull).toBe(20);
    raider.moving = false;
    raider.engagement = "fight-1";
    stepRepairs(match.state);
    expect(raider.hull).toBe(20);
    raider.engagement = "";
    raider.hull = classOf(raider).hull - 0.01;
    raider.shields = classOf(raider).shields;
    stepRepairs(match.state);
    expect(raider.hull).toBe(classOf(raider).hull);
    expect(raider.shields).toBe(classOf(raider).shields);
  });

  it("damage slows a ship and weakens its fire, down to the crippled share at a wrecked hull", () => {
    const match = fleetMatch();
    const galor = ship(match, "galor");
    relocate(match, "galor", at.open.x, at.open.y);
    const full = classOf(galor);
    expect(damageFactor(galor)).toBe(1);
    expect(effectiveSpeed(match.state, galor)).toBe(full.speed);
    galor.hull = full.hull / 2;
    expect(effectiveFirepower(galor)).toBeCloseTo(full.firepower * (CRIPPLED_PERFORMANCE + (1 - CRIPPLED_PERFORMANCE) / 2));
    expect(effectiveSpeed(match.state, galor)).toBeLessThan(full.speed);
    galor.hull = 0;
    expect(damageFactor(galor)).toBe(CRIPPLED_PERFORMANCE);
  });
});
