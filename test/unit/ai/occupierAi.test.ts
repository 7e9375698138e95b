import { describe, expect, it } from "vitest";
import { aiSkill } from "../../../shared/ai/difficulty";
import { occupierOrders } from "../../../shared/ai/occupierAi";
import { createMatch } from "../../../shared/rules/match";
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
