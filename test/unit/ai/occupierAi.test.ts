import { describe, expect, it } from "vitest";
import { aiThinksNow, runAiSeats } from "../../../shared/ai/aiPlayers";
import { occupierAiHabits, occupierAiSkill as aiSkill, type OccupierAiSkill } from "../../../shared/ai/difficulty";
import { breachesTreaty, occupierOrders } from "../../../shared/ai/occupierAi";
import { applyOrder } from "../../../shared/rules/applyOrder";
import { inRegionKind } from "../../../shared/rules/geometry";
import { createMatch } from "../../../shared/rules/match";
import { classOf } from "../../../shared/rules/shipStats";
import { step } from "../../../shared/rules/step";
import type { MatchState } from "../../../shared/state/MatchState";
import { shipClasses } from "../../../shared/scenario/shipClassSchema";
import { bundledScenario } from "../../support/scenarios";

describe("the occupier AI", () => {
  it("gives a light ship without a route a patrol beat through the restless colonies", () => {
    const { state, ctx } = createMatch(bundledScenario("dorvan-2370"), 3);
    const patrol = state.ships.get("patrol-1")!;
    patrol.route.clear();
    const orders = occupierOrders(state, ctx, "occupier", aiSkill.normal);
    const beat = orders.find((order) => order.kind === "patrol" && order.ship === "patrol-1");
    expect(beat).toBeDefined();
    const stops = beat!.kind === "patrol" ? beat!.route : [];
    expect(stops.length).toBeGreaterThanOrEqual(2);
    for (const stop of stops) expect(state.systems.get(stop)!.sympathy).toBeGreaterThanOrEqual(0);
  });

  it("keeps capital ships out of the zone while the treaty holds, unless it is a reckless commander", () => {
    const { state, ctx } = createMatch(bundledScenario("dorvan-2370"), 3);
    expect(state.treaty).toBe(true);
    const intoZone = (skill: typeof aiSkill.normal) =>
      occupierOrders(state, ctx, "occupier", skill).filter((order) => order.kind === "move" && order.ship === "galor-1" && "system" in order.to)
        .map((order) => (order.kind === "move" && "system" in order.to ? state.systems.get(order.to.system)! : null))
        .filter((system) => system && system.y > 150 && system.y < 580);
    expect(intoZone(aiSkill.normal)).toEqual([]);
    expect(intoZone(aiSkill.hard)).toEqual([]);
  });
});

/** Plays Dorvan with the occupier AI at the given skill and the Maquis AI at normal, calling `watch` after every step. */
function playDorvan(seed: number, skill: OccupierAiSkill, ticks: number, watch: (state: MatchState) => void): void {
  const match = createMatch(bundledScenario("dorvan-2370"), seed);
  const { state, ctx } = match;
  for (let i = 0; i < ticks && state.phase === "playing"; i++) {
    if (aiThinksNow(state, "occupier", skill)) for (const order of occupierOrders(state, ctx, "occupier", skill)) applyOrder(state, "occupier", order, ctx);
    runAiSeats(match, ["cell-1"], { occupier: "normal", maquis: "normal" });
    step(state, ctx);
    watch(state);
  }
}

describe("the occupier AI's memory and the treaty", () => {
  it("counts a path that crosses the zone as a breach, not only a destination inside it; a ship inside may leave", () => {
    const { state } = createMatch(bundledScenario("dorvan-2370"), 1);
    const galor = state.ships.get("galor-1")!;
    const place = (x: number, y: number) => Object.assign(galor, { x, y });
    place(500, 100);
    expect(breachesTreaty(state, galor, { x: 500, y: 650 })).toBe(true);
    expect(breachesTreaty(state, galor, { x: 500, y: 300 })).toBe(true);
    expect(breachesTreaty(state, galor, { x: 900, y: 100 })).toBe(false);
    place(500, 300);
    expect(breachesTreaty(state, galor, { x: 500, y: 100 })).toBe(false);
    expect(breachesTreaty(state, galor, { x: 520, y: 300 })).toBe(true);
    state.treaty = false;
    place(500, 100);
    expect(breachesTreaty(state, galor, { x: 500, y: 650 })).toBe(false);
  });

  it.each([1, 2, 3])("never takes a capital ship into the zone while the treaty holds, at every level (seed %i)", (seed) => {
    for (const skill of [aiSkill.easy, aiSkill.normal, aiSkill.hard]) {
      const breaches: string[] = [];
      playDorvan(seed, skill, 3000, (state) => {
        if (!state.treaty) return;
        for (const ship of state.ships.values())
          if (ship.side === "occupier" && classOf(ship).size === "large" && inRegionKind(state, ship.x, ship.y, "zone")) breaches.push(`${ship.id} at tick ${state.tick}`);
      });
      expect(breaches.slice(0, 3)).toEqual([]);
    }
  });

  it("never cracks down on the same colony twice within its cooldown, even when reckless", () => {
    const reckless: OccupierAiSkill = { ...aiSkill.normal, crackdowns: "reckless" };
    const match = createMatch(bundledScenario("dorvan-2370"), 5);
    const { state, ctx } = match;
    // Only one Galor, parked at a garrisoned colony that stays wholly with the Maquis: a crackdown is always tempting.
    for (const ship of [...state.ships.values()]) if (ship.side === "occupier" && ship.id !== "galor-1") state.ships.delete(ship.id);
    for (const ship of [...state.ships.values()]) if (ship.side === "maquis") state.ships.delete(ship.id);
    const colony = state.systems.get("volan-iii")!;
    const galor = state.ships.get("galor-1")!;
    Object.assign(galor, { x: colony.x, y: colony.y, moving: false });
    galor.route.clear();
    const crackdowns: number[] = [];
    for (let hour = 0; hour < 60 * 24; hour += 2) {
      state.hours = hour;
      Object.assign(colony, { sympathy: 2, garrison: 1, intelOccupier: 0 });
      Object.assign(galor, { x: colony.x, y: colony.y, moving: false, readyAt: 0 });
      state.occupier.requisition = 100;
      state.reputation = 100;
      for (const order of occupierOrders(state, ctx, "occupier", reckless)) {
        const accepted = applyOrder(state, "occupier", order, ctx).ok;
        if (accepted && order.kind === "crackdown") crackdowns.push(hour);
      }
    }
    // It cracks down as soon as it may, again and again, and never sooner than its cooldown.
    expect(crackdowns.length).toBeGreaterThanOrEqual(3);
    expect(crackdowns[0]).toBe(0);
    const gaps = crackdowns.slice(1).map((hour, i) => hour - crackdowns[i]!);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(occupierAiHabits.crackdownCooldownHours);
    for (const gap of gaps) expect(gap).toBeLessThan(occupierAiHabits.crackdownCooldownHours + 2 * 24);
  });
});

describe("the occupier AI reads the Maquis' objectives", () => {
  it("at hard posts a warship to guard the depot a Maquis goal aims at; at normal it does not", () => {
    const guardOrders = (level: "normal" | "hard") => {
      const { state, ctx } = createMatch(bundledScenario("bryma-2370"), 1);
      // Every runabout idle and ready in open space away from Bryma, with no work where it is: where does the AI send them?
      for (const ship of state.ships.values())
        if (ship.side === "occupier") {
          Object.assign(ship, { x: 640, y: 560, moving: false, readyAt: 0 });
          ship.route.clear();
        }
      return occupierOrders(state, ctx, "occupier", aiSkill[level]).filter((order) => order.kind === "move" && "system" in order.to && order.to.system === "bryma");
    };
    expect(guardOrders("hard").length).toBeGreaterThanOrEqual(1);
    expect(guardOrders("normal")).toEqual([]);
  });
});

describe("how far the occupier AI reaches for a fight", () => {
  it("opens fire on a raider in its sensors only within its chase range: a green commander fights what comes close", () => {
    const assaultsAt = (gap: number, chaseRange: number) => {
      const { state, ctx } = createMatch(bundledScenario("reborn-dsx-2391"), 1);
      // Only the Kerrek (sensors 70) and the Vigil, in open space, the Vigil seen and gap units away.
      for (const ship of [...state.ships.values()]) if (ship.id !== "kerrek" && ship.id !== "vigil") state.ships.delete(ship.id);
      const kerrek = state.ships.get("kerrek")!;
      Object.assign(kerrek, { x: 100, y: 100, moving: false, readyAt: 0 });
      Object.assign(state.ships.get("vigil")!, { x: 100 + gap, y: 100, underground: false });
      const skill = { ...aiSkill.easy, chaseRange };
      // Contacts from geometry (no physics world to step), so the Vigil counts as seen where it was put.
      return occupierOrders(state, { ...ctx, world: null }, "occupier", skill).some((order) => order.kind === "assault" && order.ship === "kerrek");
    };
    // The premise: 60 units is inside the Kerrek's sensors, so only the chase range can hold it back.
    expect(shipClasses.get("hideki")!.sensorRange).toBeGreaterThan(60);
    expect(assaultsAt(60, 180)).toBe(true);
    expect(assaultsAt(60, 50)).toBe(false);
    expect(assaultsAt(40, 50)).toBe(true);
  });
});
