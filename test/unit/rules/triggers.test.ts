import { describe, expect, it } from "vitest";
import { HOURS_PER_TICK } from "../../../shared/rules/clock";
import { startEngagement } from "../../../shared/rules/engagements";
import { loseShip } from "../../../shared/rules/fleet";
import type { Match } from "../../../shared/rules/match";
import { matchOf, placement, quietScenario, relocate, ship, stepUntil, steps, type ScenarioFile } from "./rulesHelpers";

const TICKS_PER_DAY = 24 / HOURS_PER_TICK;

/**
 * Dorvan's map, seats and objectives with three ships and the given triggers, validated in the real
 * file format. Sympathy at the start: Volan III, Solosos III and Tracken II at +1; Veloz Prime at -1;
 * Bryma and Quatal Prime at -2.
 */
function withTriggers(triggers: unknown[], edit?: (file: ScenarioFile) => void): Match {
  return matchOf(
    quietScenario((file) => {
      file.forces = [
        placement("raider-1", "maquis-raider", "cell-1", "solosos-iii"),
        placement("patrol-1", "hideki", "occupier", "bryma"),
        placement("galor-1", "galor", "occupier", "quatal-prime"),
      ];
      file.triggers = triggers;
      edit?.(file);
    }),
  );
}

const say = (text: string, to = "all") => ({ kind: "message", to, text });
const trigger = (id: string, when: unknown[], then: unknown[] = [say(id)]) => ({ id, when, then });
const fired = (match: Match) => [...match.state.firedTriggers];
const briefings = (match: Match) => match.state.log.filter((entry) => entry.kind === "briefing").map((entry) => entry.text);

describe("trigger conditions", () => {
  it("day: fires on the first step of the given day, not before", () => {
    const match = withTriggers([trigger("day-three", [{ kind: "day", atLeast: 3 }]), trigger("day-one", [{ kind: "day", atLeast: 1 }])]);
    steps(match, 1);
    expect(fired(match)).toEqual(["day-one"]);
    steps(match, 2 * TICKS_PER_DAY - 2);
    expect(match.state.hours).toBeLessThan(48);
    expect(fired(match)).toEqual(["day-one"]);
    steps(match, 1);
    expect(fired(match)).toEqual(["day-one", "day-three"]);
  });

  it("sympathy: at least, at most, and a band between", () => {
    const match = withTriggers([
      trigger("volan-devoted", [{ kind: "sympathy", system: "volan-iii", atLeast: 2 }]),
      trigger("bryma-loyal", [{ kind: "sympathy", system: "bryma", atMost: -2 }]),
      trigger("juhraya-wavering", [{ kind: "sympathy", system: "juhraya", atLeast: -1, atMost: -1 }]),
    ]);
    steps(match, 3);
    expect(fired(match)).toEqual(["bryma-loyal"]);
    match.state.systems.get("volan-iii")!.sympathy = 2;
    match.state.systems.get("juhraya")!.sympathy = -2;
    steps(match, 1);
    expect(fired(match)).toEqual(["bryma-loyal", "volan-devoted"]);
    match.state.systems.get("juhraya")!.sympathy = -1;
    steps(match, 1);
    expect(fired(match)).toEqual(["bryma-loyal", "volan-devoted", "juhraya-wavering"]);
  });

  it("control: counts systems with sympathy at +1 or more for the Maquis, -1 or less for the occupier", () => {
    const match = withTriggers([
      trigger("maquis-four", [{ kind: "control", side: "maquis", count: 4 }]),
      trigger("occupier-three", [{ kind: "control", side: "occupier", count: 3 }]),
      trigger("occupier-four", [{ kind: "control", side: "occupier", count: 4 }]),
    ]);
    steps(match, 2);
    expect(fired(match)).toEqual(["occupier-three"]);
    match.state.systems.get("juhraya")!.sympathy = 1;
    match.state.systems.get("umoth-viii")!.sympathy = -1;
    steps(match, 1);
    expect(fired(match)).toEqual(["occupier-three", "maquis-four", "occupier-four"]);
  });

  it("unitLost: a named ship, a number of one side's ships, or of either side's", () => {
    const match = withTriggers([
      trigger("patrol-gone", [{ kind: "unitLost", ship: "patrol-1" }]),
      trigger("two-occupier", [{ kind: "unitLost", side: "occupier", count: 2 }]),
      trigger("any-three", [{ kind: "unitLost", count: 3 }]),
      trigger("a-maquis", [{ kind: "unitLost", side: "maquis" }]),
    ]);
    steps(match, 1);
    expect(fired(match)).toEqual([]);
    loseShip(match.state, match.ctx, ship(match, "galor-1"), "was lost in a test");
    steps(match, 1);
    expect(fired(match)).toEqual([]);
    loseShip(match.state, match.ctx, ship(match, "patrol-1"), "was lost in a test");
    steps(match, 1);
    expect(fired(match)).toEqual(["patrol-gone", "two-occupier"]);
    loseShip(match.state, match.ctx, ship(match, "raider-1"), "was lost in a test");
    steps(match, 1);
    expect(fired(match)).toEqual(["patrol-gone", "two-occupier", "any-three", "a-maquis"]);
  });

  it("objective: fires once the named objective is done (marked at the end of the step it is met)", () => {
    const match = withTriggers([trigger("first-blood", [{ kind: "objective", id: "bleed-the-guard" }])], (file) => {
      file.objectives.push({ id: "bleed-the-guard", side: "maquis", text: "Destroy an occupier ship", points: 1, goal: { kind: "destroy", side: "occupier", count: 1 } });
    });
    steps(match, 2);
    expect(fired(match)).toEqual([]);
    loseShip(match.state, match.ctx, ship(match, "galor-1"), "was lost in a test");
    steps(match, 1);
    expect(match.state.objectives.find((o) => o.id === "bleed-the-guard")!.status).toBe("done");
    expect(fired(match)).toEqual([]);
    steps(match, 1);
    expect(fired(match)).toEqual(["first-blood"]);
  });

  it("exposure: fires when the cell's exposure reaches the level", () => {
    const match = withTriggers([trigger("hot", [{ kind: "exposure", cell: "cell-1", atLeast: 50 }])]);
    match.state.cells.get("cell-1")!.exposure = 49.5;
    steps(match, 2);
    expect(fired(match)).toEqual([]);
    match.state.cells.get("cell-1")!.exposure = 50;
    steps(match, 1);
    expect(fired(match)).toEqual(["hot"]);
  });

  it("reputation: at most and at least", () => {
    const match = withTriggers([trigger("low", [{ kind: "reputation", atMost: 20 }]), trigger("high", [{ kind: "reputation", atLeast: 90 }])]);
    steps(match, 2);
    expect(fired(match)).toEqual([]);
    match.state.reputation = 20;
    steps(match, 1);
    expect(fired(match)).toEqual(["low"]);
    match.state.reputation = 95;
    steps(match, 1);
    expect(fired(match)).toEqual(["low", "high"]);
  });

  it("needs every condition of a trigger to hold at once", () => {
    const match = withTriggers([trigger("both", [{ kind: "reputation", atMost: 30 }, { kind: "exposure", cell: "cell-1", atLeast: 40 }])]);
    match.state.reputation = 25;
    steps(match, 1);
    expect(fired(match)).toEqual([]);
    match.state.reputation = 60;
    match.state.cells.get("cell-1")!.exposure = 45;
    steps(match, 1);
    expect(fired(match)).toEqual([]);
    match.state.reputation = 25;
    steps(match, 1);
    expect(fired(match)).toEqual(["both"]);
  });

  it("shipAt: the named ship, any ship of a side, or any ship at all at the system", () => {
    const match = withTriggers([
      trigger("raider-at-dorvan", [{ kind: "shipAt", system: "dorvan-v", ship: "raider-1" }]),
      trigger("maquis-at-bryma", [{ kind: "shipAt", system: "bryma", side: "maquis" }]),
      trigger("occupier-at-solosos", [{ kind: "shipAt", system: "solosos-iii", side: "occupier" }]),
      trigger("anyone-at-bryma", [{ kind: "shipAt", system: "bryma" }]),
    ]);
    steps(match, 1);
    // The patrol starts at Bryma; the raider at Solosos III is no occupier ship.
    expect(fired(match)).toEqual(["anyone-at-bryma"]);
    const dorvan = match.state.systems.get("dorvan-v")!;
    relocate(match, "raider-1", dorvan.x + 13, dorvan.y);
    steps(match, 1);
    expect(fired(match)).toEqual(["anyone-at-bryma"]);
    relocate(match, "raider-1", dorvan.x + 11, dorvan.y);
    steps(match, 1);
    expect(fired(match)).toEqual(["anyone-at-bryma", "raider-at-dorvan"]);
    const bryma = match.state.systems.get("bryma")!;
    relocate(match, "raider-1", bryma.x, bryma.y);
    steps(match, 1);
    expect(fired(match)).toEqual(["anyone-at-bryma", "raider-at-dorvan", "maquis-at-bryma"]);
  });
});

describe("trigger effects", () => {
  /** A trigger the test sets off itself (by heating the cell to 100), on a step that is not a dawn. */
  const onSignal = (then: unknown[], edit?: (file: ScenarioFile) => void) => {
    const match = withTriggers([trigger("effect", [{ kind: "exposure", cell: "cell-1", atLeast: 100 }], then)], edit);
    steps(match, 5);
    expect(fired(match)).toEqual([]);
    const fire = () => {
      match.state.cells.get("cell-1")!.exposure = 100;
      steps(match, 1);
      expect(fired(match)).toEqual(["effect"]);
    };
    return { match, fire };
  };

  it("spawn: puts the ship into the state and the physics world, on its seat's side, Maquis ships underground", () => {
    const { match, fire } = onSignal([
      { kind: "spawn", ship: { id: "klingon-1", name: "Ki'tang", class: "klingon-bird-of-prey", seat: "cell-1", at: "dreon-vii" } },
      { kind: "spawn", ship: { id: "keldon-1", name: "Trager", class: "keldon", seat: "occupier", at: { x: 500, y: 60 }, route: ["bryma", "juhraya"] } },
    ]);
    fire();
    const klingon = ship(match, "klingon-1");
    const dreon = match.state.systems.get("dreon-vii")!;
    expect([klingon.side, klingon.underground, klingon.x, klingon.y, klingon.hull, klingon.shields]).toEqual(["maquis", true, dreon.x, dreon.y, 90, 70]);
    const keldon = ship(match, "keldon-1");
    expect([keldon.side, keldon.underground, keldon.x, keldon.y, [...keldon.route]]).toEqual(["occupier", false, 500, 60, ["bryma", "juhraya"]]);
    expect(match.ctx.world!.bodies.has("klingon-1")).toBe(true);
    expect(match.ctx.world!.bodies.has("keldon-1")).toBe(true);
    expect(match.state.ships.size).toBe(5);
    // The spawned patrol flies its route.
    steps(match, 4);
    expect(keldon.y).toBeGreaterThan(60);
  });

  it("convoy: the occupier's freighter flies its route once, tells the occupier, and delivers its cargo at the last stop", () => {
    const { match, fire } = onSignal([{ kind: "convoy", id: "freighter-dal", name: "Freighter Dal", route: ["bryma", "umoth-viii", "juhraya"], cargo: 5 }]);
    fire();
    const convoy = ship(match, "freighter-dal");
    const bryma = match.state.systems.get("bryma")!;
    expect([convoy.convoy, convoy.cargo, convoy.side, convoy.seat, convoy.shipClass, convoy.x, convoy.y, [...convoy.route]]).toEqual([
      true, 5, "occupier", "occupier", "freighter", bryma.x, bryma.y, ["bryma", "umoth-viii", "juhraya"],
    ]);
    expect(match.ctx.world!.bodies.has("freighter-dal")).toBe(true);
    const lines = match.state.log.filter((entry) => entry.kind === "convoy");
    expect(lines.map((entry) => [entry.audience, entry.text])).toEqual([["occupier", "Freighter Dal leaves Bryma for Juhraya."]]);
    const requisition = match.state.occupier.requisition;
    const umoth = match.state.systems.get("umoth-viii")!;
    stepUntil(match, () => Math.hypot(convoy.x - umoth.x, convoy.y - umoth.y) < 1, 2000);
    // Through the middle stop without delivering, on to the last.
    expect(match.state.ships.has("freighter-dal")).toBe(true);
    stepUntil(match, () => !match.state.ships.has("freighter-dal"), 4000);
    expect(match.state.occupier.requisition).toBeGreaterThanOrEqual(requisition + 5);
    expect(match.state.log.at(-1)?.text).toBe("Freighter Dal delivered 5 requisition.");
    expect([match.state.convoysLost, match.state.lostOccupier]).toEqual([0, 0]);
  });

  it("convoy: a freighter class by default and the usual cargo; fires once, so never a second ship of the id", () => {
    const { match, fire } = onSignal([{ kind: "convoy", id: "freighter-dal", name: "Freighter Dal", route: ["bryma", "umoth-viii"] }]);
    fire();
    expect([ship(match, "freighter-dal").shipClass, ship(match, "freighter-dal").cargo]).toEqual(["freighter", 8]);
    match.state.cells.get("cell-1")!.exposure = 100;
    steps(match, 3);
    expect([...match.state.ships.keys()].filter((id) => id === "freighter-dal")).toHaveLength(1);
  });

  it("remove: takes the ship out of the state and the physics world, as a departure rather than a loss", () => {
    const { match, fire } = onSignal([{ kind: "remove", ship: "galor-1" }, { kind: "remove", ship: "no-such-ship-spawned-yet" }], (file) => {
      // "remove" may name a ship a trigger spawns; this one is never spawned, and removing it does nothing.
      file.triggers.push(trigger("never", [{ kind: "day", atLeast: 1000 }], [{ kind: "spawn", ship: placement("no-such-ship-spawned-yet", "hideki", "occupier", "bryma") }]));
    });
    const reputation = match.state.reputation;
    fire();
    expect(match.state.ships.has("galor-1")).toBe(false);
    expect(match.ctx.world!.bodies.has("galor-1")).toBe(false);
    expect(match.state.ships.size).toBe(2);
    // Nobody destroyed it: no loss on the books, no blow to the occupier's standing, no Maquis objective served.
    expect([match.state.lostOccupier, match.state.lostMaquis, [...match.state.lostShips]]).toEqual([0, 0, []]);
    expect(match.state.reputation).toBe(reputation);
  });

  it("remove: ends the fight the removed ship was in", () => {
    const { match, fire } = onSignal([{ kind: "remove", ship: "patrol-1" }]);
    const raider = ship(match, "raider-1");
    startEngagement(match.state, raider, ship(match, "patrol-1"));
    expect(match.state.engagements.size).toBe(1);
    fire();
    expect(match.state.engagements.size).toBe(0);
    expect(raider.engagement).toBe("");
  });

  it("sympathy: shifts the system's sympathy, kept within -2..2", () => {
    const { match, fire } = onSignal([
      { kind: "sympathy", system: "volan-iii", by: 4 },
      { kind: "sympathy", system: "bryma", by: 1 },
      { kind: "sympathy", system: "juhraya", by: -4 },
    ]);
    fire();
    const sympathy = (id: string) => match.state.systems.get(id)!.sympathy;
    expect([sympathy("volan-iii"), sympathy("bryma"), sympathy("juhraya")]).toEqual([2, -1, -2]);
  });

  it("grant: adds to a cell's holdings or the occupier's requisition, never below zero, and moves reputation within 0..100", () => {
    const { match, fire } = onSignal([
      { kind: "grant", seat: "cell-1", supplies: -100, weapons: 5, recruits: 2, requisition: 50 },
      { kind: "grant", seat: "occupier", requisition: 7, supplies: 40, reputation: 100 },
    ]);
    const cell = match.state.cells.get("cell-1")!;
    const [weapons, recruits, requisition] = [cell.weapons, cell.recruits, match.state.occupier.requisition];
    fire();
    expect(cell.supplies).toBe(0);
    expect(cell.weapons).toBe(weapons + 5);
    expect(cell.recruits).toBe(recruits + 2);
    // Requisition goes only to the occupier's seat; supplies only to a cell.
    expect(match.state.occupier.requisition).toBe(requisition + 7);
    expect(match.state.reputation).toBe(100);
  });

  it("grant: a reputation penalty stops at zero", () => {
    const { match, fire } = onSignal([{ kind: "grant", seat: "occupier", reputation: -100, requisition: -100 }]);
    fire();
    expect(match.state.reputation).toBe(0);
    expect(match.state.occupier.requisition).toBe(0);
  });

  it("stance: lifts or imposes the treaty and adds reinforcements", () => {
    const { match, fire } = onSignal([{ kind: "stance", treaty: false, reinforcements: 3 }]);
    expect(match.state.treaty).toBe(true);
    const reinforcements = match.state.occupier.reinforcementsLeft;
    fire();
    expect(match.state.treaty).toBe(false);
    expect(match.state.occupier.reinforcementsLeft).toBe(reinforcements + 3);
  });

  it("message: logs a briefing for its audience", () => {
    const { match, fire } = onSignal([say("For the cells only.", "maquis"), say("For the Guard.", "occupier")]);
    fire();
    const entries = match.state.log.filter((entry) => entry.kind === "briefing").map((entry) => [entry.audience, entry.text, entry.tick]);
    expect(entries).toEqual([
      ["maquis", "For the cells only.", 6],
      ["occupier", "For the Guard.", 6],
    ]);
  });

  it("end: ends the match with the given winner and reason, judging the held objectives", () => {
    const { match, fire } = onSignal([{ kind: "end", winner: "occupier", reason: "Central Command declares the zone pacified" }]);
    fire();
    expect(match.state.phase).toBe("ended");
    expect(match.state.winner).toBe("occupier");
    expect(match.state.endReason).toBe("Central Command declares the zone pacified");
    expect(match.state.objectives.every((objective) => objective.status !== "open")).toBe(true);
    // The cell is alive: "Keep the cell alive" is done even though the occupier was named the winner.
    expect(match.state.objectives.find((o) => o.id === "stay-alive")!.status).toBe("done");
    const tick = match.state.tick;
    steps(match, 10);
    expect(match.state.tick).toBe(tick);
  });

  it("end: a draw", () => {
    const { match, fire } = onSignal([{ kind: "end", winner: "draw", reason: "A truce" }]);
    fire();
    expect([match.state.phase, match.state.winner]).toEqual(["ended", "draw"]);
  });
});

describe("trigger order", () => {
  it("each trigger fires once only, however long its conditions hold", () => {
    const match = withTriggers([trigger("once", [{ kind: "day", atLeast: 1 }], [say("once"), { kind: "grant", seat: "cell-1", weapons: 1 }])]);
    const weapons = match.state.cells.get("cell-1")!.weapons;
    steps(match, TICKS_PER_DAY * 3);
    expect(fired(match)).toEqual(["once"]);
    expect(briefings(match)).toEqual(["once"]);
    expect(match.state.cells.get("cell-1")!.weapons).toBe(weapons + 1);
  });

  it("triggers run in file order, each seeing what the earlier ones did in the same step; effects run in their order", () => {
    const raise = trigger("raise", [{ kind: "day", atLeast: 1 }], [say("raise: first"), { kind: "sympathy", system: "volan-iii", by: 1 }, say("raise: second")]);
    const react = trigger("react", [{ kind: "sympathy", system: "volan-iii", atLeast: 2 }]);
    const inOrder = withTriggers([raise, react]);
    steps(inOrder, 1);
    expect(fired(inOrder)).toEqual(["raise", "react"]);
    expect(briefings(inOrder)).toEqual(["raise: first", "raise: second", "react"]);

    const reversed = withTriggers([react, raise]);
    steps(reversed, 1);
    expect(fired(reversed)).toEqual(["raise"]);
    steps(reversed, 1);
    expect(fired(reversed)).toEqual(["raise", "react"]);
  });

  it("no trigger fires after one that ends the match", () => {
    const match = withTriggers([trigger("finish", [{ kind: "day", atLeast: 1 }], [{ kind: "end", winner: "maquis", reason: "Done" }]), trigger("after", [{ kind: "day", atLeast: 1 }])]);
    steps(match, 1);
    expect(fired(match)).toEqual(["finish"]);
    expect(briefings(match)).toEqual([]);
  });
});
