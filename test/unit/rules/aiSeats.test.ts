import { describe, expect, it } from "vitest";
import { aiThinksNow, type AiSettings } from "../../../shared/ai/aiPlayers";
import { aiSkillsFor, difficulties, maquisAiSkill, occupierAiSkill } from "../../../shared/ai/difficulty";
import { maquisOrders } from "../../../shared/ai/maquisAi";
import { occupierOrders } from "../../../shared/ai/occupierAi";
import type { Order } from "../../../shared/protocol/orders";
import { applyOrder } from "../../../shared/rules/applyOrder";
import { createMatch } from "../../../shared/rules/match";
import { simulate } from "../../../shared/rules/simulate";
import { sideOfSeat } from "../../../shared/rules/sides";
import { stateHash } from "../../../shared/rules/stateHash";
import { step } from "../../../shared/rules/step";
import type { Scenario } from "../../../shared/scenario/scenarioSchema";
import { bundledScenario } from "../../support/scenarios";
import { addSecondCell, dorvanFile, scenarioOf } from "./rulesHelpers";

const TICKS = 500;

interface IssuedOrder {
  tick: number;
  seat: string;
  order: Order;
  /** The seat of the ship the order names, "" when the ship does not exist, undefined for orders without a ship. */
  shipSeat: string | undefined;
  accepted: boolean;
}

/** The loop of runAiSeats and simulate, with every order the AI issues written down (with its ship's owner) before it is applied. */
function playRecording(scenario: Scenario, seed: number, settings: AiSettings, ticks: number) {
  const match = createMatch(scenario, seed);
  const { state, ctx } = match;
  const seats = [...state.seats.keys()];
  const issued: IssuedOrder[] = [];
  const skills = aiSkillsFor(scenario);
  for (let t = 0; t < ticks && state.phase === "playing"; t++) {
    for (const seat of seats) {
      const side = sideOfSeat(state, seat);
      if (!side) continue;
      const level = settings[side];
      if (!aiThinksNow(state, seat, skills[side][level])) continue;
      const orders = side === "occupier" ? occupierOrders(state, ctx, seat, skills.occupier[level]) : maquisOrders(state, ctx, seat, skills.maquis[level]);
      for (const order of orders) {
        const shipSeat = "ship" in order ? (state.ships.get(order.ship)?.seat ?? "") : undefined;
        const accepted = applyOrder(state, seat, order, ctx).ok;
        issued.push({ tick: state.tick, seat, order, shipSeat, accepted });
      }
    }
    step(state, ctx);
  }
  return { match, issued };
}

const twoCellDorvan = () => {
  const file = dorvanFile();
  addSecondCell(file);
  return scenarioOf(file);
};

describe("the AI in every seat", () => {
  const scenarios: [string, Scenario][] = [
    ["Dorvan", bundledScenario("dorvan-2370")],
    ["Dorvan with two cells", twoCellDorvan()],
  ];

  it("the recording loop plays exactly as simulate() does", () => {
    const settings: AiSettings = { occupier: "hard", maquis: "easy" };
    for (const [, scenario] of scenarios) {
      const recorded = playRecording(scenario, 4, settings, 300);
      expect(stateHash(recorded.match.state)).toBe(stateHash(simulate(scenario, 4, settings, 300).match.state));
    }
  });

  it("plays a scenario's own AI tuning: a normal level given the hard tables plays move for move as hard", () => {
    const file = dorvanFile();
    file.ai = { occupier: { normal: occupierAiSkill.hard }, maquis: { normal: maquisAiSkill.easy } };
    const tuned = simulate(scenarioOf(file), 3, { occupier: "normal", maquis: "normal" }, 1500).match.state;
    const plain = scenarioOf(dorvanFile());
    expect(stateHash(tuned)).toBe(stateHash(simulate(plain, 3, { occupier: "hard", maquis: "easy" }, 1500).match.state));
    expect(stateHash(tuned)).not.toBe(stateHash(simulate(plain, 3, { occupier: "normal", maquis: "normal" }, 1500).match.state));
  });

  for (const difficulty of difficulties) {
    it(`at ${difficulty}, never orders a ship of another seat`, () => {
      const settings: AiSettings = { occupier: difficulty, maquis: difficulty };
      for (const [name, scenario] of scenarios) {
        for (const seed of [1, 2]) {
          const { issued } = playRecording(scenario, seed, settings, TICKS);
          const withShip = issued.filter((entry) => entry.shipSeat !== undefined);
          const strangers = withShip.filter((entry) => entry.shipSeat !== entry.seat);
          expect(strangers, `${name}, seed ${seed}`).toEqual([]);
          // The check has something to look at: every side gave ship orders, and some were carried out.
          for (const seat of new Set(issued.map((entry) => entry.seat)))
            expect(withShip.some((entry) => entry.seat === seat && entry.accepted), `${name}, seed ${seed}, ${seat}`).toBe(true);
          expect(new Set(withShip.map((entry) => entry.seat)).size, `${name}, seed ${seed}`).toBe(scenario.seats.length);
        }
      }
    });
  }
});
