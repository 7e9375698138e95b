import { describe, expect, it } from "vitest";
import { HOURS_PER_TICK } from "../../../shared/rules/clock";
import { loseShip } from "../../../shared/rules/fleet";
import { reputationLoss } from "../../../shared/rules/tuning";
import type { Match } from "../../../shared/rules/match";
import { matchOf, placement, quietScenario, relocate, ship, steps, type ScenarioFile } from "./rulesHelpers";

const TICKS_PER_DAY = 24 / HOURS_PER_TICK;
const status = (match: Match, id: string) => match.state.objectives.find((objective) => objective.id === id)!.status;

const objective = (id: string, side: "maquis" | "occupier", points: number, goal: Record<string, unknown>) => ({ id, side, text: `Objective ${id}`, points, goal });

/** Dorvan's map with a short season, three ships and the given objectives, in the real file format. */
function withObjectives(objectives: unknown[], edit?: (file: ScenarioFile) => void): Match {
  return matchOf(
    quietScenario((file) => {
      file.length = { days: 3 };
      file.forces = [
        placement("raider-1", "maquis-raider", "cell-1", "solosos-iii"),
        placement("patrol-1", "hideki", "occupier", "juhraya"),
        placement("galor-1", "galor", "occupier", { x: 500, y: 60 }),
      ];
      file.objectives = objectives;
      edit?.(file);
    }),
  );
}

describe("reached goals", () => {
  it("a refuge the occupier's warships hold is not reached: the ship's side is told once, and it is reached once they leave", () => {
    const match = withObjectives([
      objective("get-home", "maquis", 1, { kind: "reach", ship: "raider-1", system: "solosos-iii" }),
      objective("find", "occupier", 1, { kind: "findBases", count: 1 }),
    ]);
    const solosos = match.state.systems.get("solosos-iii")!;
    relocate(match, "patrol-1", solosos.x + 3, solosos.y);
    steps(match, 3);
    expect(status(match, "get-home")).toBe("open");
    const notices = match.state.log.filter((entry) => entry.kind === "objective");
    expect(notices.map((entry) => [entry.audience, entry.text])).toEqual([
      ["maquis", "Ship raider-1 is at Solosos III, but the occupier's warships hold it: no refuge until they are gone."],
    ]);
    relocate(match, "patrol-1", solosos.x + 300, solosos.y);
    steps(match, 1);
    expect(status(match, "get-home")).toBe("done");
  });


  it("are marked done on the step they are met, and stay done", () => {
    const match = withObjectives([
      objective("destroy-one", "maquis", 1, { kind: "destroy", side: "occupier", count: 1 }),
      objective("destroy-raiders", "occupier", 1, { kind: "destroy", side: "maquis", count: 1 }),
      objective("evacuate", "maquis", 1, { kind: "evacuate", count: 500 }),
      objective("find", "occupier", 1, { kind: "findBases", count: 1 }),
    ]);
    const { state } = match;
    steps(match, 2);
    expect(state.objectives.map((o) => o.status)).toEqual(["open", "open", "open", "open"]);

    loseShip(state, match.ctx, ship(match, "patrol-1"), "was lost in a test");
    steps(match, 1);
    expect([status(match, "destroy-one"), status(match, "destroy-raiders")]).toEqual(["done", "open"]);

    state.cells.get("cell-1")!.evacuated = 499;
    steps(match, 1);
    expect(status(match, "evacuate")).toBe("open");
    state.cells.get("cell-1")!.evacuated = 500;
    steps(match, 1);
    expect(status(match, "evacuate")).toBe("done");

    state.occupier.foundBases.set("cell-1", state.cells.get("cell-1")!.baseSystem);
    steps(match, 1);
    expect(status(match, "find")).toBe("done");
    // Reached is reached: losing the trail later does not undo it.
    state.occupier.foundBases.clear();
    state.cells.get("cell-1")!.evacuated = 0;
    steps(match, 1);
    expect([status(match, "find"), status(match, "evacuate")]).toEqual(["done", "done"]);
    expect(state.log.filter((entry) => entry.kind === "objective")).toHaveLength(3);
  });

  it("eliminateCells is done when every cell is broken, and the match ends with the occupier the winner", () => {
    const match = withObjectives([
      objective("break", "occupier", 1, { kind: "eliminateCells" }),
      objective("hold", "maquis", 10, { kind: "sympathy", atLeast: 1, count: 1 }),
    ]);
    match.state.cells.get("cell-1")!.eliminated = true;
    steps(match, 1);
    expect(status(match, "break")).toBe("done");
    expect(match.state.phase).toBe("ended");
    // Even though the Maquis hold more points, a broken movement has lost.
    expect([match.state.scoreMaquis, match.state.scoreOccupier]).toEqual([10, 1]);
    expect(match.state.winner).toBe("occupier");
    expect(match.state.endReason).toBe("every Maquis cell has been broken");
  });
});

describe("held goals", () => {
  it("are not marked while the match runs, even when met, and are judged on the state at the end", () => {
    const match = withObjectives([
      objective("sympathy", "maquis", 1, { kind: "sympathy", atLeast: 2, count: 1, systems: ["volan-iii"] }),
      objective("loyalty", "occupier", 1, { kind: "loyalty", atMost: -2, count: 2 }),
      objective("survive", "maquis", 1, { kind: "survive" }),
      objective("reputation", "occupier", 1, { kind: "reputation", atLeast: 50 }),
      objective("supplies", "maquis", 1, { kind: "supplies", atLeast: 40 }),
    ]);
    const { state } = match;
    state.systems.get("volan-iii")!.sympathy = 2;
    state.cells.get("cell-1")!.supplies = 100;
    steps(match, TICKS_PER_DAY);
    expect(state.objectives.map((o) => o.status)).toEqual(["open", "open", "open", "open", "open"]);
    // What counts is the last day: Volan cools, supplies are spent.
    state.systems.get("volan-iii")!.sympathy = 1;
    state.cells.get("cell-1")!.supplies = 39;
    state.reputation = 50;
    // The dawn yields of the last two days must not lift the supplies to 40: no colony sympathizes now.
    for (const system of state.systems.values()) if (system.sympathy > 0 && system.id !== "volan-iii") system.sympathy = 0;
    state.systems.get("volan-iii")!.population = 0;
    steps(match, TICKS_PER_DAY * 2);
    expect(state.phase).toBe("ended");
    expect(state.endReason).toBe("time has run out");
    expect(Object.fromEntries(state.objectives.map((o) => [o.id, o.status]))).toEqual({
      sympathy: "failed",
      // Bryma and Quatal Prime stay at -2.
      loyalty: "done",
      survive: "done",
      reputation: "done",
      supplies: "failed",
    });
  });
});

describe("the winner", () => {
  const contest = (maquisPoints: number, occupierPoints: number) =>
    withObjectives([
      objective("alive", "maquis", maquisPoints, { kind: "survive" }),
      objective("standing", "occupier", occupierPoints, { kind: "reputation", atLeast: 10 }),
      objective("never", "occupier", 50, { kind: "destroy", side: "maquis", count: 5 }),
    ]);

  it("is the side with more points when time runs out", () => {
    for (const [m, o, winner] of [
      [3, 2, "maquis"],
      [2, 3, "occupier"],
      [4, 4, "draw"],
    ] as const) {
      const match = contest(m, o);
      steps(match, 3 * TICKS_PER_DAY - 1);
      expect(match.state.phase).toBe("playing");
      steps(match, 1);
      expect(match.state.phase).toBe("ended");
      expect([match.state.scoreMaquis, match.state.scoreOccupier]).toEqual([m, o]);
      expect(match.state.winner).toBe(winner);
      expect(status(match, "never")).toBe("failed");
    }
  });

  it("is the Maquis when the occupier's reputation runs out, whatever the points", () => {
    const match = contest(1, 20);
    match.state.reputation = 0;
    steps(match, 1);
    expect(match.state.phase).toBe("ended");
    expect(match.state.winner).toBe("maquis");
    expect(match.state.endReason).toBe("the occupier's government recalled its commander");
    expect(status(match, "standing")).toBe("failed");
  });

  it("is the Maquis when the last blow to reputation is a lost ship", () => {
    const match = contest(1, 20);
    match.state.reputation = 4;
    loseShip(match.state, match.ctx, ship(match, "patrol-1"), "was lost in a test");
    expect(match.state.reputation).toBe(0);
    steps(match, 1);
    expect([match.state.phase, match.state.winner]).toEqual(["ended", "maquis"]);
  });

  it("is whoever an \"end\" effect names, and nothing changes after the end", () => {
    const match = withObjectives([objective("alive", "maquis", 5, { kind: "survive" }), objective("standing", "occupier", 1, { kind: "reputation", atLeast: 10 })], (file) => {
      file.triggers = [{ id: "armistice", when: [{ kind: "day", atLeast: 2 }], then: [{ kind: "end", winner: "occupier", reason: "An armistice" }] }];
    });
    steps(match, TICKS_PER_DAY);
    expect([match.state.phase, match.state.winner, match.state.endReason]).toEqual(["ended", "occupier", "An armistice"]);
    expect([match.state.scoreMaquis, match.state.scoreOccupier]).toEqual([5, 1]);
    const frozen = JSON.stringify(match.state.toJSON());
    steps(match, 50);
    expect(JSON.stringify(match.state.toJSON())).toBe(frozen);
  });
});

describe("convoys lost", () => {
  it("are counted apart from warships, cost the occupier standing like a warship, and count for a destroy goal only when it says so", () => {
    const match = withObjectives([
      objective("warships", "maquis", 1, { kind: "destroy", side: "occupier", count: 1 }),
      objective("ships-or-convoys", "maquis", 1, { kind: "destroy", side: "occupier", count: 1, convoys: true }),
      objective("hold-on", "occupier", 1, { kind: "survive" }),
    ]);
    const { state } = match;
    const patrol = ship(match, "patrol-1");
    patrol.convoy = true;
    const reputation = state.reputation;
    loseShip(state, match.ctx, patrol, "was seized in a test");
    steps(match, 1);
    expect([state.convoysLost, state.lostOccupier]).toEqual([1, 0]);
    expect(state.reputation).toBe(reputation - reputationLoss.shipLost);
    expect([status(match, "warships"), status(match, "ships-or-convoys")]).toEqual(["open", "done"]);
    loseShip(state, match.ctx, ship(match, "galor-1"), "was destroyed in a test");
    steps(match, 1);
    expect([state.convoysLost, state.lostOccupier]).toEqual([1, 1]);
    expect(status(match, "warships")).toBe("done");
  });
});
