import { describe, expect, it } from "vitest";
import { applyOrder } from "../../../shared/rules/applyOrder";
import { HOURS_PER_TICK } from "../../../shared/rules/clock";
import { inRegionKind } from "../../../shared/rules/geometry";
import { damageFactor, effectiveSensorRange, effectiveSpeed } from "../../../shared/rules/shipStats";
import { shipClasses } from "../../../shared/scenario/shipClassSchema";
import { at, matchOf, placement, quietScenario, ship, steps } from "./rulesHelpers";

const TICKS_PER_HOUR = 1 / HOURS_PER_TICK;
const classStat = (id: string) => shipClasses.get(id)!;

/** One ship of each size per place: a Galor (large), a freighter (medium), a Hideki (small), a Maquis raider (small). */
function fleetAt(where: { x: number; y: number }) {
  const scenario = quietScenario((file) => {
    file.forces = [
      placement("galor-a", "galor", "occupier", where),
      placement("freighter-a", "freighter", "occupier", where),
      placement("hideki-a", "hideki", "occupier", where),
      placement("raider-a", "maquis-raider", "cell-1", where),
    ];
  });
  return matchOf(scenario);
}

describe("the map's regions", () => {
  it("the test points lie where the helpers say", () => {
    const { state } = fleetAt(at.open);
    expect(inRegionKind(state, at.storm.x, at.storm.y, "plasma-storm")).toBe(true);
    expect(inRegionKind(state, at.nebula.x, at.nebula.y, "nebula")).toBe(true);
    for (const kind of ["plasma-storm", "nebula", "zone"]) expect(inRegionKind(state, at.open.x, at.open.y, kind)).toBe(false);
    expect(inRegionKind(state, at.zone.x, at.zone.y, "zone")).toBe(true);
    expect(inRegionKind(state, at.zone.x, at.zone.y, "plasma-storm") || inRegionKind(state, at.zone.x, at.zone.y, "nebula")).toBe(false);
  });
});

describe("speed and sensors by region", () => {
  it("in open space every ship has its class speed and sensor range", () => {
    const match = fleetAt(at.open);
    for (const id of ["galor-a", "freighter-a", "hideki-a", "raider-a"]) {
      const s = ship(match, id);
      expect(effectiveSpeed(match.state, s)).toBe(classStat(s.shipClass).speed);
      expect(effectiveSensorRange(match.state, s)).toBe(classStat(s.shipClass).sensorRange);
    }
  });

  it("a plasma storm slows ships by size (large to half, medium to 70%, small not at all) and cuts every sensor to a quarter", () => {
    const match = fleetAt(at.storm);
    const { state } = match;
    expect(effectiveSpeed(state, ship(match, "galor-a"))).toBeCloseTo(5 * 0.5, 9);
    expect(effectiveSpeed(state, ship(match, "freighter-a"))).toBeCloseTo(4 * 0.7, 9);
    expect(effectiveSpeed(state, ship(match, "hideki-a"))).toBeCloseTo(6.5, 9);
    expect(effectiveSpeed(state, ship(match, "raider-a"))).toBeCloseTo(6, 9);
    expect(effectiveSensorRange(state, ship(match, "galor-a"))).toBeCloseTo(90 / 4, 9);
    expect(effectiveSensorRange(state, ship(match, "hideki-a"))).toBeCloseTo(70 / 4, 9);
    expect(effectiveSensorRange(state, ship(match, "raider-a"))).toBeCloseTo(55 / 4, 9);
  });

  it("a nebula slows every ship to 80% and halves its sensor range", () => {
    const match = fleetAt(at.nebula);
    for (const id of ["galor-a", "freighter-a", "hideki-a", "raider-a"]) {
      const s = ship(match, id);
      expect(effectiveSpeed(match.state, s)).toBeCloseTo(classStat(s.shipClass).speed * 0.8, 9);
      expect(effectiveSensorRange(match.state, s)).toBeCloseTo(classStat(s.shipClass).sensorRange / 2, 9);
    }
  });

  it("each step moves a ship by its effective speed for a quarter hour: slower in the storm and the nebula", () => {
    const distancePerTick = (where: { x: number; y: number }, id: string) => {
      const match = fleetAt(where);
      const s = ship(match, id);
      const [x0, y0] = [s.x, s.y];
      // Eastward a short way, so the ship stays inside its region for the tick.
      expect(applyOrder(match.state, s.seat, { kind: "move", ship: id, to: { x: where.x + 30, y: where.y } }, match.ctx).ok).toBe(true);
      steps(match, 1);
      return Math.hypot(s.x - x0, s.y - y0);
    };
    expect(distancePerTick(at.open, "galor-a")).toBeCloseTo(5 * HOURS_PER_TICK, 6);
    expect(distancePerTick(at.storm, "galor-a")).toBeCloseTo(5 * 0.5 * HOURS_PER_TICK, 6);
    expect(distancePerTick(at.storm, "freighter-a")).toBeCloseTo(4 * 0.7 * HOURS_PER_TICK, 6);
    expect(distancePerTick(at.storm, "raider-a")).toBeCloseTo(6 * HOURS_PER_TICK, 6);
    expect(distancePerTick(at.nebula, "galor-a")).toBeCloseTo(5 * 0.8 * HOURS_PER_TICK, 6);
    expect(distancePerTick(at.nebula, "raider-a")).toBeCloseTo(6 * 0.8 * HOURS_PER_TICK, 6);
  });

  it("a ship flying out of the storm picks up speed as it leaves", () => {
    const scenario = quietScenario((file) => {
      file.forces = [placement("galor-a", "galor", "occupier", { x: 200, y: 300 })];
    });
    const match = matchOf(scenario);
    const galor = ship(match, "galor-a");
    applyOrder(match.state, "occupier", { kind: "move", ship: "galor-a", to: { x: 300, y: 300 } }, match.ctx);
    const stepLengths: { inStorm: boolean; length: number; damage: number }[] = [];
    for (let i = 0; i < 40; i++) {
      const [x0, inStorm, damage] = [galor.x, inRegionKind(match.state, galor.x, galor.y, "plasma-storm"), damageFactor(galor)];
      steps(match, 1);
      stepLengths.push({ inStorm, length: galor.x - x0, damage });
    }
    const inside = stepLengths.filter((s) => s.inStorm);
    const outside = stepLengths.filter((s) => !s.inStorm);
    expect(inside.length).toBeGreaterThan(0);
    expect(outside.length).toBeGreaterThan(0);
    // The storm halves a Galor's speed (and its battering slows it a little more through the damage it does).
    for (const s of inside) expect(s.length).toBeCloseTo(2.5 * HOURS_PER_TICK * s.damage, 6);
    for (const s of outside) expect(s.length).toBeCloseTo(5 * HOURS_PER_TICK * s.damage, 6);
  });
});

describe("storm damage", () => {
  it("batters hulls by size every hour: large 1.5, medium 0.5, small nothing; shields are no help", () => {
    const match = fleetAt(at.storm);
    const before = new Map([...match.state.ships.values()].map((s) => [s.id, { hull: s.hull, shields: s.shields }]));
    const hours = 10;
    steps(match, hours * TICKS_PER_HOUR);
    const lost = (id: string) => before.get(id)!.hull - ship(match, id).hull;
    expect(lost("galor-a")).toBeCloseTo(1.5 * hours, 6);
    expect(lost("freighter-a")).toBeCloseTo(0.5 * hours, 6);
    expect(lost("hideki-a")).toBe(0);
    expect(lost("raider-a")).toBe(0);
    for (const [id, was] of before) expect(ship(match, id).shields).toBe(was.shields);
  });

  it("does nothing outside the storm", () => {
    for (const where of [at.open, at.nebula, at.zone]) {
      const match = fleetAt(where);
      steps(match, 10 * TICKS_PER_HOUR);
      expect(ship(match, "galor-a").hull).toBe(160);
      expect(ship(match, "freighter-a").hull).toBe(70);
    }
  });

  it("tears apart a ship whose hull runs out: it leaves the state and the physics world and counts as lost", () => {
    const match = fleetAt(at.storm);
    const { state } = match;
    ship(match, "galor-a").hull = 0.5;
    state.treaty = false; // the storm lies in the zone: no treaty charges muddle the sum
    const reputation = state.reputation;
    steps(match, 1);
    // 1.5 per hour is 0.375 a tick: still afloat after one tick, gone after the second.
    expect(ship(match, "galor-a").hull).toBeCloseTo(0.125, 6);
    steps(match, 1);
    expect(state.ships.has("galor-a")).toBe(false);
    expect(match.ctx.world!.bodies.has("galor-a")).toBe(false);
    expect(match.ctx.world!.contacts.has("galor-a")).toBe(false);
    for (const seen of match.ctx.world!.contacts.values()) expect(seen.has("galor-a")).toBe(false);
    expect([...state.lostShips]).toEqual(["galor-a"]);
    expect(state.lostOccupier).toBe(1);
    expect(state.lostMaquis).toBe(0);
    expect(state.reputation).toBe(reputation - 4);
    expect(state.log.some((entry) => entry.kind === "loss" && entry.text.includes("plasma storms"))).toBe(true);
    // The rest of the fleet rides on.
    expect(state.ships.size).toBe(3);
  });

  it("a medium ship torn apart on the Maquis side counts as a Maquis loss", () => {
    const scenario = quietScenario((file) => {
      file.forces = [placement("hauler", "freighter", "cell-1", at.storm)];
    });
    const match = matchOf(scenario);
    ship(match, "hauler").hull = 0.1;
    steps(match, 1);
    expect(match.state.ships.has("hauler")).toBe(false);
    expect(match.state.lostMaquis).toBe(1);
    expect(match.state.lostOccupier).toBe(0);
  });
});
