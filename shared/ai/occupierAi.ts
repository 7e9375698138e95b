import type { Order } from "../protocol/orders";
import { distance, inRegionKind, shipInRegionKind, shipSystemAt } from "../rules/geometry";
import type { RulesContext } from "../rules/rulesContext";
import { classOf, inSensorRange, isWarship } from "../rules/shipStats";
import { isOccupierSystem } from "../rules/sides";
import { MIN_ASSAULT_FIREPOWER, occupierCosts, SWEEP_FINDS_BASE_INTEL, SWEEP_MIN_INTEL } from "../rules/tuning";
import { scaledHours } from "../rules/timeScale";
import { visibleShipIds } from "../rules/visibility";
import type { MatchState, Ship, StarSystem } from "../state/MatchState";
import { byDistanceFrom, firstLegal } from "./choose";
import { occupierAiHabits, PATH_SAMPLE_SPACING, type OccupierAiSkill } from "./difficulty";
import { shouldBreakOff } from "./fight";
import { openGoals } from "./objectives";

/**
 * The occupier's AI: hunt what it can see, hit located bases, guard what the Maquis' objectives aim at
 * (a depot, a refuge, a doomed world), buy intel where the Maquis may hide (the scenario's candidate
 * sites are public), win colonies with aid or hold them with garrisons, keep convoys running, and break
 * off a losing fight. It reads only what the occupier may see.
 */
export function occupierOrders(state: MatchState, ctx: RulesContext, seat: string, skill: OccupierAiSkill): Order[] {
  const orders: Order[] = [];
  const visible = visibleShipIds(state, "occupier");
  const seenMaquis = [...state.ships.values()].filter((ship) => ship.side === "maquis" && visible.has(ship.id));
  const systems = [...state.systems.values()];
  const own = [...state.ships.values()].filter((ship) => ship.seat === seat).sort((a, b) => (a.id < b.id ? -1 : 1));
  const claimed = new Set<string>();
  const posts = skill.guardsTargets ? guardPosts(state, ctx) : [];
  const sites = suspectSites(state, ctx);
  const issue = (order: Order | null) => {
    if (order) orders.push(order);
    return order !== null;
  };

  for (const ship of own) {
    if (ship.engagement !== "" && shouldBreakOff(state, ship, skill)) {
      orders.push({ kind: "breakOff", ship: ship.id });
      continue;
    }
    if (ship.convoy || ship.engagement !== "" || ship.readyAt > state.hours) continue;
    // 1. Fight what is in reach: in its sensors and no farther than it would go after a raider (a green commander fights only what comes close).
    const inReach = seenMaquis
      .filter((target) => target.engagement === "" && inSensorRange(state, ship, target) && distance(ship, target) <= skill.chaseRange)
      .sort(byDistanceFrom(ship));
    if (issue(firstLegal(state, seat, inReach.map((target) => ({ kind: "assault", ship: ship.id, target: { ship: target.id } }))))) continue;
    // 2. Hit a located base with a warship.
    if (classOf(ship).firepower >= MIN_ASSAULT_FIREPOWER) {
      const baseCell = [...state.occupier.foundBases.entries()].find(([id]) => !state.cells.get(id)?.eliminated);
      if (baseCell) {
        const [cellId, systemId] = baseCell;
        const base = state.systems.get(systemId)!;
        if (issue(firstLegal(state, seat, [{ kind: "assault", ship: ship.id, target: { base: cellId } }]))) continue;
        // A careful commander does not cross the zone for a base while the treaty holds; the ship finds other work.
        if (skill.breachesTreaty || !breachesTreaty(state, ship, base)) {
          if (ship.destSystem !== base.id || !ship.moving) orders.push({ kind: "move", ship: ship.id, to: { system: base.id } });
          continue;
        }
      }
    }
    // 3. Chase a visible raider (a careful commander keeps capital ships out of the zone while the treaty holds).
    // A careful commander does not follow a raider into a plasma storm with a ship the storm would tear apart.
    const stormproof = (target: Ship) => !skill.avoidsStorms || classOf(ship).size !== "large" || !shipInRegionKind(state, target, "plasma-storm");
    const quarry = seenMaquis
      .filter((target) => distance(ship, target) <= skill.chaseRange && stormproof(target) && (skill.breachesTreaty || !breachesTreaty(state, ship, target)))
      .sort(byDistanceFrom(ship))[0];
    if (quarry && isWarship(ship)) {
      orders.push({ kind: "move", ship: ship.id, to: { x: quarry.x, y: quarry.y } });
      continue;
    }
    // 4. Work the system it is at.
    const here = shipSystemAt(state, ship);
    if (here && !ship.moving && issue(firstLegal(state, seat, systemWork(state, ship, here, skill, sites)))) continue;
    // 5. Warships stand guard where the Maquis' objectives point, one to a post.
    const post = isWarship(ship) ? posts.find((system) => !claimed.has(system.id) && (skill.breachesTreaty || !breachesTreaty(state, ship, system))) : undefined;
    if (post) {
      claimed.add(post.id);
      if (here?.id !== post.id && (ship.destSystem !== post.id || !ship.moving)) orders.push({ kind: "move", ship: ship.id, to: { system: post.id } });
      continue;
    }
    // 6. Keep a patrol route; light ships without one are given a beat through the restless colonies.
    if (ship.route.length > 0 || ship.moving) continue;
    if (classOf(ship).size === "small") {
      const beat = systems
        .filter((system) => system.population > 0 && system.sympathy >= 0 && (skill.breachesTreaty || !breachesTreaty(state, ship, system)))
        .sort((a, b) => b.sympathy - a.sympathy || byDistanceFrom(ship)(a, b))
        .slice(0, occupierAiHabits.patrolBeatStops)
        .map((system) => system.id);
      if (beat.length >= 2) {
        orders.push({ kind: "patrol", ship: ship.id, route: beat });
        continue;
      }
    }
    // Otherwise go where the Maquis are winning, or (a shrewd commander) where the scenario says a base may hide.
    const suspect = systems
      .filter((system) => ((system.population > 0 && system.sympathy >= 1) || (skill.searchesSites && sites.has(system.id))) && !claimed.has(system.id))
      .filter((system) => skill.breachesTreaty || !breachesTreaty(state, ship, system))
      .sort((a, b) => b.sympathy - a.sympathy || byDistanceFrom(ship)(a, b))[0];
    const home = systems.filter((s) => isOccupierSystem(state, s) && (skill.breachesTreaty || !breachesTreaty(state, ship, s)));
    const destination = suspect ?? home.sort(byDistanceFrom(ship))[state.tick % Math.min(3, Math.max(1, home.length))];
    if (destination) {
      claimed.add(destination.id);
      orders.push({ kind: "move", ship: ship.id, to: { system: destination.id } });
    }
  }
  orders.push(...logistics(state, seat, skill));
  return orders;
}

/**
 * Whether sending this ship to that point would take a capital ship into the zone while the treaty
 * holds: at its destination or anywhere on the straight way there. A ship already inside may leave.
 */
export function breachesTreaty(state: MatchState, ship: Ship, point: { x: number; y: number }): boolean {
  if (!state.treaty || classOf(ship).size !== "large") return false;
  const samples = Math.max(1, Math.ceil(distance(ship, point) / PATH_SAMPLE_SPACING));
  let wasInside = shipInRegionKind(state, ship, "zone");
  for (let i = 1; i <= samples; i++) {
    const x = ship.x + ((point.x - ship.x) * i) / samples;
    const y = ship.y + ((point.y - ship.y) * i) / samples;
    const inside = inRegionKind(state, x, y, "zone");
    if (inside && (!wasInside || i === samples)) return true;
    wasInside = inside;
  }
  return false;
}

function systemWork(state: MatchState, ship: Ship, here: StarSystem, skill: OccupierAiSkill, sites: Set<string>): Order[] {
  const candidates: Order[] = [];
  const spare = state.occupier.requisition - occupierAiHabits.requisitionReserve;
  if ((here.sympathy >= 1 || sites.has(here.id)) && here.intelOccupier >= SWEEP_MIN_INTEL) candidates.push({ kind: "sweep", ship: ship.id });
  const rested = state.hours - here.crackedDownAt >= scaledHours(state, occupierAiHabits.crackdownCooldownHours);
  const crackdownWanted =
    rested && (skill.crackdowns === "reckless" ? here.sympathy >= 1 : skill.crackdowns === "measured" ? here.sympathy >= 2 && state.reputation > 40 : false);
  if (crackdownWanted) candidates.push({ kind: "crackdown", ship: ship.id });
  if (skill.usesRelief && here.population > 0 && here.sympathy >= 0 && here.sympathy <= 1 && spare >= occupierCosts.aid) candidates.push({ kind: "aid", ship: ship.id });
  if (here.intelOccupier < 50 && here.population > 0) candidates.push({ kind: "informants", ship: ship.id });
  if (here.garrison < skill.garrisonTarget && spare >= occupierCosts.garrison) candidates.push({ kind: "garrison", ship: ship.id });
  return candidates;
}

/**
 * Systems worth a warship on guard, from the Maquis' open objectives (public, like the whole scenario
 * file): a depot they mean to destroy, a system a named ship must reach, doomed worlds they would empty.
 */
function guardPosts(state: MatchState, ctx: RulesContext): StarSystem[] {
  const ids: string[] = [];
  for (const { goal } of openGoals(state, ctx, "maquis")) {
    if (goal.kind === "garrison" || goal.kind === "reach") ids.push(goal.system);
    if (goal.kind === "evacuate")
      for (const system of state.systems.values()) if (system.doomedAt > state.hours && system.population > 0) ids.push(system.id);
  }
  return [...new Set(ids)].map((id) => state.systems.get(id)).filter((system): system is StarSystem => system !== undefined);
}

/** Candidate base sites still worth searching, while the occupier must find bases: the scenario file names them for all to read. */
function suspectSites(state: MatchState, ctx: RulesContext): Set<string> {
  const hunting = openGoals(state, ctx, "occupier").some(({ goal }) => goal.kind === "findBases" || goal.kind === "eliminateCells");
  if (!hunting) return new Set();
  const found = new Set(state.occupier.foundBases.values());
  const sites = ctx.scenario.seats.flatMap((seat) => (seat.side === "maquis" ? seat.baseCandidates : []));
  return new Set(sites.filter((id) => !found.has(id) && (state.systems.get(id)?.intelOccupier ?? 100) < SWEEP_FINDS_BASE_INTEL + 20));
}

/** Convoys and reinforcements: the occupier's economy. */
function logistics(state: MatchState, seat: string, skill: OccupierAiSkill): Order[] {
  const orders: Order[] = [];
  const depots = [...state.systems.values()].filter((system) => isOccupierSystem(state, system) && system.sympathy <= 0);
  const convoys = [...state.ships.values()].filter((ship) => ship.convoy).length;
  if (convoys < skill.convoys && depots.length >= 2) {
    const from = depots[state.tick % depots.length]!;
    const to = depots[(state.tick + 1 + Math.floor(state.hours / 24)) % depots.length]!;
    const order = firstLegal(state, seat, [{ kind: "convoy", from: from.id, to: to.id }]);
    if (order) orders.push(order);
  }
  const threat = [...state.systems.values()].filter((system) => system.sympathy >= 1).length;
  if (skill.eagerReinforcement || threat >= state.systems.size / 2) {
    const order = firstLegal(state, seat, [{ kind: "reinforce" }]);
    if (order && state.occupier.requisition - occupierCosts.reinforce >= occupierAiHabits.requisitionReserve) orders.push(order);
  }
  return orders;
}
