import { describe, expect, it } from "vitest";
import { step } from "../../shared/rules/step";
import { decodedView } from "../support/decodedView";
import { CELL, newMatch, OCCUPIER } from "./operations/support";

const colonies = (sympathy: (value: number) => boolean, state: ReturnType<typeof newMatch>["state"]) =>
  [...state.systems.values()].filter((system) => system.population > 0 && sympathy(system.sympathy)).length;

describe("objective progress", () => {
  it("counted goals carry how far they have come, updated as the match runs", () => {
    const match = newMatch();
    step(match.state, match.ctx);
    const win = match.state.objectives.find((objective) => objective.id === "win-the-colonies")!;
    expect(win.need).toBe(5);
    expect(win.have).toBe(colonies((value) => value >= 1, match.state));
    const pacify = match.state.objectives.find((objective) => objective.id === "pacify")!;
    expect([pacify.have, pacify.need]).toEqual([colonies((value) => value <= 0, match.state), 7]);
    // A goal that is not a count has none.
    expect(match.state.objectives.find((objective) => objective.id === "stay-alive")!.need).toBe(0);

    match.system("dorvan-v").sympathy = 2;
    step(match.state, match.ctx);
    expect(win.have).toBe(colonies((value) => value >= 1, match.state));
  });

  it("each side sees its own objectives' counts and not the other side's", () => {
    const match = newMatch();
    step(match.state, match.ctx);
    const maquisView = decodedView(match, { side: "maquis", seat: CELL });
    const occupierView = decodedView(match, { side: "occupier", seat: OCCUPIER });
    const counts = (view: typeof maquisView, id: string) => {
      const objective = view.objectives.find((o) => o.id === id)!;
      // A field left out of a view decodes as undefined: it never reached this client.
      return [objective.have ?? 0, objective.need ?? 0];
    };
    const full = (id: string) => {
      const objective = match.state.objectives.find((o) => o.id === id)!;
      return [objective.have, objective.need];
    };
    expect(counts(maquisView, "win-the-colonies")).toEqual(full("win-the-colonies"));
    expect(counts(maquisView, "find-the-base")).toEqual([0, 0]);
    expect(counts(occupierView, "find-the-base")).toEqual(full("find-the-base"));
    expect(counts(occupierView, "win-the-colonies")).toEqual([0, 0]);
    expect(full("find-the-base")[1]).toBe(1);
  });
});
