import { describe, expect, it } from "vitest";
import { conditionHolds, tutorialProgress, type TutorialFacts } from "../../../client/tutorial/tutorialProgress";
import { logEvent } from "../../../shared/rules/eventLog";
import { createMatch, type Match } from "../../../shared/rules/match";
import type { TutorialCondition, TutorialStep } from "../../../shared/scenario/tutorialSchema";
import { bundledScenario } from "../../support/scenarios";
import { relocate } from "../rules/rulesHelpers";

/*
 * The evaluator reads the Maquis seat's state. These tests hand it the server's whole state, a superset
 * of the seat's view; the walk-through test also reads the seat's own decoded view and gets the same answers.
 */
const SEAT = "cell-1";
const training = () => createMatch(bundledScenario("training-2370"), 1);
const facts = (change: Partial<TutorialFacts> = {}): TutorialFacts => ({ seat: SEAT, selectedShip: null, sensorsShown: true, ...change });
const holds = (match: Match, condition: TutorialCondition, change: Partial<TutorialFacts> = {}) => conditionHolds(condition, match.state, facts(change));
const place = (match: Match, shipId: string, systemId: string, dx = 0) => {
  const system = match.state.systems.get(systemId)!;
  relocate(match, shipId, system.x + dx, system.y);
};
const stepOf = (id: string, ...done: TutorialCondition[]): TutorialStep => ({ id, text: `Do ${id}.`, done });

describe("tutorial conditions, read on the player's state and the screen's facts", () => {
  it("selected: one of your ships is selected (or the named one); nothing, or another seat's ship, is not", () => {
    const match = training();
    expect(holds(match, { kind: "selected" })).toBe(false);
    expect(holds(match, { kind: "selected" }, { selectedShip: "patrol-tarel" })).toBe(false);
    expect(holds(match, { kind: "selected" }, { selectedShip: "no-such-ship" })).toBe(false);
    expect(holds(match, { kind: "selected" }, { selectedShip: "sparrow" })).toBe(true);
    expect(holds(match, { kind: "selected", ship: "sparrow" }, { selectedShip: "sparrow" })).toBe(true);
    expect(holds(match, { kind: "selected", ship: "other" }, { selectedShip: "sparrow" })).toBe(false);
  });

  it("sensorPicture: the picture is shown", () => {
    const match = training();
    expect(holds(match, { kind: "sensorPicture" }, { sensorsShown: false })).toBe(false);
    expect(holds(match, { kind: "sensorPicture" }, { sensorsShown: true })).toBe(true);
  });

  it("shipAt: a ship of yours within a system's reach; another seat's ship there does not count", () => {
    const match = training();
    expect(holds(match, { kind: "shipAt", system: "solosos-iii" })).toBe(false);
    place(match, "sparrow", "solosos-iii", 13);
    expect(holds(match, { kind: "shipAt", system: "solosos-iii" })).toBe(false);
    place(match, "sparrow", "solosos-iii", 11);
    expect(holds(match, { kind: "shipAt", system: "solosos-iii" })).toBe(true);
    expect(holds(match, { kind: "shipAt", system: "solosos-iii", ship: "sparrow" })).toBe(true);
    expect(holds(match, { kind: "shipAt", system: "solosos-iii", ship: "another" })).toBe(false);
    place(match, "patrol-tarel", "volan-iii");
    expect(holds(match, { kind: "shipAt", system: "volan-iii" })).toBe(false);
    expect(holds(match, { kind: "shipAt", system: "no-such-system" })).toBe(false);
  });

  it("atBase: a ship of yours at your cell's base, wherever the match put it", () => {
    const match = training();
    expect(match.state.cells.get(SEAT)!.baseSystem).toBe("athos-iv");
    // The Sparrow starts in the storms near the base, not at it.
    expect(holds(match, { kind: "atBase" })).toBe(false);
    place(match, "sparrow", "athos-iv");
    expect(holds(match, { kind: "atBase" })).toBe(true);
    match.state.cells.get(SEAT)!.baseSystem = "solosos-iii";
    expect(holds(match, { kind: "atBase" })).toBe(false);
    // Another seat's ship at the base is no ship of yours.
    match.state.cells.get(SEAT)!.baseSystem = "hakton-vii";
    place(match, "patrol-tarel", "hakton-vii");
    expect(holds(match, { kind: "atBase" })).toBe(false);
  });

  it("shipState: hidden or seen, and the stance", () => {
    const match = training();
    const sparrow = match.state.ships.get("sparrow")!;
    expect(holds(match, { kind: "shipState", underground: true })).toBe(true);
    expect(holds(match, { kind: "shipState", underground: false })).toBe(false);
    expect(holds(match, { kind: "shipState", stance: "dark" })).toBe(false);
    sparrow.underground = false;
    sparrow.stance = "dark";
    expect(holds(match, { kind: "shipState", underground: false, stance: "dark" })).toBe(true);
    expect(holds(match, { kind: "shipState", underground: true })).toBe(false);
    expect(holds(match, { kind: "shipState", ship: "patrol-tarel", underground: false })).toBe(false);
  });

  it("log: a line of the kind you may read (to you, your side or all), never one to the other side or another seat", () => {
    const match = training();
    const { state } = match;
    const agitateLine = { kind: "log", logKind: "agitate" } as const;
    expect(holds(match, agitateLine)).toBe(false);
    logEvent(state, "occupier", "agitate", "not for us");
    logEvent(state, "cell-9", "agitate", "another cell's");
    expect(holds(match, agitateLine)).toBe(false);
    logEvent(state, SEAT, "raid", "another kind");
    expect(holds(match, agitateLine)).toBe(false);
    logEvent(state, SEAT, "agitate", "ours");
    expect(holds(match, agitateLine)).toBe(true);
    logEvent(state, "maquis", "dark", "our side's");
    logEvent(state, "all", "loss", "everyone's");
    expect(holds(match, { kind: "log", logKind: "dark" })).toBe(true);
    expect(holds(match, { kind: "log", logKind: "loss" })).toBe(true);
  });

  it("holding: your cell's holdings at least, at most, or between", () => {
    const match = training();
    const cell = match.state.cells.get(SEAT)!;
    expect(cell.recruits).toBe(2);
    expect(holds(match, { kind: "holding", field: "recruits", atLeast: 3 })).toBe(false);
    cell.recruits = 3;
    expect(holds(match, { kind: "holding", field: "recruits", atLeast: 3 })).toBe(true);
    cell.exposure = 12;
    expect(holds(match, { kind: "holding", field: "exposure", atMost: 10 })).toBe(false);
    expect(holds(match, { kind: "holding", field: "exposure", atLeast: 10, atMost: 15 })).toBe(true);
    expect(conditionHolds({ kind: "holding", field: "supplies", atLeast: 0 }, match.state, facts({ seat: "occupier" }))).toBe(false);
  });

  it("objective: done, not open or failed", () => {
    const match = training();
    const objective = match.state.objectives.find((o) => o.id === "take-a-convoy")!;
    expect(holds(match, { kind: "objective", id: "take-a-convoy" })).toBe(false);
    objective.status = "failed";
    expect(holds(match, { kind: "objective", id: "take-a-convoy" })).toBe(false);
    objective.status = "done";
    expect(holds(match, { kind: "objective", id: "take-a-convoy" })).toBe(true);
  });

  it("matchOver: ended, and won by the side named", () => {
    const match = training();
    expect(holds(match, { kind: "matchOver" })).toBe(false);
    match.state.phase = "ended";
    match.state.winner = "occupier";
    expect(holds(match, { kind: "matchOver" })).toBe(true);
    expect(holds(match, { kind: "matchOver", winner: "maquis" })).toBe(false);
    match.state.winner = "maquis";
    expect(holds(match, { kind: "matchOver", winner: "maquis" })).toBe(true);
  });
});

describe("tutorial progress", () => {
  const steps = [
    stepOf("select", { kind: "selected" }),
    stepOf("move", { kind: "shipAt", system: "solosos-iii" }),
    stepOf("sensors", { kind: "sensorPicture" }, { kind: "shipAt", system: "soltok-iv" }),
  ];

  it("advances a step only when all of its conditions hold", () => {
    const match = training();
    expect(tutorialProgress(steps, match.state, facts(), 0)).toBe(0);
    expect(tutorialProgress(steps, match.state, facts({ selectedShip: "patrol-tarel" }), 0)).toBe(0);
    expect(tutorialProgress(steps, match.state, facts({ selectedShip: "sparrow" }), 0)).toBe(1);
    place(match, "sparrow", "solosos-iii");
    expect(tutorialProgress(steps, match.state, facts(), 1)).toBe(2);
    place(match, "sparrow", "soltok-iv");
    expect(tutorialProgress(steps, match.state, facts({ sensorsShown: false }), 2)).toBe(2);
    expect(tutorialProgress(steps, match.state, facts({ sensorsShown: true }), 2)).toBe(3);
  });

  it("checks the steps in order: a later step's conditions do not count while an earlier one is open", () => {
    const match = training();
    place(match, "sparrow", "solosos-iii");
    expect(tutorialProgress(steps, match.state, facts(), 0)).toBe(0);
  });

  it("takes several steps at once when the player is ahead of the card", () => {
    const match = training();
    place(match, "sparrow", "solosos-iii");
    expect(tutorialProgress(steps, match.state, facts({ selectedShip: "sparrow" }), 0)).toBe(2);
  });

  it("never goes back: a step once done stays done when its conditions stop holding", () => {
    const match = training();
    expect(tutorialProgress(steps, match.state, facts(), 2)).toBe(2);
    expect(tutorialProgress(steps, match.state, facts(), 3)).toBe(3);
  });

  it("reads a garbled step reached as the start, and one past the end as the end", () => {
    const match = training();
    for (const reached of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(tutorialProgress(steps, match.state, facts(), reached)).toBe(0);
    expect(tutorialProgress(steps, match.state, facts(), 99)).toBe(steps.length);
    expect(tutorialProgress([], match.state, facts(), 0)).toBe(0);
  });
});
