import type { Order } from "../protocol/orders";
import { distance, systemAt } from "../rules/geometry";
import type { RulesContext } from "../rules/rulesContext";
import { classOf, inCover, inSensorRange, isWarship } from "../rules/shipStats";
import { visibleShipIds } from "../rules/visibility";
import type { Cell, MatchState, Ship, StarSystem } from "../state/MatchState";
import { byDistanceFrom, firstLegal } from "./choose";
import { maquisAiHabits, type AiSkill } from "./difficulty";

/**
 * A Maquis cell's AI: prey on convoys, win colonies over, arm, and go to ground when the heat is on.
 * It reads only what its side may see.
 */
export function maquisOrders(state: MatchState, ctx: RulesContext, seat: string, skill: AiSkill): Order[] {
  const cell = state.cells.get(seat);
  if (!cell || cell.eliminated) return [];
  const orders: Order[] = [];
  const visible = visibleShipIds(state, ctx, "maquis");
  const enemies = [...state.ships.values()].filter((ship) => ship.side === "occupier" && visible.has(ship.id));
  const own = [...state.ships.values()].filter((ship) => ship.seat === seat).sort((a, b) => (a.id < b.id ? -1 : 1));
  const claimed = new Set<string>();
  for (const ship of own) {
    const order = decide(state, ctx, seat, cell, ship, enemies, claimed, skill);
    if (order) orders.push(order);
  }
  return orders;
}

function decide(state: MatchState, ctx: RulesContext, seat: string, cell: Cell, ship: Ship, enemies: Ship[], claimed: Set<string>, skill: AiSkill): Order | null {
  if (ship.engagement !== "") return ship.hull < classOf(ship).hull * maquisAiHabits.breakOffHull ? { kind: "breakOff", ship: ship.id } : null;
  if (ship.readyAt > state.hours) return null;
  const warships = enemies.filter((enemy) => isWarship(enemy));
  const threatened = warships.some((enemy) => distance(enemy, ship) <= classOf(enemy).sensorRange * 1.2);
  const here = systemAt(state, ship.x, ship.y);

  // Too hot, or hunted: get to cover and go dark.
  if (cell.exposure >= skill.hideAtExposure || (threatened && !ship.underground)) {
    const dark = firstLegal(state, seat, [{ kind: "goDark", ship: ship.id }]);
    if (dark) return ship.stance === "dark" ? null : dark;
    return moveTo(ship, hideout(state, cell, ship));
  }
  // Prey: a convoy in reach, or one worth chasing.
  const convoys = enemies.filter((enemy) => enemy.convoy).sort(byDistanceFrom(ship));
  const raid = firstLegal(state, seat, convoys.filter((c) => inSensorRange(state, ship, c)).map((c) => ({ kind: "raid", ship: ship.id, target: c.id })));
  if (raid) return raid;
  const prey = convoys.find((convoy) => distance(convoy, ship) <= maquisAiHabits.convoyHuntRange && cell.weapons >= 1);
  if (prey) return { kind: "move", ship: ship.id, to: { x: prey.x, y: prey.y } };
  // Work the colony it is at.
  if (here && !ship.moving) {
    const work = firstLegal(state, seat, colonyWork(ctx, cell, ship, here));
    if (work) return work;
  }
  if (ship.moving) return null;
  // Otherwise head for the most promising colony not already taken by another ship of the cell.
  const target = [...state.systems.values()]
    .filter((system) => system.population > 0 && system.sympathy < 2 && system.garrison <= 1 && !claimed.has(system.id) && system.id !== here?.id)
    .sort((a, b) => b.sympathy - a.sympathy || byDistanceFrom(ship)(a, b))[0];
  if (!target) return inCover(state, ship) ? null : moveTo(ship, hideout(state, cell, ship));
  claimed.add(target.id);
  return moveTo(ship, target);
}

function colonyWork(ctx: RulesContext, cell: Cell, ship: Ship, here: StarSystem): Order[] {
  const wantsEvacuees = ctx.scenario.objectives.some((objective) => objective.side === "maquis" && objective.goal.kind === "evacuate");
  const candidates: Order[] = [];
  if (wantsEvacuees) candidates.push({ kind: "evacuate", ship: ship.id });
  if (cell.recruits < 4) candidates.push({ kind: "recruit", ship: ship.id });
  candidates.push({ kind: "agitate", ship: ship.id });
  if (cell.weapons < 3 && cell.supplies >= 8) candidates.push({ kind: "smuggle", ship: ship.id });
  if (here.garrison > 0 && cell.weapons >= maquisAiHabits.strikeWeapons && cell.exposure < 40) candidates.push({ kind: "strike", ship: ship.id, target: { garrison: true } });
  if (here.garrison > 0 && cell.weapons >= 3) candidates.push({ kind: "sabotage", ship: ship.id });
  // Not again while already going dark: each new order would restart the hours it needs unobserved.
  if (!ship.underground && ship.stance !== "dark") candidates.push({ kind: "goDark", ship: ship.id });
  return candidates;
}

/** The cell's base, or the nearest storm or nebula. */
function hideout(state: MatchState, cell: Cell, ship: Ship): { x: number; y: number } {
  const base = state.systems.get(cell.baseSystem);
  const covers = state.regions
    .filter((region) => region.kind === "plasma-storm" || region.kind === "nebula")
    .map((region) => {
      let x = 0;
      let y = 0;
      const n = region.outline.length / 2;
      for (let i = 0; i < n; i++) {
        x += region.outline[i * 2]!;
        y += region.outline[i * 2 + 1]!;
      }
      return { x: x / n, y: y / n };
    });
  const options = base ? [base, ...covers] : covers;
  return options.sort((a, b) => distance(a, ship) - distance(b, ship))[0] ?? ship;
}

function moveTo(ship: Ship, point: { x: number; y: number } & Partial<{ id: string }>): Order | null {
  if (distance(ship, point) < 1) return null;
  if (point.id !== undefined && "population" in point) return { kind: "move", ship: ship.id, to: { system: point.id } };
  return { kind: "move", ship: ship.id, to: { x: point.x, y: point.y } };
}
