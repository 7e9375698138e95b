import { describe, expect, it } from "vitest";
import { HOURS_PER_TICK } from "../../../shared/rules/clock";
import { isDawn } from "../../../shared/rules/economy";
import type { Match } from "../../../shared/rules/match";
import { REFIT_COST, reputationLoss } from "../../../shared/rules/tuning";
import { addSecondCell, at, matchOf, placement, quietScenario, ship, steps, type ScenarioFile } from "./rulesHelpers";

const TICKS_PER_DAY = 24 / HOURS_PER_TICK;

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

describe("the day's yields", () => {
  it("come only at dawn: one step in ninety-six", () => {
    const match = twoCells();
    setSystem(match, "bryma", { population: 100, sympathy: -1 });
    const dawns: number[] = [];
    let requisition = match.state.occupier.requisition;
    for (let i = 0; i < TICKS_PER_DAY * 3; i++) {
      const before = match.state.hours;
      steps(match, 1);
      if (isDawn(match.state, before)) dawns.push(match.state.tick);
      if (match.state.occupier.requisition !== requisition) {
        expect(dawns.at(-1)).toBe(match.state.tick);
        requisition = match.state.occupier.requisition;
      }
    }
    expect(dawns).toEqual([TICKS_PER_DAY, TICKS_PER_DAY * 2, TICKS_PER_DAY * 3]);
    expect(requisition).toBe(10 + 3 * 2);
  });

  it("sympathetic colonies feed the cell whose base is nearest: half a supply per step of sympathy, recruits from devoted worlds", () => {
    const match = twoCells();
    const [cell1, cell2] = [match.state.cells.get("cell-1")!, match.state.cells.get("cell-2")!];
    setSystem(match, "volan-iii", { population: 12000, sympathy: 2 }); // (400, 250): nearer Solosos
    setSystem(match, "tracken-ii", { population: 7000, sympathy: 1 }); // (255, 455): nearer Solosos
    setSystem(match, "hakton-vii", { population: 3000, sympathy: 1 }); // (650, 290): nearer Juhraya
    setSystem(match, "athos-iv", { population: 0, sympathy: 2 }); // nobody lives there: nothing
    const start = [cell1.supplies, cell1.recruits, cell2.supplies, cell2.recruits];
    steps(match, TICKS_PER_DAY);
    expect(cell1.supplies - start[0]!).toBeCloseTo(1 + 0.5, 9);
    expect(cell1.recruits - start[1]!).toBeCloseTo(0.25, 9);
    expect(cell2.supplies - start[2]!).toBeCloseTo(0.5, 9);
    expect(cell2.recruits - start[3]!).toBe(0);
  });

  it("a broken cell gets nothing: its colonies feed the next nearest cell", () => {
    const match = twoCells();
    const [cell1, cell2] = [match.state.cells.get("cell-1")!, match.state.cells.get("cell-2")!];
    match.state.cells.get("cell-2")!.eliminated = true;
    setSystem(match, "hakton-vii", { population: 3000, sympathy: 2 });
    const [s1, s2] = [cell1.supplies, cell2.supplies];
    steps(match, TICKS_PER_DAY);
    expect(cell1.supplies - s1).toBeCloseTo(1, 9);
    expect(cell2.supplies).toBe(s2);
  });

  it("loyal and neutral occupier colonies pay requisition, more for loyalty and garrisons (up to two); others pay nothing", () => {
    const match = twoCells();
    const requisition = match.state.occupier.requisition;
    setSystem(match, "bryma", { population: 9000, sympathy: -2, garrison: 3 }); // 1 + 2 + 2 × 0.5 = 4
    setSystem(match, "juhraya", { population: 6000, sympathy: 0 }); // 1
    setSystem(match, "volan-iii", { population: 12000, sympathy: 1 }); // sympathetic: nothing
    setSystem(match, "dreon-vii", { population: 8000, sympathy: -2 }); // Bajoran: nothing
    setSystem(match, "umoth-viii", { population: 0, sympathy: -2, garrison: 2 }); // empty: nothing
    steps(match, TICKS_PER_DAY);
    expect(match.state.occupier.requisition - requisition).toBeCloseTo(5, 9);
  });
});

describe("intel drift at dawn", () => {
  it("garrisons and loyalty feed the occupier's intel, sympathy feeds the Maquis' and starves the occupier's, within 0..100", () => {
    const match = twoCells();
    const system = (id: string) => match.state.systems.get(id)!;
    setSystem(match, "bryma", { population: 9000, sympathy: -1, garrison: 2 });
    Object.assign(system("bryma"), { intelOccupier: 50, intelMaquis: 50 });
    setSystem(match, "volan-iii", { population: 12000, sympathy: 2, garrison: 0 });
    Object.assign(system("volan-iii"), { intelOccupier: 3, intelMaquis: 98 });
    steps(match, TICKS_PER_DAY);
    expect([system("bryma").intelOccupier, system("bryma").intelMaquis]).toEqual([50 + 8 + 2, 50 - 4 - 2]);
    expect([system("volan-iii").intelOccupier, system("volan-iii").intelMaquis]).toEqual([0, 100]);
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

  it("each large occupier ship inside the zone costs reputation at dawn while the treaty holds", () => {
    const match = warshipsIn(at.zone, true);
    const reputation = match.state.reputation;
    steps(match, TICKS_PER_DAY - 1);
    expect(match.state.reputation).toBe(reputation);
    steps(match, 1);
    expect(match.state.reputation).toBe(reputation - 2 * reputationLoss.treatyBreach);
    expect(match.state.log.some((entry) => entry.kind === "treaty" && entry.text.startsWith("2 occupier warships"))).toBe(true);
    steps(match, TICKS_PER_DAY);
    expect(match.state.reputation).toBe(reputation - 4 * reputationLoss.treatyBreach);
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
    expect(lapsed.state.reputation).toBe(58);
    lapsed.state.treaty = false;
    steps(lapsed, TICKS_PER_DAY * 2);
    expect(lapsed.state.reputation).toBe(58);
  });

  it("never takes reputation below zero", () => {
    const match = warshipsIn(at.zone, true);
    match.state.reputation = 1;
    steps(match, TICKS_PER_DAY - 1);
    // Dawn: two breaches against one point left; then the recall ends the match.
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

  it("fields a fighter at the base at dawn when it can pay, in the state and the physics world", () => {
    const match = shiplessCell(REFIT_COST.supplies + 1, REFIT_COST.recruits);
    const cell = match.state.cells.get("cell-1")!;
    steps(match, TICKS_PER_DAY - 1);
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
    // One is enough: the next dawn fields no other.
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
