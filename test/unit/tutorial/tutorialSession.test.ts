import { describe, expect, it } from "vitest";
import { TutorialMemory, type StorageLike } from "../../../client/tutorial/tutorialMemory";
import type { TutorialFacts } from "../../../client/tutorial/tutorialProgress";
import { trainingToOffer, TutorialSession, type CoachView } from "../../../client/tutorial/tutorialSession";
import { createMatch } from "../../../shared/rules/match";
import { summarizeScenario } from "../../../shared/scenario/scenarioSchema";
import { bundledScenario } from "../../support/scenarios";

const ID = "training-2370";
const scenario = bundledScenario(ID);
const steps = scenario.tutorial!.steps;

function storage(): StorageLike {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
}
const facts = (change: Partial<TutorialFacts> = {}): TutorialFacts => ({ seat: "cell-1", selectedShip: null, sensorsShown: true, ...change });
const coach = (): CoachView => ({ steps: [], index: -1 });

describe("a tutorial session in a match", () => {
  it("a fresh match starts at the first step, whatever an earlier match reached; a resumed one where it was", () => {
    const memory = new TutorialMemory(storage());
    memory.remember(ID, 4, steps.length);
    const resumedCard = coach();
    expect(new TutorialSession(ID, steps, memory, resumedCard, true).index).toBe(4);
    expect([resumedCard.steps, resumedCard.index]).toEqual([steps, 4]);
    const freshCard = coach();
    expect(new TutorialSession(ID, steps, memory, freshCard, false).index).toBe(0);
    expect(freshCard.index).toBe(0);
    expect(memory.reached(ID, steps.length)).toBe(0);
  });

  it("moves the card on as the player does each step, and keeps the step reached", () => {
    const memory = new TutorialMemory(storage());
    const card = coach();
    const session = new TutorialSession(ID, steps, memory, card, false);
    const { state } = createMatch(scenario, 1);
    expect(session.refresh(state, facts())).toBe(0);
    expect(session.refresh(state, facts({ selectedShip: "sparrow" }))).toBe(1);
    expect([card.index, memory.reached(ID, steps.length), memory.done]).toEqual([1, 1, false]);
    // Deselecting does not take the step back.
    expect(session.refresh(state, facts())).toBe(1);
  });

  it("skips a step on request, and counts the tutorial done after its last step", () => {
    const memory = new TutorialMemory(storage());
    const card = coach();
    const session = new TutorialSession(ID, steps, memory, card, false);
    for (let i = 1; i < steps.length; i++) expect(session.skipStep()).toBe(i);
    expect([session.finished, memory.done]).toEqual([false, false]);
    expect(session.skipStep()).toBe(steps.length);
    expect([session.finished, memory.done, card.index]).toEqual([true, true, steps.length]);
    expect(session.skipStep()).toBe(steps.length);
  });

  it("skipping the whole tutorial dismisses the card, stops it and tells the menu", () => {
    const memory = new TutorialMemory(storage());
    const session = new TutorialSession(ID, steps, memory, coach(), false);
    session.skipTutorial();
    expect([session.dismissed, memory.done]).toEqual([true, true]);
    const { state } = createMatch(scenario, 1);
    expect(session.refresh(state, facts({ selectedShip: "sparrow" }))).toBe(0);
  });

  it("a match won by the player's side counts as the tutorial done; a lost one does not", () => {
    const lostMemory = new TutorialMemory(storage());
    const lost = createMatch(scenario, 1).state;
    lost.phase = "ended";
    lost.winner = "occupier";
    new TutorialSession(ID, steps, lostMemory, null, false).refresh(lost, facts());
    expect(lostMemory.done).toBe(false);
    const wonMemory = new TutorialMemory(storage());
    const won = createMatch(scenario, 1).state;
    won.phase = "ended";
    won.winner = "maquis";
    new TutorialSession(ID, steps, wonMemory, null, false).refresh(won, facts());
    expect(wonMemory.done).toBe(true);
  });
});

describe("the menu's offer of training", () => {
  const training = summarizeScenario(scenario);
  const dorvan = summarizeScenario(bundledScenario("dorvan-2370"));
  const eras = [
    { id: "training", scenarios: [training] },
    { id: "primary", scenarios: [dorvan] },
  ];

  it("offers the training scenario first to a player who has not finished or skipped a tutorial", () => {
    const memory = new TutorialMemory(storage());
    expect(trainingToOffer(eras, memory)?.id).toBe(ID);
    memory.markDone();
    expect(trainingToOffer(eras, memory)).toBeNull();
  });

  it("offers nothing when no scenario is a training one with a tutorial", () => {
    expect(trainingToOffer([{ id: "primary", scenarios: [dorvan] }], new TutorialMemory(storage()))).toBeNull();
    expect(trainingToOffer([], new TutorialMemory(null))).toBeNull();
  });
});
