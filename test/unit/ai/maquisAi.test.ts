import { describe, expect, it } from "vitest";
import { maquisAiSkill as aiSkill } from "../../../shared/ai/difficulty";
import { shouldBreakOff } from "../../../shared/ai/fight";
import { maquisOrders } from "../../../shared/ai/maquisAi";
import { startEngagement } from "../../../shared/rules/engagements";
import { createMatch } from "../../../shared/rules/match";
import { classOf, isWarship } from "../../../shared/rules/shipStats";
import { regionsAt } from "../../../shared/rules/geometry";
import { goalMet, scoresAsTheyStand } from "../../../shared/rules/victory";
import { visibleShipIds } from "../../../shared/rules/visibility";
import { baseSiteCoverOf } from "../../../shared/rules/siteCover";
import { bundledScenario } from "../../support/scenarios";
import { matchOf, placement, quietScenario, relocate, ship, steps } from "../rules/rulesHelpers";

describe("the Maquis AI plays its objectives", () => {
  it("sends the ship a reach goal names toward its system, at every level", () => {
    for (const level of ["easy", "normal", "hard"] as const) {
      const { state, ctx } = createMatch(bundledScenario("badlands-2371"), 1);
      const orders = maquisOrders(state, ctx, "cell-1", aiSkill[level]);
      expect(orders, level).toContainEqual({ kind: "move", ship: "val-jean", to: { system: "athos-iv" } });
    }
  });

  it("at the end of its errand, strikes the guards holding the refuge when fit to and able to beat them all; else waits dark", () => {
    const guardedBy = (guardIds: string[], hull = 1) => {
      const match = createMatch(bundledScenario("badlands-2371"), 1);
      const { state, ctx } = match;
      const athos = state.systems.get("athos-iv")!;
      relocate(match, "val-jean", athos.x, athos.y);
      guardIds.forEach((id, i) => relocate(match, id, athos.x + 2, athos.y + 2 * i));
      // One step, so the sensors register the guards.
      steps(match, 1);
      const valJean = ship(match, "val-jean");
      Object.assign(valJean, { readyAt: 0, hull: classOf(valJean).hull * hull });
      state.cells.get("cell-1")!.weapons = 10;
      // The guards are in sight and no fight has started: what follows is the AI's choice.
      expect(guardIds.every((id) => visibleShipIds(state, "maquis").has(id))).toBe(true);
      expect(valJean.engagement).toBe("");
      expect(goalMet(state, { kind: "reach", ship: "val-jean", system: "athos-iv" })).toBe(false);
      return maquisOrders(state, ctx, "cell-1", aiSkill.normal).filter((order) => "ship" in order && order.ship === "val-jean");
    };
    const strikes = (orders: ReturnType<typeof guardedBy>) => orders.filter((order) => order.kind === "strike");
    // A Hideki alone is beatable: the raider goes for it rather than sit in a refuge that is not yet safe.
    expect(guardedBy(["pursuit-drevak"])).toEqual([{ kind: "strike", ship: "val-jean", target: { ship: "pursuit-drevak" } }]);
    // Not when hurt past its break-off point, nor against a Galor, alone or beside the Hideki: it goes dark and stays.
    for (const orders of [guardedBy(["pursuit-drevak"], 0.3), guardedBy(["vetar"]), guardedBy(["pursuit-drevak", "vetar"])]) {
      expect(strikes(orders)).toEqual([]);
      expect(orders.filter((order) => order.kind === "move")).toEqual([]);
    }
  });

  it("carries colonists off a doomed world it is at, even with a warship in sight (they cannot wait for it to leave)", () => {
    for (const hunted of [false, true]) {
      const match = createMatch(bundledScenario("purge-2373"), 1);
      const { state, ctx } = match;
      const hakton = state.systems.get("hakton-vii")!;
      hakton.doomedAt = state.hours + 100;
      const evacuator = [...state.ships.values()].filter((ship) => ship.seat === "cell-1")[0]!;
      relocate(match, evacuator.id, hakton.x, hakton.y);
      const warship = [...state.ships.values()].find((ship) => ship.side === "occupier" && isWarship(ship))!;
      if (hunted) relocate(match, warship.id, hakton.x + 30, hakton.y);
      Object.assign(evacuator, { readyAt: 0, underground: !hunted });
      if (hunted) expect(visibleShipIds(state, "maquis").has(warship.id)).toBe(true);
      for (const level of ["easy", "normal", "hard"] as const)
        expect(maquisOrders(state, ctx, "cell-1", aiSkill[level]), `${level}, hunted ${hunted}`).toContainEqual({ kind: "evacuate", ship: evacuator.id });
    }
  });

  it("at normal and hard picks the best-hidden candidate site for its base (Regula's hollowed moon); at easy keeps the one the seed drew", () => {
    for (const seed of [1, 2, 3, 4]) {
      const { state, ctx } = createMatch(bundledScenario("mirror-rigel-2298"), seed);
      const cell = state.cells.get("cell-1")!;
      const best = [...cell.baseCandidates].sort((a, b) => baseSiteCoverOf(state, state.systems.get(a)!) - baseSiteCoverOf(state, state.systems.get(b)!))[0];
      expect(best).toBe("regula");
      const normal = maquisOrders(state, ctx, "cell-1", aiSkill.normal).find((order) => order.kind === "chooseBase");
      if (cell.baseSystem === "regula") expect(normal).toBeUndefined();
      else expect(normal).toEqual({ kind: "chooseBase", system: "regula" });
      expect(maquisOrders(state, ctx, "cell-1", aiSkill.easy).find((order) => order.kind === "chooseBase")).toBeUndefined();
    }
  });

  it("reads the sensor picture: at hard a hidden ship waits rather than fly through a Galor's known range; at easy it flies", () => {
    const setUp = () => {
      const match = matchOf(
        quietScenario((file) => {
          // The raider in open space west of Volan III, the Galor (in the raider's own sensor range, so known) on the straight way there.
          file.forces = [placement("raider-a", "maquis-raider", "cell-1", { x: 250, y: 250 }), placement("galor-a", "galor", "occupier", { x: 300, y: 250 })];
          for (const system of file.map.systems) if (system.id !== "volan-iii") system.population = 0;
        }),
      );
      // One step, so the sensors' contacts exist (the raider sees the Galor); then the raider is hidden whatever that step rolled.
      steps(match, 1);
      Object.assign(ship(match, "raider-a"), { underground: true });
      match.state.cells.get("cell-1")!.baseChosen = true;
      return match;
    };
    const hard = setUp();
    const hardOrders = maquisOrders(hard.state, hard.ctx, "cell-1", aiSkill.hard);
    expect(hardOrders.filter((order) => order.kind === "move" && order.ship === "raider-a")).toEqual([]);
    const easy = setUp();
    const easyOrders = maquisOrders(easy.state, easy.ctx, "cell-1", aiSkill.easy);
    expect(easyOrders).toContainEqual({ kind: "move", ship: "raider-a", to: { system: "volan-iii" } });
  });

  it("a careful cell whose likeliest convert lies past a known Galor makes for the next colony rather than sit idle", () => {
    const match = matchOf(
      quietScenario((file) => {
        // The Galor (in the raider's sight, so known) sits on the way east to Volan III, the warmer colony; the way west to Athos IV soon leaves its range.
        file.forces = [placement("raider-a", "maquis-raider", "cell-1", { x: 300, y: 250 }), placement("galor-a", "galor", "occupier", { x: 354, y: 250 })];
        for (const system of file.map.systems) {
          if (system.id !== "volan-iii") system.population = 0;
          if (system.id === "athos-iv") Object.assign(system, { population: 500, sympathy: 0 });
        }
      }),
    );
    steps(match, 1);
    Object.assign(ship(match, "raider-a"), { underground: true });
    match.state.cells.get("cell-1")!.baseChosen = true;
    const orders = maquisOrders(match.state, match.ctx, "cell-1", aiSkill.normal);
    expect(orders).toContainEqual({ kind: "move", ship: "raider-a", to: { system: "athos-iv" } });
    // Without the Galor in the way it would have gone to Volan III: the choice above is the sensor picture's doing.
    ship(match, "galor-a").x = 900;
    expect(maquisOrders(match.state, match.ctx, "cell-1", aiSkill.normal)).toContainEqual({ kind: "move", ship: "raider-a", to: { system: "volan-iii" } });
  });

  it("lies in ambush in a nebula only for a warship it can beat: a passing Hideki, not a Galor", () => {
    const inStormWith = (shipClass: string) => {
      const match = matchOf(
        quietScenario((file) => {
          // Inside the Mekar nebula, with the warship passing within the raider's halved sensor reach.
          file.forces = [placement("raider-a", "maquis-raider", "cell-1", { x: 880, y: 420 }), placement("warship", shipClass, "occupier", { x: 900, y: 420 })];
        }),
      );
      steps(match, 1);
      Object.assign(ship(match, "raider-a"), { underground: true, moving: false, readyAt: 0 });
      match.state.cells.get("cell-1")!.baseChosen = true;
      return maquisOrders(match.state, match.ctx, "cell-1", aiSkill.normal);
    };
    expect(inStormWith("hideki")).toContainEqual({ kind: "ambush", ship: "raider-a" });
    expect(inStormWith("galor")).not.toContainEqual({ kind: "ambush", ship: "raider-a" });
  });

  it("at hard takes a badly hurt ship to a friendly colony to be mended, and keeps it there until it is nearly whole", () => {
    const match = matchOf(
      quietScenario((file) => {
        file.forces = [placement("raider-a", "maquis-raider", "cell-1", { x: 330, y: 330 })];
        // Solosos III already as warm as a colony gets, so it is no one's next convert: only mending takes a ship there.
        for (const system of file.map.systems) if (system.id === "solosos-iii") system.sympathy = 2;
      }),
    );
    steps(match, 1);
    const raider = ship(match, "raider-a");
    Object.assign(raider, { underground: true, moving: false, readyAt: 0, hull: 20 });
    const cell = match.state.cells.get("cell-1")!;
    cell.baseChosen = true;
    cell.baseSystem = "tracken-ii";
    // Solosos III (friendly, about 58 units off) is nearer than the base at Tracken II.
    const orders = maquisOrders(match.state, match.ctx, "cell-1", aiSkill.hard);
    expect(orders).toContainEqual({ kind: "move", ship: "raider-a", to: { system: "solosos-iii" } });
    // At normal the hurt ship goes about its work instead.
    expect(maquisOrders(match.state, match.ctx, "cell-1", aiSkill.normal)).not.toContainEqual({ kind: "move", ship: "raider-a", to: { system: "solosos-iii" } });
    // Once there, it stays put (it may still work the colony) until mended.
    const solosos = match.state.systems.get("solosos-iii")!;
    Object.assign(raider, { x: solosos.x, y: solosos.y, hull: 40 });
    expect(maquisOrders(match.state, match.ctx, "cell-1", aiSkill.hard).filter((order) => order.kind === "move")).toEqual([]);
  });
});

describe("a hard cell reads the chase and the score", () => {
  it("at hard a hunted ship runs for the cover it reaches ahead of the warship; at normal for the nearest, past the warship", () => {
    const match = matchOf(
      quietScenario((file) => {
        // The Galor (in the raider's sight) sits between the raider and the Mekar nebula; the Badlands storm lies the other way, farther.
        file.forces = [placement("raider-a", "maquis-raider", "cell-1", { x: 700, y: 450 }), placement("galor-a", "galor", "occupier", { x: 745, y: 450 })];
        // No colony would hide it, so it cannot go dark where it is.
        for (const system of file.map.systems) system.sympathy = 0;
      }),
    );
    steps(match, 1);
    Object.assign(ship(match, "raider-a"), { underground: false, moving: false, readyAt: 0 });
    match.state.cells.get("cell-1")!.baseChosen = true;
    const destination = (level: "normal" | "hard") => {
      const move = maquisOrders(match.state, match.ctx, "cell-1", aiSkill[level]).find((order) => order.kind === "move" && order.ship === "raider-a");
      const to = move?.kind === "move" && "x" in move.to ? move.to : undefined;
      expect(to, level).toBeDefined();
      return regionsAt(match.state, to!.x, to!.y).map((region) => region.kind);
    };
    expect(destination("hard")).toContain("plasma-storm");
    expect(destination("normal")).toContain("nebula");
  });

  it("at hard, ahead on points with one lost ship between the occupier and the result, keeps its hidden ships still; else works the colony", () => {
    const setUp = (shipsTheOccupierNeeds: number) => {
      const match = matchOf(
        quietScenario((file) => {
          file.forces = [placement("raider-a", "maquis-raider", "cell-1", "volan-iii")];
          // The Maquis hold 1 point (the cell lives); one kill gives the occupier 2.
          file.objectives[1] = { id: "catch-them", side: "occupier", text: "Destroy Maquis ships", points: 2, goal: { kind: "destroy", side: "maquis", count: shipsTheOccupierNeeds } };
        }),
      );
      Object.assign(ship(match, "raider-a"), { underground: true, moving: false, readyAt: 0 });
      match.state.cells.get("cell-1")!.baseChosen = true;
      return match;
    };
    const close = setUp(1);
    expect(scoresAsTheyStand(close.state, close.ctx)).toEqual({ maquis: 1, occupier: 0 });
    expect(maquisOrders(close.state, close.ctx, "cell-1", aiSkill.hard)).toEqual([]);
    expect(maquisOrders(close.state, close.ctx, "cell-1", aiSkill.normal).length).toBeGreaterThan(0);
    // Two kills away, the lead is not one loss from gone: the hard cell goes about its work.
    const far = setUp(2);
    expect(maquisOrders(far.state, far.ctx, "cell-1", aiSkill.hard).length).toBeGreaterThan(0);
  });
});

describe("breaking off a losing fight", () => {
  it("at hard fights on below its break-off hull while the foe would be wrecked first", () => {
    const match = matchOf(
      quietScenario((file) => {
        file.forces = [placement("raider-a", "maquis-raider", "cell-1", { x: 500, y: 60 }), placement("hideki-a", "hideki", "occupier", { x: 510, y: 60 })];
      }),
    );
    const raider = ship(match, "raider-a");
    const hideki = ship(match, "hideki-a");
    startEngagement(match.state, hideki, raider);
    Object.assign(raider, { hull: 25, shields: 0 });
    Object.assign(hideki, { hull: 10, shields: 0 });
    // Below both levels' break-off hull (half and 0.6 of 60), but the Hideki is nearly a wreck.
    expect(shouldBreakOff(match.state, raider, aiSkill.normal)).toBe(true);
    expect(shouldBreakOff(match.state, raider, aiSkill.hard)).toBe(false);
    // Against a whole Hideki the raider would go down first: the hard level runs too.
    Object.assign(hideki, { hull: 50, shields: 40 });
    expect(shouldBreakOff(match.state, raider, aiSkill.hard)).toBe(true);
  });

  it("a shrewder level runs sooner: on a low hull at every level but easy's, and when far outgunned at normal and hard", () => {
    const match = matchOf(
      quietScenario((file) => {
        file.forces = [placement("raider-a", "maquis-raider", "cell-1", { x: 500, y: 60 }), placement("galor-a", "galor", "occupier", { x: 510, y: 60 })];
      }),
    );
    const raider = ship(match, "raider-a");
    startEngagement(match.state, ship(match, "galor-a"), raider);
    // A Galor's 90 firepower is three times a raider's 30: outgunned past normal's limit (3) only once the raider is hurt.
    expect(shouldBreakOff(match.state, raider, aiSkill.easy)).toBe(false);
    expect(shouldBreakOff(match.state, raider, aiSkill.hard)).toBe(true);
    raider.hull = 20;
    expect(shouldBreakOff(match.state, raider, aiSkill.normal)).toBe(true);
    raider.hull = 10;
    expect(shouldBreakOff(match.state, raider, aiSkill.easy)).toBe(true);
  });
});
