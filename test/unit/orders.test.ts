import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../shared/protocol/errorCodes";
import type { Order } from "../../shared/protocol/orders";
import { applyOrder as applyOrderWith } from "../../shared/rules/applyOrder";
import { HOURS_PER_TICK } from "../../shared/rules/clock";
import { createMatch } from "../../shared/rules/match";
import type { RulesContext } from "../../shared/rules/rulesContext";
import { step as stepWith } from "../../shared/rules/step";
import { shipClasses } from "../../shared/scenario/shipClassSchema";
import type { MatchState } from "../../shared/state/MatchState";
import { quarterHourDorvan } from "../support/scenarios";

let ctx: RulesContext;
const applyOrder = (state: MatchState, seat: string, order: Order) => applyOrderWith(state, seat, order, ctx);
const step = (state: MatchState, _world?: unknown) => stepWith(state, ctx);

function newMatch() {
  const match = createMatch(quarterHourDorvan(), 7);
  ctx = match.ctx;
  return { state: match.state, world: match.ctx.world };
}

describe("move orders", () => {
  it("sends a ship to a system and it arrives exactly there at its class speed", () => {
    const { state, world } = newMatch();
    const raider = state.ships.get("raider-1")!;
    const target = state.systems.get("dorvan-v")!;
    expect(applyOrder(state, "cell-1", { kind: "move", ship: "raider-1", to: { system: "dorvan-v" } })).toEqual({ ok: true });
    const distance = Math.hypot(target.x - raider.x, target.y - raider.y);
    const perTick = shipClasses.get("maquis-raider")!.speed * HOURS_PER_TICK;
    step(state, world);
    expect(Math.hypot(target.x - raider.x, target.y - raider.y)).toBeCloseTo(distance - perTick, 6);
    const ticksNeeded = Math.ceil(distance / perTick);
    for (let i = 1; i < ticksNeeded; i++) step(state, world);
    expect([raider.x, raider.y, raider.moving]).toEqual([target.x, target.y, false]);
  });

  it("sends a ship to a point in open space", () => {
    const { state, world } = newMatch();
    expect(applyOrder(state, "cell-1", { kind: "move", ship: "raider-1", to: { x: 310, y: 380 } }).ok).toBe(true);
    for (let i = 0; i < 20; i++) step(state, world);
    const raider = state.ships.get("raider-1")!;
    expect([raider.x, raider.y]).toEqual([310, 380]);
  });

  it("refuses another seat's ship, a ship that does not exist (same answer), spectators, unknown systems and off-map points", () => {
    const { state } = newMatch();
    const codeOf = (seat: string, order: Parameters<typeof applyOrder>[2]) => {
      const result = applyOrder(state, seat, order);
      return result.ok ? "ok" : result.code;
    };
    expect(codeOf("cell-1", { kind: "move", ship: "galor-1", to: { x: 1, y: 1 } })).toBe(ErrorCode.NotYourShip);
    expect(codeOf("cell-1", { kind: "move", ship: "ghost", to: { x: 1, y: 1 } })).toBe(ErrorCode.NotYourShip);
    expect(codeOf("spectator", { kind: "move", ship: "raider-1", to: { x: 1, y: 1 } })).toBe(ErrorCode.SpectatorCannotOrder);
    expect(codeOf("cell-1", { kind: "move", ship: "raider-1", to: { system: "risa" } })).toBe(ErrorCode.UnknownSystem);
    expect(codeOf("cell-1", { kind: "move", ship: "raider-1", to: { x: -1, y: 5 } })).toBe(ErrorCode.OutsideMap);
    expect(codeOf("cell-1", { kind: "move", ship: "raider-1", to: { x: 5, y: 701 } })).toBe(ErrorCode.OutsideMap);
    expect(state.ships.get("raider-1")!.moving).toBe(false);
    expect(state.ships.get("galor-1")!.moving).toBe(false);
  });
});

describe("patrol routes", () => {
  it("a patrol visits every stop of its route in order and loops", () => {
    const { state, world } = newMatch();
    state.lengthHours = 1e9;
    const patrol = state.ships.get("patrol-1")!;
    const visited: string[] = [];
    for (let i = 0; i < 5000 && visited.length < 6; i++) {
      step(state, world);
      const here = [...state.systems.values()].find((s) => s.x === patrol.x && s.y === patrol.y);
      if (here && !patrol.moving && visited[visited.length - 1] !== here.id) visited.push(here.id);
    }
    expect(visited).toEqual(["dorvan-v", "hakton-vii", "umoth-viii", "bryma", "dorvan-v", "hakton-vii"]);
  });

  it("a direct order replaces the standing route", () => {
    const { state } = newMatch();
    applyOrder(state, "occupier", { kind: "move", ship: "patrol-1", to: { system: "juhraya" } });
    const patrol = state.ships.get("patrol-1")!;
    expect(patrol.route.length).toBe(0);
    expect(patrol.destSystem).toBe("juhraya");
  });
});

describe("the clock", () => {
  it("counts ticks and game hours", () => {
    const { state, world } = newMatch();
    for (let i = 0; i < 40; i++) step(state, world);
    expect(state.tick).toBe(40);
    expect(state.hours).toBeCloseTo(40 * HOURS_PER_TICK, 9);
  });

  it("two matches given the same orders end in the same state", () => {
    const run = () => {
      const { state, world } = newMatch();
      applyOrder(state, "cell-1", { kind: "move", ship: "raider-1", to: { x: 700, y: 200 } });
      for (let i = 0; i < 300; i++) step(state, world);
      return JSON.stringify(state.toJSON());
    };
    expect(run()).toBe(run());
  });
});
