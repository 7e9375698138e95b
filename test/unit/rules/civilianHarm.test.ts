import { describe, expect, it } from "vitest";
import { applyOrder } from "../../../shared/rules/applyOrder";
import { harmCivilians, type HarmfulAct } from "../../../shared/rules/civilianHarm";
import { startEngagement } from "../../../shared/rules/engagements";
import { populationWeight } from "../../../shared/rules/populationWeight";
import { civilianHarm, maquisStanding } from "../../../shared/rules/tuning";
import { matchOf, placement, quietScenario, relocate, ship } from "./rulesHelpers";

const acts = Object.keys(civilianHarm) as HarmfulAct[];

describe("civilian harm", () => {
  it.each(acts)("%s at a populated world costs the side that did it standing by the colony's size, and may turn the colony against it", (act) => {
    for (const side of ["maquis", "occupier"] as const) {
      const match = matchOf(quietScenario());
      const { state } = match;
      const volan = state.systems.get("volan-iii")!;
      Object.assign(volan, { population: 12_000, sympathy: 0 });
      const before = { reputation: state.reputation, standing: state.maquisStanding };
      let turned = 0;
      // Many times over, to see the shift's odds; the standing falls by the same amount each time.
      for (let i = 0; i < 200; i++) {
        volan.sympathy = 0;
        harmCivilians(state, volan, side, act);
        if (volan.sympathy !== 0) {
          expect(volan.sympathy).toBe(side === "maquis" ? -1 : 1);
          turned += 1;
        }
      }
      const cost = civilianHarm[act].standing * populationWeight(12_000) * 200;
      if (side === "occupier") {
        expect(before.reputation - state.reputation).toBeCloseTo(Math.min(before.reputation, cost), 3);
        expect(state.maquisStanding).toBe(before.standing);
      } else {
        expect(before.standing - state.maquisStanding).toBeCloseTo(Math.min(before.standing, cost), 3);
        expect(state.reputation).toBe(before.reputation);
      }
      const odds = civilianHarm[act].shiftChance;
      expect(Math.abs(turned - 200 * odds)).toBeLessThanOrEqual(Math.max(1, 4 * Math.sqrt(200 * odds * (1 - odds))));
      expect(state.log.at(-1)?.kind).toBe("harm");
    }
  });

  it("nothing happens at an empty rock or in open space", () => {
    const match = matchOf(quietScenario());
    const { state } = match;
    const athos = state.systems.get("athos-iv")!;
    expect(athos.population).toBe(0);
    harmCivilians(state, athos, "occupier", "crackdown");
    harmCivilians(state, undefined, "maquis", "strike");
    expect([state.reputation, state.maquisStanding, athos.sympathy]).toEqual([60, maquisStanding.start, 0]);
  });

  it("a fight opened at a colony is blamed on the side that opened it; one in open space on nobody", () => {
    const match = matchOf(
      quietScenario((file) => {
        file.forces = [placement("galor-a", "galor", "occupier", "volan-iii"), placement("raider-a", "maquis-raider", "cell-1", "volan-iii")];
      }),
    );
    const { state } = match;
    state.systems.get("volan-iii")!.population = 12_000;
    startEngagement(state, ship(match, "raider-a"), ship(match, "galor-a"));
    expect(state.maquisStanding).toBeCloseTo(maquisStanding.start - civilianHarm.fight.standing * populationWeight(12_000), 4);
    expect(state.reputation).toBe(60);

    const open = matchOf(
      quietScenario((file) => {
        file.forces = [placement("galor-a", "galor", "occupier", { x: 500, y: 60 }), placement("raider-a", "maquis-raider", "cell-1", { x: 505, y: 60 })];
      }),
    );
    startEngagement(open.state, ship(open, "galor-a"), ship(open, "raider-a"));
    expect([open.state.reputation, open.state.maquisStanding]).toEqual([60, maquisStanding.start]);
  });

  it("assaulting a base hidden in a colony harms its people, and the occupier pays", () => {
    const match = matchOf(quietScenario((file) => (file.forces = [placement("galor-a", "galor", "occupier", "volan-iii"), placement("raider-a", "maquis-raider", "cell-1", "athos-iv")])));
    const { state } = match;
    const cell = state.cells.get("cell-1")!;
    cell.baseSystem = "volan-iii";
    state.systems.get("volan-iii")!.population = 12_000;
    state.occupier.foundBases.set("cell-1", "volan-iii");
    state.occupier.requisition = 10;
    relocate(match, "galor-a", state.systems.get("volan-iii")!.x, state.systems.get("volan-iii")!.y);
    expect(applyOrder(state, "occupier", { kind: "assault", ship: "galor-a", target: { base: "cell-1" } }, match.ctx)).toEqual({ ok: true });
    expect(state.reputation).toBeCloseTo(60 - civilianHarm.assault.standing * populationWeight(12_000), 4);
    expect(state.log.some((entry) => entry.kind === "harm" && entry.text.startsWith("An assault at Volan III"))).toBe(true);
  });
});
