/**
 * The training scenario played through the rules as a player following the card would: the orders a
 * person gives, the occupier's AI at its hardest level in its seat, and after each action the tutorial
 * evaluator on the Maquis seat's state, which must reach exactly the next step, ending with the win.
 *
 * The evaluator runs on two states: the server's whole state, every 40 steps (what a client refreshing
 * every 250 ms sees at 16×), and at each checkpoint the seat's own decoded view (FogOfWar's StateView
 * through the schema encoder and decoder, as the browser holds it). The whole state is a superset of the
 * view; both must give the same step, so the steps' conditions read only what the seat may see.
 */
import { describe, expect, it } from "vitest";
import { tutorialProgress, type TutorialFacts } from "../../../client/tutorial/tutorialProgress";
import type { Order } from "../../../shared/protocol/orders";
import { applyOrder } from "../../../shared/rules/applyOrder";
import { distance } from "../../../shared/rules/geometry";
import { createMatch, type Match } from "../../../shared/rules/match";
import { playTick } from "../../../shared/rules/playTick";
import { inSensorRange } from "../../../shared/rules/shipStats";
import { AT_SYSTEM_RADIUS } from "../../../shared/rules/tuning";
import type { TutorialStep } from "../../../shared/scenario/tutorialSchema";
import type { Ship } from "../../../shared/state/MatchState";
import { decodedView } from "../../support/decodedView";
import { bundledScenario } from "../../support/scenarios";
import { relocate, stepUntil, steps } from "../rules/rulesHelpers";

const SEAT = "cell-1";
const SHIP = "sparrow";
/** How often the client's 250 ms refresh comes at the fastest speed, in simulation steps. */
const REFRESH_TICKS = 40;

class Walk {
  readonly match: Match;
  readonly steps: readonly TutorialStep[];
  readonly facts: TutorialFacts = { seat: SEAT, selectedShip: null, sensorsShown: true };
  /** The step reached, as the client would keep it. */
  reached = 0;
  /** The step reached at the last checkpoint: the decoded view is evaluated from there. */
  private checkpointed = 0;
  ticks = 0;
  /** The step ids the checkpoints reached, in order. */
  readonly visited: string[] = [];

  constructor(seed: number) {
    const scenario = bundledScenario("training-2370");
    this.match = createMatch(scenario, seed);
    this.steps = scenario.tutorial!.steps;
  }

  get ship(): Ship {
    return this.match.state.ships.get(SHIP)!;
  }

  /** The step the index points at, or "done". */
  idAt(index: number): string {
    return this.steps[index]?.id ?? "done";
  }

  order(order: Order): void {
    expect(applyOrder(this.match.state, SEAT, order, this.match.ctx), `${order.kind} should be accepted`).toEqual({ ok: true });
  }

  /** Plays steps (the occupier's AI in its seat) until the predicate holds, refreshing the card as a client does. */
  until(predicate: () => boolean, max = 3000): void {
    for (let i = 0; i < max; i++) {
      if (predicate()) return;
      if (this.match.state.phase !== "playing") break;
      playTick(this.match, ["occupier"], { occupier: "hard", maquis: "normal" });
      this.ticks += 1;
      if (this.ticks % REFRESH_TICKS === 0) this.reached = tutorialProgress(this.steps, this.match.state, this.facts, this.reached);
    }
    expect(predicate(), "the walk should get there").toBe(true);
  }

  atSystem(id: string): boolean {
    const system = this.match.state.systems.get(id)!;
    return !this.ship.moving && distance(this.ship, system) <= AT_SYSTEM_RADIUS;
  }

  ready(): boolean {
    return this.match.state.hours >= this.ship.readyAt;
  }

  /** Sends the ship and plays until it is there (or the match is over: coming home may win it as the ship enters orbit). */
  flyTo(system: string): void {
    this.until(() => this.ready());
    this.order({ kind: "move", ship: SHIP, to: { system } });
    this.until(() => this.atSystem(system) || this.match.state.phase !== "playing");
  }

  /** The card after the player's last action: the same step on the whole state and on the seat's decoded view. */
  expectStep(id: string): void {
    const onState = tutorialProgress(this.steps, this.match.state, this.facts, this.checkpointed);
    const view = decodedView(this.match, { side: "maquis", seat: SEAT });
    const onView = tutorialProgress(this.steps, view, this.facts, this.checkpointed);
    expect([this.idAt(onView), this.idAt(onState)]).toEqual([id, id]);
    // The client's own running count (refreshed every 40 steps) never got ahead of the checkpoints.
    expect(this.reached).toBeLessThanOrEqual(onState);
    this.reached = onState;
    this.checkpointed = onState;
    if (this.visited.at(-1) !== id) this.visited.push(id);
  }
}

describe("the training scenario, walked through as its card says", () => {
  it("reaches each step in turn from the player's own state, and ends with the Maquis win", () => {
    const walk = new Walk(1);
    const { state } = walk.match;
    const cell = () => state.cells.get(SEAT)!;

    // 1. Select the ship: nothing selected, or someone else's ship, is not it.
    walk.expectStep("select");
    walk.facts.selectedShip = "patrol-tarel";
    walk.expectStep("select");
    walk.facts.selectedShip = SHIP;
    walk.expectStep("move");

    // 2. Move to Solosos III: on the way the card waits.
    walk.order({ kind: "move", ship: SHIP, to: { system: "solosos-iii" } });
    walk.until(() => walk.ticks >= 60);
    walk.expectStep("move");
    walk.until(() => walk.atSystem("solosos-iii"));
    walk.expectStep("recruit");

    // 3. Recruit.
    walk.order({ kind: "recruit", ship: SHIP });
    expect(cell().recruits).toBe(3);
    walk.expectStep("agitate");

    // 4. Agitate at Volan III, under its garrison's sensor post: the ship is seen, exposure rises.
    walk.flyTo("volan-iii");
    walk.expectStep("agitate");
    walk.order({ kind: "agitate", ship: SHIP });
    expect(walk.ship.underground).toBe(false);
    expect(cell().exposure).toBeGreaterThanOrEqual(5);
    walk.expectStep("go-dark");

    // 5. Back to a friendly colony and go dark; the card waits until the ship is hidden again.
    walk.flyTo("solosos-iii");
    walk.expectStep("go-dark");
    walk.order({ kind: "goDark", ship: SHIP });
    expect(walk.ship.stance).toBe("dark");
    walk.expectStep("go-dark");
    walk.until(() => walk.ship.underground);
    walk.expectStep("sensors");

    // 6. To Soltok IV with the sensor picture shown: arriving with it hidden is not enough.
    walk.facts.sensorsShown = false;
    walk.flyTo("soltok-iv");
    walk.expectStep("sensors");
    walk.facts.sensorsShown = true;
    walk.expectStep("raid");

    // 7. The convoy the step promises is on its way; raid it once it shows on the ship's own sensors.
    expect(state.ships.get("freighter-kessa")?.convoy).toBe(true);
    const convoyInReach = () => {
      const convoy = state.ships.get("freighter-kessa");
      return convoy !== undefined && walk.ready() && inSensorRange(state, walk.ship, convoy);
    };
    walk.until(convoyInReach);
    expect(decodedView(walk.match, { side: "maquis", seat: SEAT }).ships.has("freighter-kessa")).toBe(true);
    const taken = () => state.objectives.find((objective) => objective.id === "take-a-convoy")!.status === "done";
    // A raid may be fought off (one in four): then the ship tries again once it is ready.
    for (let attempt = 0; attempt < 4 && !taken(); attempt++) {
      walk.until(convoyInReach);
      walk.order({ kind: "raid", ship: SHIP, target: "freighter-kessa" });
      // The objective is marked done at the end of the next step.
      walk.until(() => taken() || walk.ready());
    }
    expect(taken()).toBe(true);
    walk.expectStep("base");

    // 8. Home to the base in the Badlands.
    walk.flyTo("athos-iv");
    const colonies = () => [...state.systems.values()].filter((system) => system.population > 0 && system.sympathy >= 1).length;
    if (colonies() >= 2) {
      // Volan III was won and held: the last objective was already met, and coming home wins at once.
      walk.expectStep("done");
    } else {
      walk.expectStep("win");
      // 9. A second colony: Soltok IV has no garrison to win it back.
      walk.flyTo("soltok-iv");
      walk.expectStep("win");
      for (let attempt = 0; attempt < 8 && state.phase === "playing"; attempt++) {
        walk.until(() => walk.ready() || state.phase !== "playing");
        if (state.phase === "playing") walk.order({ kind: "agitate", ship: SHIP });
        walk.until(() => walk.ready() || state.phase !== "playing");
      }
      walk.expectStep("done");
    }
    expect([state.phase, state.winner]).toEqual(["ended", "maquis"]);
    expect(state.endReason).toBe("the cell won two colonies, took a convoy and brought its ship home");
    // With this seed the walk needs every step, the last one included.
    expect(walk.visited).toEqual(["select", "move", "recruit", "agitate", "go-dark", "sensors", "raid", "base", "win", "done"]);
    // The orders take about five minutes at 1× (ten steps a second); reading the card adds the rest of the 10–15.
    expect(walk.ticks).toBeLessThan(5 * 60 * 10);
  });

  it("a player slow to raid still meets a freighter: the first shuttles for a month, and another comes from day 40", () => {
    const match = createMatch(bundledScenario("training-2370"), 1);
    const { state } = match;
    const soltok = state.systems.get("soltok-iv")!;
    relocate(match, SHIP, soltok.x, soltok.y);
    steps(match, 1);
    expect(state.ships.get("freighter-kessa")?.convoy).toBe(true);
    const days = () => state.hours / 24;
    stepUntil(match, () => !state.ships.has("freighter-kessa"), 10_000);
    expect(days()).toBeGreaterThan(30);
    expect(state.ships.has("freighter-otal")).toBe(false);
    stepUntil(match, () => state.ships.has("freighter-otal"), 10_000);
    expect(Math.floor(days()) + 1).toBe(40);
  });
});
