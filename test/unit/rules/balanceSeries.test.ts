import { describe, expect, it } from "vitest";
import { playSeries, playSeriesGame, SeriesTally, type GameOutcome } from "../../../shared/rules/balanceSeries";
import { TICK_RATE } from "../../../shared/rules/clock";
import { bundledScenario } from "../../support/scenarios";

const dorvan = bundledScenario("dorvan-2370");
/** Dorvan cut to ten days: a game takes a tenth of a second, and still plays to its end. */
const shortDorvan = { ...dorvan, length: { days: 10 } };
const ai = { maquis: "normal", occupier: "normal" } as const;

const outcome = (winner: string, days: number, objectivesMet: string[], endReason = "time has run out"): GameOutcome => ({
  winner,
  endReason,
  days,
  ticks: days * 24 * TICK_RATE,
  objectivesMet,
});

describe("balance series", () => {
  it("counts win rates, mean length, end reasons and objectives met, game by game", () => {
    const [first, second] = dorvan.objectives.map((objective) => objective.id);
    const tally = new SeriesTally(dorvan, ai);
    tally.add(outcome("maquis", 10, [first!]));
    tally.add(outcome("maquis", 20, [first!, second!]));
    tally.add(outcome("occupier", 30, [], "the cells are broken"));
    tally.add(outcome("draw", 40, [second!]));
    const result = tally.result();
    expect(result.games).toBe(4);
    expect(result.winRate).toEqual({ maquis: 50, occupier: 25, draw: 25 });
    expect(result.meanDays).toBe(25);
    expect(result.meanMinutesAt1x).toBe(Math.round(((25 * 24) / 60) * 10) / 10);
    expect(result.endReasons).toEqual({ "time has run out": 3, "the cells are broken": 1 });
    expect(result.objectivesMetPercent[first!]).toBe(50);
    expect(result.objectivesMetPercent[second!]).toBe(50);
    // Every objective of the scenario has its figure, met or not.
    expect(Object.keys(result.objectivesMetPercent).sort()).toEqual(dorvan.objectives.map((o) => o.id).sort());
  });

  it("reports zeros, not NaN, before the first game", () => {
    const result = new SeriesTally(dorvan, ai).result();
    expect(result).toMatchObject({ games: 0, winRate: { maquis: 0, occupier: 0, draw: 0 }, meanDays: 0, meanMinutesAt1x: 0 });
  });

  it("a series played at once equals the same seeds tallied one game at a time", () => {
    const tally = new SeriesTally(shortDorvan, ai);
    for (let seed = 5; seed < 8; seed++) tally.add(playSeriesGame(shortDorvan, seed, ai));
    const whole = playSeries(shortDorvan, 3, 5, ai);
    expect(tally.result()).toEqual(whole);
    expect(whole.games).toBe(3);
    expect(whole.meanDays).toBeCloseTo(10, 0);
    const { maquis, occupier, draw } = whole.winRate;
    expect(maquis + occupier + draw).toBeCloseTo(100, 0);
  });
});
