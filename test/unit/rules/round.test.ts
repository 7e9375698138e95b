import { describe, expect, it } from "vitest";
import { HOURS_PER_TICK } from "../../../shared/rules/clock";
import { applyOrder } from "../../../shared/rules/applyOrder";
import type { Match } from "../../../shared/rules/match";
import { stepRound } from "../../../shared/rules/round";
import { populationWeight } from "../../../shared/rules/populationWeight";
import { DEFAULT_ROUND_HOURS, intelDrift, LIE_LOW_EXPOSURE_PER_ROUND, maquisStanding, REFIT_COST, reputationLoss, roundIncome } from "../../../shared/rules/tuning";
import { addSecondCell, at, matchOf, placement, quietScenario, ship, steps, type ScenarioFile } from "./rulesHelpers";

const TICKS_PER_DAY = 24 / HOURS_PER_TICK;
const TICKS_PER_ROUND = DEFAULT_ROUND_HOURS / HOURS_PER_TICK;

/** Every colony empty and neutral, so a test decides exactly which worlds yield what. */
function emptyMap(file: ScenarioFile): void {
  for (const system of file.map.systems) {
    system.population = 0;
    system.sympathy = 0;
    system.garrison = 0;
  }
}

function setSystem(match: Match, id: string, fields: { population?: number; sympathy?: number; garrison?: number; controller?: string }): void {
  Object.assign(match.state.systems.get(id)!, fields);
}

/** Two cells with bases at opposite ends of the map: cell-1 at Solosos III (300, 380), cell-2 at Juhraya (800, 250). */
function twoCells(): Match {
  const match = matchOf(
    quietScenario((file) => {
      addSecondCell(file);
      // Each cell keeps a ship out of the way, so no refit muddles the sums.
      file.forces = [placement("raider-1", "maquis-raider", "cell-1", at.open), placement("raider-2", "maquis-raider", "cell-2", at.open)];
      emptyMap(file);
    }),
  );
  match.state.cells.get("cell-1")!.baseSystem = "solosos-iii";
  match.state.cells.get("cell-2")!.baseSystem = "juhraya";
  return match;
}

describe("the round's income", () => {
  it("comes only at the end of each round (a week unless the scenario sets its own), with a report to each side", () => {
    const match = twoCells();
    setSystem(match, "bryma", { population: 100_000, sympathy: -1 });
    const paid: number[] = [];
    let requisition = match.state.occupier.requisition;
    for (let i = 0; i < TICKS_PER_ROUND * 2; i++) {
      steps(match, 1);
      if (match.state.occupier.requisition !== requisition) {
        paid.push(match.state.tick);
        requisition = match.state.occupier.requisition;
      }
    }
    expect(paid).toEqual([TICKS_PER_ROUND, TICKS_PER_ROUND * 2]);
    // A loyal colony of 100,000 (weight 1): the base and one step of loyalty.
    expect(requisition).toBeCloseTo(10 + 2 * (roundIncome.requisition.base + roundIncome.requisition.perLoyalty), 4);
    const reports = match.state.log.filter((entry) => entry.kind === "round");
    expect(reports.map((entry) => entry.audience).sort()).toEqual(["cell-1", "cell-1", "cell-2", "cell-2", "occupier", "occupier"]);
    expect(reports.find((entry) => entry.audience === "occupier")!.text).toBe(
      "Round 1: +14.0 requisition; reputation 60; 0 colonies lean to the Maquis, 1 is loyal. Objectives: Locate the base 0/1.",
    );
  });

  it("a scenario's own period: hourly rounds in an hour-scale crisis", () => {
    const match = matchOf(
      quietScenario((file) => {
        emptyMap(file);
        file.rules = { treatyInForce: false, hoursPerTick: 0.01, roundHours: 1 };
      }),
    );
    setSystem(match, "bryma", { population: 100_000, sympathy: -1 });
    const start = match.state.occupier.requisition;
    steps(match, 99);
    expect(match.state.occupier.requisition).toBe(start);
    steps(match, 1);
    expect(match.state.occupier.requisition).toBeGreaterThan(start);
  });

  it("weighs colonies by their people: 400 colonists pay a fifth of 100,000, four million a half more", () => {
    expect(populationWeight(0)).toBe(0);
    expect(populationWeight(400)).toBeCloseTo(0.2, 2);
    expect(populationWeight(100_000)).toBe(1);
    expect(populationWeight(4_000_000)).toBeCloseTo(1.53, 2);
    expect(populationWeight(20_000_000_000)).toBe(2);
    const match = twoCells();
    const cell1 = match.state.cells.get("cell-1")!;
    setSystem(match, "volan-iii", { population: 400, sympathy: 1 });
    setSystem(match, "tracken-ii", { population: 100_000, sympathy: 1 });
    const start = cell1.supplies;
    steps(match, TICKS_PER_ROUND);
    expect(cell1.supplies - start).toBeCloseTo(roundIncome.suppliesPerSympathy * (populationWeight(400) + 1), 4);
  });

  it("sympathetic colonies feed the cell whose base is nearest; devoted ones send recruits, more when the movement stands high", () => {
    const match = twoCells();
    const [cell1, cell2] = [match.state.cells.get("cell-1")!, match.state.cells.get("cell-2")!];
    setSystem(match, "volan-iii", { population: 100_000, sympathy: 2 }); // (400, 250): nearer Solosos
    setSystem(match, "hakton-vii", { population: 100_000, sympathy: 1 }); // (650, 290): nearer Juhraya
    setSystem(match, "athos-iv", { population: 0, sympathy: 2 }); // nobody lives there: nothing
    match.state.maquisStanding = 75;
    const start = [cell1.supplies, cell1.recruits, cell2.supplies, cell2.recruits];
    steps(match, TICKS_PER_ROUND);
    expect(cell1.supplies - start[0]!).toBeCloseTo(2 * roundIncome.suppliesPerSympathy, 4);
    expect(cell1.recruits - start[1]!).toBeCloseTo(roundIncome.recruitsFromDevotedColony * (75 / maquisStanding.start), 4);
    expect(cell2.supplies - start[2]!).toBeCloseTo(roundIncome.suppliesPerSympathy, 4);
    expect(cell2.recruits - start[3]!).toBe(0);
  });

  it("a broken cell gets nothing: its colonies feed the next nearest cell", () => {
    const match = twoCells();
    const [cell1, cell2] = [match.state.cells.get("cell-1")!, match.state.cells.get("cell-2")!];
    cell2.eliminated = true;
    setSystem(match, "hakton-vii", { population: 100_000, sympathy: 2 });
    const [s1, s2] = [cell1.supplies, cell2.supplies];
    steps(match, TICKS_PER_ROUND);
    expect(cell1.supplies - s1).toBeCloseTo(2 * roundIncome.suppliesPerSympathy, 4);
    expect(cell2.supplies).toBe(s2);
  });

  it("loyal and neutral occupier colonies pay requisition, more for loyalty and garrisons (up to two); others pay nothing", () => {
    const match = twoCells();
    const requisition = match.state.occupier.requisition;
    const { base, perLoyalty, perGarrison } = roundIncome.requisition;
    setSystem(match, "bryma", { population: 100_000, sympathy: -2, garrison: 3 });
    setSystem(match, "juhraya", { population: 100_000, sympathy: 0 });
    setSystem(match, "volan-iii", { population: 12000, sympathy: 1 }); // sympathetic: nothing
    setSystem(match, "dreon-vii", { population: 8000, sympathy: -2 }); // Bajoran: nothing
    setSystem(match, "umoth-viii", { population: 0, sympathy: -2, garrison: 2 }); // empty: nothing
    steps(match, TICKS_PER_ROUND);
    expect(match.state.occupier.requisition - requisition).toBeCloseTo(base + 2 * perLoyalty + 2 * perGarrison + base, 4);
  });
});

describe("intel drift each round", () => {
  it("garrisons, loyalty and ships in orbit feed the occupier's intel; sympathy and Maquis operations erode it and feed the Maquis', within 0..100", () => {
    const match = twoCells();
    const system = (id: string) => match.state.systems.get(id)!;
    setSystem(match, "bryma", { population: 9000, sympathy: -1, garrison: 1 });
    Object.assign(system("bryma"), { intelOccupier: 30, intelMaquis: 50, maquisActivity: 2 });
    setSystem(match, "volan-iii", { population: 12000, sympathy: 2, garrison: 0 });
    Object.assign(system("volan-iii"), { intelOccupier: 3, intelMaquis: 98 });
    steps(match, TICKS_PER_ROUND);
    expect(system("bryma").intelOccupier).toBe(
      30 + intelDrift.occupierPerGarrison + intelDrift.occupierFromLoyalColony - 2 * intelDrift.occupierLostPerMaquisOperation,
    );
    expect(system("bryma").intelMaquis).toBe(50 - intelDrift.maquisPerSympathy + 2 * intelDrift.maquisPerOperation - intelDrift.maquisLostPerGarrison);
    expect(system("bryma").maquisActivity).toBe(0);
    expect([system("volan-iii").intelOccupier, system("volan-iii").intelMaquis]).toEqual([0, 100]);
  });

  it("a Maquis operation at a colony counts as activity there", () => {
    const match = twoCells();
    match.state.ships.get("raider-1")!.x = match.state.systems.get("volan-iii")!.x;
    match.state.ships.get("raider-1")!.y = match.state.systems.get("volan-iii")!.y;
    setSystem(match, "volan-iii", { population: 12000, sympathy: 0, garrison: 0 });
    expect(applyOrder(match.state, "cell-1", { kind: "agitate", ship: "raider-1" }, match.ctx)).toEqual({ ok: true });
    expect(match.state.systems.get("volan-iii")!.maquisActivity).toBe(1);
  });
});

describe("exposure each round", () => {
  it("a cell that lay low all round sheds LIE_LOW_EXPOSURE_PER_ROUND; one that worked half of it, half as much; never below zero", () => {
    const match = twoCells();
    const [cell1, cell2] = [match.state.cells.get("cell-1")!, match.state.cells.get("cell-2")!];
    cell1.exposure = 50;
    cell2.exposure = 50;
    steps(match, TICKS_PER_ROUND / 2);
    cell2.lastOperationHour = match.state.hours;
    steps(match, TICKS_PER_ROUND / 2);
    expect(cell1.exposure).toBeCloseTo(50 - LIE_LOW_EXPOSURE_PER_ROUND, 4);
    expect(cell2.exposure).toBeCloseTo(50 - LIE_LOW_EXPOSURE_PER_ROUND / 2, 4);
    steps(match, TICKS_PER_ROUND);
    expect(cell1.exposure).toBe(0);
  });
});

describe("the movement's standing", () => {
  it("low standing loses sympathetic colonies; high standing wins neutral ones (over many rounds)", () => {
    const low = twoCells();
    setSystem(low, "volan-iii", { population: 12000, sympathy: 1 });
    low.state.maquisStanding = maquisStanding.low - 1;
    const high = twoCells();
    setSystem(high, "volan-iii", { population: 12000, sympathy: 0 });
    high.state.maquisStanding = maquisStanding.high + 1;
    // Forty rounds, longer than the test scenario runs: the odds per round are small.
    for (let round = 0; round < 40; round++) {
      stepRound(low.state, low.ctx);
      stepRound(high.state, high.ctx);
    }
    expect(low.state.systems.get("volan-iii")!.sympathy).toBeLessThan(1);
    expect(high.state.systems.get("volan-iii")!.sympathy).toBeGreaterThan(0);
  });
});

describe("treaty breaches", () => {
  function warshipsIn(where: { x: number; y: number }, treaty: boolean): Match {
    return matchOf(
      quietScenario((file) => {
        file.rules = { treatyInForce: treaty, hoursPerTick: 0.25 };
        file.forces = [
          placement("galor-a", "galor", "occupier", where),
          placement("galor-b", "galor", "occupier", { x: where.x + 10, y: where.y }),
          placement("hideki-a", "hideki", "occupier", where),
        ];
      }),
    );
  }

  it("each large occupier ship inside the zone costs reputation every step while the treaty holds, and its crossing is news at once", () => {
    const match = warshipsIn(at.zone, true);
    const reputation = match.state.reputation;
    steps(match, 1);
    expect(match.state.reputation).toBeCloseTo(reputation - (2 * reputationLoss.treatyBreachPerDay * HOURS_PER_TICK) / 24, 5);
    expect(match.state.log.filter((entry) => entry.kind === "treaty").map((entry) => entry.text)).toEqual([
      "The Galor-class warship has crossed into the zone in breach of the treaty.".replace("Galor-class warship", match.state.ships.get("galor-a")!.name),
      "The Galor-class warship has crossed into the zone in breach of the treaty.".replace("Galor-class warship", match.state.ships.get("galor-b")!.name),
    ]);
    steps(match, TICKS_PER_DAY - 1);
    expect(match.state.reputation).toBeCloseTo(reputation - 2 * reputationLoss.treatyBreachPerDay, 3);
    // Still inside: no new crossing to report.
    expect(match.state.log.filter((entry) => entry.kind === "treaty")).toHaveLength(2);
  });

  it("costs nothing outside the zone, or once the treaty is gone", () => {
    const outside = warshipsIn(at.open, true);
    steps(outside, TICKS_PER_DAY * 2);
    expect(outside.state.reputation).toBe(60);
    const noTreaty = warshipsIn(at.zone, false);
    steps(noTreaty, TICKS_PER_DAY * 2);
    expect(noTreaty.state.reputation).toBe(60);
    const lapsed = warshipsIn(at.zone, true);
    steps(lapsed, TICKS_PER_DAY);
    expect(lapsed.state.reputation).toBeCloseTo(58, 3);
    lapsed.state.treaty = false;
    const after = lapsed.state.reputation;
    steps(lapsed, TICKS_PER_DAY * 2);
    expect(lapsed.state.reputation).toBe(after);
  });

  it("never takes reputation below zero", () => {
    const match = warshipsIn(at.zone, true);
    match.state.reputation = 0.01;
    steps(match, 1);
    expect(match.state.reputation).toBe(0);
  });
});

describe("refitting a cell that has lost its ships", () => {
  function shiplessCell(supplies: number, recruits: number): Match {
    const match = matchOf(quietScenario((file) => emptyMap(file)));
    const cell = match.state.cells.get("cell-1")!;
    cell.supplies = supplies;
    cell.recruits = recruits;
    return match;
  }

  it("fields a fighter at the base as soon as it can pay, in the state and the physics world", () => {
    const match = shiplessCell(REFIT_COST.supplies + 1, REFIT_COST.recruits);
    const cell = match.state.cells.get("cell-1")!;
    expect(match.state.ships.size).toBe(0);
    steps(match, 1);
    const fighters = [...match.state.ships.values()];
    expect(fighters).toHaveLength(1);
    const fighter = fighters[0]!;
    const base = match.state.systems.get(cell.baseSystem)!;
    expect([fighter.shipClass, fighter.seat, fighter.side, fighter.x, fighter.y, fighter.underground]).toEqual(["maquis-fighter", "cell-1", "maquis", base.x, base.y, true]);
    expect(fighter.hull).toBe(25);
    expect(match.ctx.world!.bodies.has(fighter.id)).toBe(true);
    expect(cell.supplies).toBe(1);
    expect(cell.recruits).toBe(0);
    // One is enough: no other follows while it flies.
    cell.supplies = 100;
    cell.recruits = 100;
    steps(match, TICKS_PER_DAY);
    expect(match.state.ships.size).toBe(1);
  });

  it("fields nothing when short of supplies or recruits, when it still has a ship, or when its base is found", () => {
    const poor = shiplessCell(REFIT_COST.supplies - 0.5, 10);
    steps(poor, TICKS_PER_DAY);
    expect(poor.state.ships.size).toBe(0);
    expect(poor.state.cells.get("cell-1")!.supplies).toBe(REFIT_COST.supplies - 0.5);

    const few = shiplessCell(50, REFIT_COST.recruits - 1);
    steps(few, TICKS_PER_DAY);
    expect(few.state.ships.size).toBe(0);

    const found = shiplessCell(50, 10);
    found.state.occupier.foundBases.set("cell-1", found.state.cells.get("cell-1")!.baseSystem);
    steps(found, TICKS_PER_DAY);
    expect(found.state.ships.size).toBe(0);

    const armed = matchOf(
      quietScenario((file) => {
        emptyMap(file);
        file.forces = [placement("raider-a", "maquis-raider", "cell-1", at.open)];
      }),
    );
    armed.state.cells.get("cell-1")!.supplies = 50;
    armed.state.cells.get("cell-1")!.recruits = 10;
    steps(armed, TICKS_PER_DAY);
    expect([...armed.state.ships.keys()]).toEqual(["raider-a"]);
    expect(ship(armed, "raider-a").seat).toBe("cell-1");
  });
});

describe("the round report", () => {
  it("tells each side how far its open counted objectives have come", () => {
    const match = matchOf(quietScenario((file) => {
      file.objectives.push({ id: "win-three", side: "maquis", text: "Win three colonies", points: 1, goal: { kind: "sympathy", atLeast: 1, count: 3 } });
    }));
    for (const system of match.state.systems.values()) system.sympathy = 0;
    setSystem(match, "volan-iii", { population: 12000, sympathy: 1 });
    setSystem(match, "tracken-ii", { population: 7000, sympathy: 2 });
    stepRound(match.state, match.ctx);
    const report = match.state.log.find((entry) => entry.kind === "round" && entry.audience === "cell-1")!.text;
    expect(report.endsWith("Objectives: Win three colonies 2/3.")).toBe(true);
  });
});
