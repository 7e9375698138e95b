import { describe, expect, it } from "vitest";
import { isContactCheckStep } from "../../../shared/rules/movement";
import { stateHash } from "../../../shared/rules/stateHash";
import { applyOrder } from "../../../shared/rules/applyOrder";
import { breakOffChance, startEngagement } from "../../../shared/rules/engagements";
import { endEngagementOf } from "../../../shared/rules/fleet";
import { classOf, damageFactor, inSensorRange } from "../../../shared/rules/shipStats";
import { DISABLED_HULL_SHARE, MAX_ROUNDS, reputationLoss, ROUND_TICKS } from "../../../shared/rules/tuning";
import { restoreMatch, type Match } from "../../../shared/rules/match";
import { at, matchOf, placement, quietScenario, relocate, ship, steps, stepUntil } from "./rulesHelpers";

/** Two ships a few units apart in open space (no storm, no treaty zone), not yet fighting. */
function duel(attacker: [string, string, string], defender: [string, string, string], gap = 20, seed = 1): Match {
  const scenario = quietScenario((file) => {
    file.forces = [
      placement(attacker[0], attacker[1], attacker[2], at.open),
      placement(defender[0], defender[1], defender[2], { x: at.open.x + gap, y: at.open.y }),
    ];
  });
  return matchOf(scenario, seed);
}

const galorVsRaider = (gap = 20, seed = 1) => duel(["galor-a", "galor", "occupier"], ["raider-a", "maquis-raider", "cell-1"], gap, seed);

describe("engagement rounds", () => {
  it("fire is exchanged once every ROUND_TICKS ticks, not between", () => {
    const match = galorVsRaider();
    const { state } = match;
    const galor = ship(match, "galor-a");
    const raider = ship(match, "raider-a");
    startEngagement(state, galor, raider);
    const engagement = state.engagements.get(galor.engagement)!;
    expect(raider.engagement).toBe(engagement.id);
    const health = () => [galor.shields, galor.hull, raider.shields, raider.hull];
    for (let round = 1; round <= 3; round++) {
      const before = health();
      steps(match, ROUND_TICKS - 1);
      expect(health(), `before round ${round}`).toEqual(before);
      expect(engagement.rounds).toBe(round - 1);
      steps(match, 1);
      expect(engagement.rounds).toBe(round);
      expect(galor.shields).toBeLessThan(before[0]!);
      expect(raider.shields + raider.hull).toBeLessThan(before[2]! + before[3]!);
    }
  });

  it("shields soak damage before the hull takes any", () => {
    for (let seed = 1; seed <= 10; seed++) {
      const match = galorVsRaider(20, seed);
      const galor = ship(match, "galor-a");
      const raider = ship(match, "raider-a");
      galor.hull = 5000;
      startEngagement(match.state, galor, raider);
      let hullHit = false;
      for (let i = 0; i < MAX_ROUNDS * ROUND_TICKS && match.state.ships.has("raider-a"); i++) {
        const [shields, hull] = [raider.shields, raider.hull];
        steps(match, 1);
        if (raider.hull < hull) {
          hullHit = true;
          // Whatever got through, the shields were emptied first.
          expect(raider.shields).toBe(0);
        } else if (shields > raider.shields) {
          expect(raider.hull).toBe(hull);
        }
        expect(raider.shields).toBeGreaterThanOrEqual(0);
      }
      expect(hullHit).toBe(true);
    }
  });

  it("a destroyed ship is removed from the state and the world, counted as lost, and the fight ends", () => {
    const match = duel(["galor-a", "galor", "occupier"], ["fighter-a", "maquis-fighter", "cell-1"]);
    const { state } = match;
    const galor = ship(match, "galor-a");
    startEngagement(state, galor, ship(match, "fighter-a"));
    stepUntil(match, () => !state.ships.has("fighter-a"), MAX_ROUNDS * ROUND_TICKS);
    expect(state.lostMaquis).toBe(1);
    expect(state.lostOccupier).toBe(0);
    expect([...state.lostShips]).toEqual(["fighter-a"]);
    expect(state.engagements.size).toBe(0);
    expect(galor.engagement).toBe("");
    expect(match.ctx.world!.bodies.has("fighter-a")).toBe(false);
    expect(state.log.some((entry) => entry.kind === "loss" && entry.text.includes("destroyed by"))).toBe(true);
  });

  it("a ship shot down to DISABLED_HULL_SHARE of its hull is disabled and boarded: lost to its side, the fight over", () => {
    const match = duel(["hideki-a", "hideki", "occupier"], ["raider-a", "maquis-raider", "cell-1"]);
    const { state } = match;
    const raider = ship(match, "raider-a");
    // A Hideki's volley (25 × 0.25 × 0.5–1.5, at most 9.4) takes a shieldless raider from just above the line to below it, never to zero.
    Object.assign(raider, { shields: 0, hull: classOf(raider).hull * DISABLED_HULL_SHARE + 1 });
    startEngagement(state, ship(match, "hideki-a"), raider);
    stepUntil(match, () => !state.ships.has("raider-a"), ROUND_TICKS + 1);
    expect(state.lostMaquis).toBe(1);
    expect([...state.lostShips]).toEqual(["raider-a"]);
    expect(state.engagements.size).toBe(0);
    expect(state.log.some((entry) => entry.kind === "loss" && entry.text.includes("was disabled and boarded by"))).toBe(true);
  });

  it("an occupier ship lost in a fight costs the occupier reputation", () => {
    const match = duel(["raider-a", "maquis-raider", "cell-1"], ["hideki-a", "hideki", "occupier"]);
    const { state } = match;
    const hideki = ship(match, "hideki-a");
    hideki.shields = 0;
    hideki.hull = 1;
    const reputation = state.reputation;
    startEngagement(state, ship(match, "raider-a"), hideki);
    steps(match, ROUND_TICKS);
    expect(state.ships.has("hideki-a")).toBe(false);
    expect(state.lostOccupier).toBe(1);
    expect(state.lostMaquis).toBe(0);
    expect(state.reputation).toBe(reputation - reputationLoss.shipLost);
  });

  it("ends when the ships drift out of each other's sensor reach, without another exchange of fire", () => {
    const match = galorVsRaider();
    const { state } = match;
    const galor = ship(match, "galor-a");
    const raider = ship(match, "raider-a");
    startEngagement(state, galor, raider);
    steps(match, ROUND_TICKS);
    expect(state.engagements.size).toBe(1);
    relocate(match, "raider-a", at.open.x + 200, at.open.y);
    const hulls = [galor.hull, raider.hull];
    const shields = [galor.shields, raider.shields];
    steps(match, ROUND_TICKS);
    expect(state.engagements.size).toBe(0);
    expect([galor.engagement, raider.engagement]).toEqual(["", ""]);
    // No more fire: hulls hold, and shields only come back (slowly, out of the fight).
    expect([galor.hull, raider.hull]).toEqual(hulls);
    expect(galor.shields).toBeGreaterThanOrEqual(shields[0]!);
    expect(raider.shields).toBeGreaterThanOrEqual(shields[1]!);
    expect(state.log.some((entry) => entry.text.includes("lost contact"))).toBe(true);
  });

  it("ends after MAX_ROUNDS rounds even when nobody is destroyed", () => {
    const match = galorVsRaider();
    const { state } = match;
    const galor = ship(match, "galor-a");
    const raider = ship(match, "raider-a");
    galor.hull = 1e6;
    raider.hull = 1e6;
    startEngagement(state, galor, raider);
    const engagement = state.engagements.get(galor.engagement)!;
    steps(match, MAX_ROUNDS * ROUND_TICKS);
    expect(engagement.rounds).toBe(MAX_ROUNDS);
    expect(state.engagements.size).toBe(1);
    const health = [galor.hull, raider.hull];
    steps(match, ROUND_TICKS);
    expect(state.engagements.size).toBe(0);
    expect([galor.hull, raider.hull]).toEqual(health);
    expect([galor.engagement, raider.engagement]).toEqual(["", ""]);
  });

  it("ships in a fight hold still, and fly on to where they were going once it ends", () => {
    const match = galorVsRaider();
    const { state } = match;
    const raider = ship(match, "raider-a");
    applyOrder(state, "cell-1", { kind: "move", ship: "raider-a", to: { x: 900, y: 60 } }, match.ctx);
    steps(match, 1);
    const x = raider.x;
    startEngagement(state, ship(match, "galor-a"), raider);
    steps(match, ROUND_TICKS * 2);
    expect(raider.x).toBe(x);
    endEngagementOf(state, raider.engagement);
    steps(match, 1);
    // At its class speed, less what the fight's damage took off it.
    expect(raider.x).toBeCloseTo(x + classOf(raider).speed * damageFactor(raider) * state.hoursPerTick, 6);
    expect([raider.destX, raider.destY, raider.moving]).toEqual([900, 60, true]);
  });

  it("a convoy that survives a fight flies on to its destination and delivers, rather than turning back", () => {
    const scenario = quietScenario((file) => {
      file.forces = [placement("raider-a", "maquis-raider", "cell-1", at.open)];
    });
    const match = matchOf(scenario);
    const { state } = match;
    expect(applyOrder(state, "occupier", { kind: "convoy", from: "bryma", to: "juhraya" }, match.ctx)).toEqual({ ok: true });
    const convoy = [...state.ships.values()].find((s) => s.convoy)!;
    steps(match, 60);
    expect(convoy.destSystem).toBe("juhraya");
    const juhraya = state.systems.get("juhraya")!;
    const before = Math.hypot(juhraya.x - convoy.x, juhraya.y - convoy.y);
    startEngagement(state, ship(match, "raider-a"), convoy);
    endEngagementOf(state, convoy.engagement);
    steps(match, 1);
    expect(convoy.destSystem).toBe("juhraya");
    expect(Math.hypot(juhraya.x - convoy.x, juhraya.y - convoy.y)).toBeLessThan(before);
    const requisition = state.occupier.requisition;
    // The rest of the way at the freighter's speed, 1 unit a tick, and no more.
    stepUntil(match, () => !state.ships.has(convoy.id), Math.ceil(before) + 2);
    expect(state.occupier.requisition).toBeGreaterThanOrEqual(requisition + 8);
  });

  it("a patrol cut short by a fight goes on to the stop it was heading for", () => {
    const scenario = quietScenario((file) => {
      file.forces = [
        { ...placement("patrol-a", "hideki", "occupier", "bryma"), route: ["bryma", "dorvan-v", "hakton-vii"] },
        placement("raider-a", "maquis-raider", "cell-1", at.open),
      ];
    });
    const match = matchOf(scenario);
    const patrol = ship(match, "patrol-a");
    stepUntil(match, () => patrol.destSystem === "dorvan-v");
    steps(match, 20);
    startEngagement(match.state, ship(match, "raider-a"), patrol);
    endEngagementOf(match.state, patrol.engagement);
    steps(match, 1);
    expect(patrol.destSystem).toBe("dorvan-v");
    stepUntil(match, () => !patrol.moving, 400);
    const dorvan = match.state.systems.get("dorvan-v")!;
    expect([patrol.x, patrol.y]).toEqual([dorvan.x, dorvan.y]);
  });

  it("a fight opened at the edge of sensor range, where the rules allow an assault, lasts at least one round", () => {
    // inSensorRange counts the target's hull (distance ≤ range + SHIP_BODY_RADIUS); the Galor's sensors reach 90.
    const match = galorVsRaider(92);
    const { state } = match;
    const galor = ship(match, "galor-a");
    const raider = ship(match, "raider-a");
    raider.underground = false;
    expect(inSensorRange(state, galor, raider)).toBe(true);
    expect(applyOrder(state, "occupier", { kind: "assault", ship: "galor-a", target: { ship: "raider-a" } }, match.ctx)).toEqual({ ok: true });
    const engagement = state.engagements.get(galor.engagement)!;
    steps(match, ROUND_TICKS);
    expect(engagement.rounds).toBe(1);
    expect(raider.shields).toBeLessThan(40);
  });

  it("breaking off is likelier for the faster ship and in cover, and always between 10% and 90%", () => {
    const match = galorVsRaider();
    const { state } = match;
    const galor = ship(match, "galor-a");
    const raider = ship(match, "raider-a");
    const raiderInOpen = breakOffChance(state, raider, galor);
    expect(raiderInOpen).toBeGreaterThan(breakOffChance(state, galor, raider));
    relocate(match, "raider-a", at.storm.x, at.storm.y);
    expect(breakOffChance(state, raider, galor)).toBeGreaterThan(raiderInOpen);
    for (const chance of [breakOffChance(state, raider, galor), breakOffChance(state, galor, raider)]) {
      expect(chance).toBeGreaterThanOrEqual(0.1);
      expect(chance).toBeLessThanOrEqual(0.9);
    }
  });
});

describe("ambushes", () => {
  it("an ambushing ship springs on an occupier ship as its sensors report it, striking first", () => {
    const scenario = quietScenario((file) => {
      file.forces = [placement("raider-a", "maquis-raider", "cell-1", at.nebula), placement("hideki-a", "hideki", "occupier", { x: at.nebula.x, y: at.nebula.y - 60 })];
    });
    const match = matchOf(scenario);
    const { state } = match;
    const raider = ship(match, "raider-a");
    const hideki = ship(match, "hideki-a");
    raider.stance = "ambush";
    steps(match, 2);
    expect(state.engagements.size).toBe(0);
    applyOrder(state, "occupier", { kind: "move", ship: "hideki-a", to: { x: at.nebula.x, y: at.nebula.y } }, match.ctx);
    stepUntil(match, () => state.engagements.size > 0, 200);
    const engagement = [...state.engagements.values()][0]!;
    expect([engagement.attacker, engagement.defender]).toEqual(["raider-a", "hideki-a"]);
    expect(raider.stance).toBe("");
    // The first strike lands at once, before any round.
    expect(hideki.shields).toBeLessThan(40);
    expect(engagement.rounds).toBe(0);
    expect(raider.underground).toBe(false);
  });

  it("a match resumed between two contact checks springs the ambush on the same step as one never stopped", () => {
    const scenario = quietScenario((file) => {
      file.forces = [placement("raider-a", "maquis-raider", "cell-1", at.nebula), placement("hideki-a", "hideki", "occupier", { x: at.nebula.x, y: at.nebula.y - 60 })];
    });
    const original = matchOf(scenario);
    ship(original, "raider-a").stance = "ambush";
    applyOrder(original.state, "occupier", { kind: "move", ship: "hideki-a", to: { x: at.nebula.x, y: at.nebula.y } }, original.ctx);
    // Saved on a step that is not a check, with the Hideki still out of reach.
    stepUntil(original, () => !isContactCheckStep(original.state), 10);
    expect(original.state.engagements.size).toBe(0);
    const resumed = restoreMatch(scenario, JSON.parse(JSON.stringify(original.state.toJSON())));
    const sprung = (match: Match) => stepUntil(match, () => match.state.engagements.size > 0, 200);
    expect(sprung(resumed)).toBe(sprung(original));
    expect(stateHash(resumed.state)).toBe(stateHash(original.state));
  });
});
