import { describe, expect, it } from "vitest";
import { applyOrder } from "../../../shared/rules/applyOrder";
import { loseShip } from "../../../shared/rules/fleet";
import { distance, inRegionKind } from "../../../shared/rules/geometry";
import { isContactCheckStep } from "../../../shared/rules/movement";
import { SHIP_BODY_RADIUS } from "../../../shared/rules/shipStats";
import { CONTACT_CHECK_STEPS } from "../../../shared/rules/tuning";
import { at, matchOf, placement, quietScenario, sees, ship, steps, stepUntil } from "./rulesHelpers";

/** matter-js draws circles as inscribed polygons, so a contact may come a little inside the exact circles' touching distance. */
const POLYGON_SLACK = 0.75;

/**
 * A Hideki and a raider, and far off in the Mekar nebula a second raider lying in ambush: the rules
 * refresh contacts only while someone lies in wait (contactsNeeded), so it keeps them refreshed.
 */
function observerAndTarget(observerAt: { x: number; y: number }, targetAt: { x: number; y: number }, lookout = true) {
  const scenario = quietScenario((file) => {
    file.forces = [placement("hideki-a", "hideki", "occupier", observerAt), placement("raider-a", "maquis-raider", "cell-1", targetAt)];
    if (lookout) file.forces.push(placement("lookout", "maquis-raider", "cell-1", at.nebula));
  });
  const match = matchOf(scenario);
  if (lookout) ship(match, "lookout").stance = "ambush";
  return match;
}

describe("sensor contacts from matter-js", () => {
  it("a hull entering a sensor circle becomes a contact at the first check after the circles touch, and is dropped at the first check after it leaves", () => {
    // A Hideki (sensors 70) waits in open space; a raider (sensors 55) flies straight at it and out the other side.
    const match = observerAndTarget(at.open, { x: at.open.x + 150, y: at.open.y });
    const hideki = ship(match, "hideki-a");
    const raider = ship(match, "raider-a");
    steps(match, 1);
    expect(sees(match, "hideki-a", "raider-a")).toBe(false);
    expect(applyOrder(match.state, "cell-1", { kind: "move", ship: "raider-a", to: { x: at.open.x - 150, y: at.open.y } }, match.ctx).ok).toBe(true);

    let gained = -1;
    let lost = -1;
    let raiderSawHideki = -1;
    for (let i = 0; i < 300 && lost < 0; i++) {
      const before = sees(match, "hideki-a", "raider-a");
      steps(match, 1);
      const now = sees(match, "hideki-a", "raider-a");
      const d = distance(hideki, raider);
      if (!before && now) gained = d;
      if (before && !now) lost = d;
      if (raiderSawHideki < 0 && sees(match, "raider-a", "hideki-a")) raiderSawHideki = d;
      // Contacts change only on check steps: between them they stand as the last check found them.
      if (!isContactCheckStep(match.state)) expect(now, `contact changed between checks at ${d}`).toBe(before);
      // At a check, while the hull is clear of the sensor circle there is no contact; deep inside there always is.
      else if (d > 70 + SHIP_BODY_RADIUS) expect(now, `no contact at ${d}`).toBe(false);
      else if (d < 70 + SHIP_BODY_RADIUS - POLYGON_SLACK) expect(now, `contact at ${d}`).toBe(true);
    }
    // How far the raider flies between two checks.
    const perTick = 6 * 0.25 * CONTACT_CHECK_STEPS;
    expect(gained).toBeGreaterThan(70 + SHIP_BODY_RADIUS - POLYGON_SLACK - perTick);
    expect(gained).toBeLessThanOrEqual(70 + SHIP_BODY_RADIUS);
    expect(lost).toBeGreaterThan(70 + SHIP_BODY_RADIUS - POLYGON_SLACK);
    expect(lost).toBeLessThanOrEqual(70 + SHIP_BODY_RADIUS + perTick);
    // Each ship's own sensors decide what it sees: the raider's shorter reach finds the Hideki later.
    expect(raiderSawHideki).toBeLessThanOrEqual(55 + SHIP_BODY_RADIUS);
    expect(raiderSawHideki).toBeGreaterThan(55 + SHIP_BODY_RADIUS - POLYGON_SLACK - perTick);
    // A ship's own hull is never its contact.
    expect(sees(match, "hideki-a", "hideki-a")).toBe(false);
  });

  it("a ship that is lost drops out of every contact set, and its own set goes with it", () => {
    const match = observerAndTarget(at.open, { x: at.open.x + 30, y: at.open.y });
    const world = match.ctx.world!;
    steps(match, 1);
    expect(sees(match, "hideki-a", "raider-a")).toBe(true);
    expect(sees(match, "raider-a", "hideki-a")).toBe(true);
    loseShip(match.state, match.ctx, ship(match, "raider-a"), "was lost in a test");
    expect(sees(match, "hideki-a", "raider-a")).toBe(false);
    expect(world.contacts.has("raider-a")).toBe(false);
    expect(world.bodies.has("raider-a")).toBe(false);
    steps(match, 3);
    expect(sees(match, "hideki-a", "raider-a")).toBe(false);
  });

  it("inside a storm a sensor circle shrinks to a quarter: contacts come only at that reach", () => {
    // The Hideki waits in the Badlands; the raider approaches from the east, also inside the storm.
    const match = observerAndTarget(at.storm, { x: at.storm.x + 80, y: at.storm.y });
    const hideki = ship(match, "hideki-a");
    const raider = ship(match, "raider-a");
    steps(match, 1);
    expect(match.ctx.world!.bodies.get("hideki-a")!.sensorRadius).toBeCloseTo(70 / 4, 9);
    expect(match.ctx.world!.bodies.get("hideki-a")!.sensor.circleRadius).toBeCloseTo(70 / 4, 6);
    applyOrder(match.state, "cell-1", { kind: "move", ship: "raider-a", to: { x: at.storm.x, y: at.storm.y } }, match.ctx);
    stepUntil(match, () => sees(match, "hideki-a", "raider-a"), 200);
    expect(inRegionKind(match.state, raider.x, raider.y, "plasma-storm")).toBe(true);
    expect(distance(hideki, raider)).toBeLessThanOrEqual(70 / 4 + SHIP_BODY_RADIUS);
    // The raider (speed 6, in the storm as fast: it is small) flies 1.5 a step; the contact comes at the first check inside.
    expect(distance(hideki, raider)).toBeGreaterThan(70 / 4 + SHIP_BODY_RADIUS - POLYGON_SLACK - 1.5 * CONTACT_CHECK_STEPS);
  });

  it("a sensor grows back to full reach once its ship leaves the storm, and finds what it could not see inside", () => {
    // The raider sits in open space 30 units east of where the Hideki will stop, just outside the Badlands.
    const match = observerAndTarget({ x: 150, y: 300 }, { x: 260, y: 300 });
    const hideki = ship(match, "hideki-a");
    const raider = ship(match, "raider-a");
    const world = match.ctx.world!;
    expect(inRegionKind(match.state, 260, 300, "plasma-storm")).toBe(false);
    applyOrder(match.state, "occupier", { kind: "move", ship: "hideki-a", to: { x: 230, y: 300 } }, match.ctx);
    let sawFromInside = false;
    stepUntil(match, () => {
      const inStorm = inRegionKind(match.state, hideki.x, hideki.y, "plasma-storm");
      if (inStorm && distance(hideki, raider) > 70 / 4 + SHIP_BODY_RADIUS && sees(match, "hideki-a", "raider-a")) sawFromInside = true;
      return !hideki.moving;
    });
    steps(match, 1);
    expect(sawFromInside).toBe(false);
    expect(inRegionKind(match.state, hideki.x, hideki.y, "plasma-storm")).toBe(false);
    expect(world.bodies.get("hideki-a")!.sensorRadius).toBe(70);
    expect(world.bodies.get("hideki-a")!.sensor.circleRadius).toBeCloseTo(70, 6);
    expect(sees(match, "hideki-a", "raider-a")).toBe(true);
  });

  it("with nobody lying in ambush the contacts are left as they were; the first check with an ambusher brings them up to date", () => {
    const match = observerAndTarget(at.open, { x: at.open.x + 150, y: at.open.y }, false);
    expect(applyOrder(match.state, "cell-1", { kind: "move", ship: "raider-a", to: { x: at.open.x, y: at.open.y + 20 } }, match.ctx).ok).toBe(true);
    stepUntil(match, () => !ship(match, "raider-a").moving, 400);
    // Well inside the Hideki's sensors, but no rule has needed the contacts since the world was built.
    expect(distance(ship(match, "hideki-a"), ship(match, "raider-a"))).toBeLessThan(70);
    expect(sees(match, "hideki-a", "raider-a")).toBe(false);
    ship(match, "raider-a").stance = "ambush";
    stepUntil(match, () => isContactCheckStep(match.state), CONTACT_CHECK_STEPS);
    expect(sees(match, "hideki-a", "raider-a")).toBe(true);
  });
});
