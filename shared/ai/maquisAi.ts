import type { Order } from "../protocol/orders";
import { occupierWatchers, riskAt, type Watcher } from "../rules/detection";
import { distance, inRegion, inRegionKind, shipInRegionKind, shipSystemAt } from "../rules/geometry";
import type { RulesContext } from "../rules/rulesContext";
import { maquisRepairPlace, repairPlace } from "../rules/repair";
import { baseSiteCoverOf } from "../rules/siteCover";
import { classOf, effectiveFirepower, effectiveSpeed, inCover, inSensorRange, isWarship } from "../rules/shipStats";
import { isOccupierSystem } from "../rules/sides";
import { maquisCosts, OPERATION_HOURS, stormDamagePerHour } from "../rules/tuning";
import { goalProgress, scoresAsTheyStand, warshipsHolding } from "../rules/victory";
import { visibleShipIds } from "../rules/visibility";
import type { Cell, MatchState, Ship, StarSystem } from "../state/MatchState";
import { byDistanceFrom, firstLegal } from "./choose";
import { maquisAiHabits, type MaquisAiSkill } from "./difficulty";
import { shouldBreakOff } from "./fight";
import { openGoals, pathSamples, type OpenGoal } from "./objectives";

/** What one cell's AI knows this turn: its side's view of the map, and what it wants. */
interface Outlook {
  state: MatchState;
  ctx: RulesContext;
  seat: string;
  cell: Cell;
  skill: MaquisAiSkill;
  enemies: Ship[];
  /** The occupier's eyes the cell knows of: the ships it sees and the public sensor posts. */
  watchers: Watcher[];
  goals: OpenGoal[];
  /** Systems another ship of the cell is already bound for this turn. */
  claimed: Set<string>;
  /** Whether the cell is ahead and one lost ship would cost it the match (see guardsTheLead). */
  guardingLead: boolean;
}

/**
 * A Maquis cell's AI. It reads its side's objectives and works toward them (a ship to bring somewhere,
 * colonists to carry off a doomed world, colonies to win, supplies to lay in, warships to bleed), preys
 * on convoys and depots, and hides. A shrewder level reads the sensor picture before it moves or acts,
 * picks its own base, lies in ambush and breaks off a losing fight sooner; the hardest also runs from a
 * chase to cover it reaches first, fights on when the foe will break first, and guards a lead that one
 * lost ship would cost. It reads only what its side may see.
 */
export function maquisOrders(state: MatchState, ctx: RulesContext, seat: string, skill: MaquisAiSkill): Order[] {
  const cell = state.cells.get(seat);
  if (!cell || cell.eliminated) return [];
  const visible = visibleShipIds(state, "maquis");
  const enemies = [...state.ships.values()].filter((ship) => ship.side === "occupier" && visible.has(ship.id));
  // Informants are the occupier's secret; the cell knows the ships it sees and the garrisons everyone sees.
  const watchers = occupierWatchers(state).filter((watcher) => (watcher.kind === "ship" ? visible.has(watcher.shipId!) : watcher.kind === "post"));
  const guardingLead = skill.guardsTheLead && oneLossFromDefeat(state, ctx);
  const outlook: Outlook = { state, ctx, seat, cell, skill, enemies, watchers, goals: openGoals(state, ctx, "maquis"), claimed: new Set(), guardingLead };
  const orders: Order[] = [];
  const base = skill.picksBase && !cell.baseChosen ? chooseOwnBase(outlook) : null;
  if (base) orders.push(base);
  const own = [...state.ships.values()].filter((ship) => ship.seat === seat).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const ship of own) {
    const order = decide(outlook, ship);
    if (order) orders.push(order);
  }
  return orders;
}

/** Whether the Maquis lead as things stand, and the occupier's next kill would complete a goal that levels or turns the score. */
function oneLossFromDefeat(state: MatchState, ctx: RulesContext): boolean {
  const scores = scoresAsTheyStand(state, ctx);
  if (scores.maquis <= scores.occupier) return false;
  return openGoals(state, ctx, "occupier").some((open) => {
    if (open.goal.kind !== "destroy" || open.goal.side !== "maquis") return false;
    const progress = goalProgress(state, open.goal)!;
    return progress.need - progress.have <= 1 && scores.occupier + open.points >= scores.maquis;
  });
}

/** The best-hidden candidate site, nearest the colonies that feed it: decided before the cell's first operation. */
function chooseOwnBase({ state, seat, cell }: Outlook): Order | null {
  const friends = [...state.systems.values()].filter((system) => system.population > 0 && system.sympathy >= 1);
  const score = (id: string) => {
    const site = state.systems.get(id);
    if (!site) return Infinity;
    const nearestFriend = friends.reduce((best, friend) => Math.min(best, distance(friend, site)), 1000);
    return baseSiteCoverOf(state, site) * 1000 + nearestFriend + (site.garrison > 0 ? 500 : 0);
  };
  const best = [...cell.baseCandidates].sort((a, b) => score(a) - score(b) || (a < b ? -1 : 1))[0];
  if (!best || best === cell.baseSystem) return null;
  return firstLegal(state, seat, [{ kind: "chooseBase", system: best }]);
}

function decide(outlook: Outlook, ship: Ship): Order | null {
  const { state, seat, cell, skill } = outlook;
  if (ship.engagement !== "") return shouldBreakOff(state, ship, skill) ? { kind: "breakOff", ship: ship.id } : null;
  if (ship.readyAt > state.hours) return null;
  const here = shipSystemAt(state, ship);
  const warships = outlook.enemies.filter((enemy) => isWarship(enemy));
  const hunted = !ship.underground && warships.some((enemy) => distance(enemy, ship) <= classOf(enemy).sensorRange * 1.2);

  // 1. A ship the objectives name goes where it must, hunted or not: there is no better refuge.
  const errand = outlook.goals.find((goal) => goal.goal.kind === "reach" && goal.goal.ship === ship.id);
  const errandTo = errand?.goal.kind === "reach" ? state.systems.get(errand.goal.system) : undefined;
  if (errandTo && here?.id === errandTo.id) return clearRefuge(outlook, ship, errandTo);
  if (errandTo) return travel(outlook, ship, errandTo, true);
  // People to carry off the doomed world it is at: they cannot wait for the hunters to look away.
  if (here && here.doomedAt >= 0 && here.population > 0 && outlook.goals.some((goal) => goal.goal.kind === "evacuate")) {
    const evacuate = firstLegal(state, seat, [{ kind: "evacuate", ship: ship.id }]);
    if (evacuate) return evacuate;
  }
  // 2. A post the objectives say to wreck: a sound, armed ship goes for it, hunted or not, and strikes once there.
  const target = outlook.goals.find((goal) => goal.goal.kind === "garrison");
  const post = target?.goal.kind === "garrison" ? state.systems.get(target.goal.system) : undefined;
  if (post && fitToStrike(outlook, ship)) {
    if (here?.id === post.id) {
      const strike = firstLegal(state, seat, [{ kind: "strike", ship: ship.id, target: { garrison: true } }]);
      if (strike) return strike;
    } else if (!outlook.claimed.has(post.id)) {
      outlook.claimed.add(post.id);
      // A raid on a guarded post cannot wait for the guards to look away: go in at once.
      return moveTo(ship, post);
    }
  }
  // 3. Too hot, or hunted: get to cover and go dark.
  if (cell.exposure >= skill.hideAtExposure || hunted) return hide(outlook, ship);
  // Ahead, with one lost ship between the occupier and the result: nothing is worth the risk.
  if (outlook.guardingLead) {
    if (!ship.underground) return hide(outlook, ship);
    // ...but not in a storm that is tearing the ship apart: it slips out to a safer hiding place.
    return stormHurts(ship) && shipInRegionKind(state, ship, "plasma-storm") ? moveTo(ship, hideout(state, cell, ship, false)) : null;
  }
  // A shrewd cell takes a badly hurt ship to be mended (its base if unseen, else a friendly colony) before anything else.
  const resting = !ship.moving && repairPlace(state, ship) !== "underway";
  if (skill.refitsWounded && !ship.moving && !resting && ship.hull < classOf(ship).hull * maquisAiHabits.refitBelowHull) {
    for (const haven of havens(state, cell, ship)) {
      const order = travel(outlook, ship, haven, false);
      if (order) return order;
    }
  }
  // 3. Prey in reach: a convoy, or a wounded warship when the cell must bleed the occupier.
  const convoys = outlook.enemies.filter((enemy) => enemy.convoy).sort(byDistanceFrom(ship));
  const raid = firstLegal(state, seat, convoys.filter((convoy) => inSensorRange(state, ship, convoy)).map((convoy) => ({ kind: "raid", ship: ship.id, target: convoy.id })));
  if (raid) return raid;
  if (outlook.goals.some((goal) => goal.goal.kind === "destroy" && goal.goal.side === "occupier")) {
    const wounded = warships.filter((enemy) => enemy.engagement === "" && enemy.hull < classOf(enemy).hull * 0.6 && inSensorRange(state, ship, enemy));
    const strike = firstLegal(state, seat, wounded.map((enemy) => ({ kind: "strike", ship: ship.id, target: { ship: enemy.id } })));
    if (strike && outguns(ship, wounded[0]!)) return strike;
  }
  // 4. Lie in wait in cover where warships pass.
  if (skill.ambushes && inCover(state, ship) && ship.stance !== "ambush" && cell.weapons >= 1) {
    // Only a foe it can beat: an ambush that springs on a heavier warship only loses the ship.
    const passing = warships.filter((enemy) => distance(enemy, ship) <= classOf(ship).sensorRange * 2.5);
    const beatable = passing.length > 0 && passing.every((enemy) => outguns(ship, enemy));
    const ambush = beatable ? firstLegal(state, seat, [{ kind: "ambush", ship: ship.id }]) : null;
    if (ambush) return ambush;
  }
  if (ship.stance === "ambush") return null;
  // 5. Work the colony it is at, if it is safe enough to act there.
  if (here && !ship.moving && (ship.underground ? safeToAct(outlook, ship, here) : true)) {
    const work = firstLegal(state, seat, colonyWork(outlook, ship, here));
    if (work) return work;
  }
  // Mending goes on while the ship works the colony it is at, but it does not leave yet.
  if (skill.refitsWounded && resting && ship.hull < classOf(ship).hull * maquisAiHabits.refitUntilHull) return null;
  const hunt = convoys.find((convoy) => distance(convoy, ship) <= maquisAiHabits.convoyHuntRange && cell.weapons >= 1);
  if (hunt && !ship.moving) return travel(outlook, ship, hunt, false);
  if (ship.moving) return null;
  // 6. Otherwise go where the objectives point, or to the most promising colony.
  // The likeliest colony the known sensors let it reach; a careful cell tries the next rather than sit idle.
  const colonies = nextColonies(outlook, ship, here);
  for (const colony of colonies.slice(0, COLONIES_WEIGHED)) {
    const order = travel(outlook, ship, colony, false);
    if (!order) continue;
    outlook.claimed.add(colony.id);
    return order;
  }
  return colonies.length > 0 || inCover(state, ship) ? null : moveTo(ship, hideout(state, cell, ship));
}

/**
 * At the end of its errand, with the occupier's warships holding the place: strike when it is fit to and can
 * beat every guard it sees (the weakest first), else wait it out dark. A guard it cannot see it cannot answer.
 */
function clearRefuge(outlook: Outlook, ship: Ship, refuge: StarSystem): Order | null {
  const { state, seat, enemies } = outlook;
  const seen = new Set(enemies.map((enemy) => enemy.id));
  const guards = warshipsHolding(state, refuge)
    .filter((guard) => seen.has(guard.id))
    .sort((a, b) => effectiveFirepower(a) - effectiveFirepower(b));
  if (guards.length === 0) return null;
  if (fitToStrike(outlook, ship) && guards.every((guard) => outguns(ship, guard))) {
    const strike = firstLegal(state, seat, [{ kind: "strike", ship: ship.id, target: { ship: guards[0]!.id } }]);
    if (strike) return strike;
  }
  return hide(outlook, ship);
}

/** Whole enough to stay in a fight it starts, and with the weapons a strike costs. */
function fitToStrike({ cell, skill }: Outlook, ship: Ship): boolean {
  return ship.hull >= classOf(ship).hull * skill.breakOffHull && cell.weapons >= maquisCosts.strike.weapons;
}

/** How many candidate colonies an AI weighs before it waits for a better moment. */
const COLONIES_WEIGHED = 4;

/** Whether a Maquis ship, with the edge of surprise, can take on this enemy. */
function outguns(ship: Ship, enemy: Ship): boolean {
  return effectiveFirepower(ship) * 1.5 >= effectiveFirepower(enemy);
}

function hide(outlook: Outlook, ship: Ship): Order | null {
  const { state } = outlook;
  const dark = firstLegal(state, outlook.seat, [{ kind: "goDark", ship: ship.id }]);
  if (dark) return ship.stance === "dark" ? null : dark;
  const pursuers = outlook.skill.evadesPursuit ? outlook.enemies.filter(isWarship) : [];
  const refuge = pursuers.length > 0 ? escapeRoute(outlook, ship, pursuers) : undefined;
  return moveTo(ship, refuge ?? hideout(state, outlook.cell, ship));
}

/**
 * Where a hunted ship runs: of the places it could go dark (storms, nebulae, sympathetic colonies no
 * garrison watches; never its base while it is seen), the nearest it reaches with every point of the way
 * ahead of the warships it sees; if none, the one it keeps the widest lead on.
 */
function escapeRoute({ state, cell }: Outlook, ship: Ship, pursuers: Ship[]): { x: number; y: number } | undefined {
  let best: { point: { x: number; y: number }; clear: boolean; away: number; margin: number } | undefined;
  for (const point of darkPlaces(state, cell, ship)) {
    const margin = pathLead(state, ship, point, pursuers);
    const option = { point, clear: margin > 0, away: distance(ship, point), margin };
    const better = !best || (option.clear !== best.clear ? option.clear : option.clear ? option.away < best.away : option.margin > best.margin);
    if (better) best = option;
  }
  return best?.point;
}

/** Hours the ship stays ahead of the nearest of these warships, at the worst point of a straight run there (below 0: it would be caught on the way). */
function pathLead(state: MatchState, ship: Ship, point: { x: number; y: number }, pursuers: Ship[]): number {
  const speed = effectiveSpeed(state, ship);
  let lead = Infinity;
  for (const sample of pathSamples(ship, point).points) {
    let earliest = Infinity;
    for (const pursuer of pursuers) earliest = Math.min(earliest, distance(pursuer, sample) / Math.max(0.1, effectiveSpeed(state, pursuer)));
    lead = Math.min(lead, earliest - distance(ship, sample) / speed);
  }
  return lead;
}

/** Points where a ship may go dark: just inside each nebula and each storm that would not wear it down (at its corners and its middle), and colonies that would hide it. */
function darkPlaces(state: MatchState, cell: Cell, ship: Ship): { x: number; y: number }[] {
  const places: { x: number; y: number }[] = [];
  for (const region of state.regions) {
    if (!(region.kind === "plasma-storm" && !stormHurts(ship)) && region.kind !== "nebula") continue;
    // Summed as x/n (not summed then divided, as hideout does): the recorded balance figures were played with this rounding.
    const n = region.outline.length / 2;
    const middle = { x: 0, y: 0 };
    for (let i = 0; i < n; i++) [middle.x, middle.y] = [middle.x + region.outline[i * 2]! / n, middle.y + region.outline[i * 2 + 1]! / n];
    const corners = Array.from({ length: n }, (_, i) => ({
      x: region.outline[i * 2]! * 0.85 + middle.x * 0.15,
      y: region.outline[i * 2 + 1]! * 0.85 + middle.y * 0.15,
    }));
    places.push(...[...corners, middle].filter((point) => inRegion(region, point.x, point.y)));
  }
  for (const system of state.systems.values()) if (system.population > 0 && system.sympathy >= 1 && system.garrison === 0 && system.id !== cell.baseSystem) places.push(system);
  return places;
}

/** A careful cell does not act where the known sensors would likely see it before the operation is done. */
function safeToAct({ state, skill, watchers }: Outlook, ship: Ship, here: StarSystem): boolean {
  const perHour = riskAt(state, classOf(ship).stealth, here, "acting", watchers);
  return 1 - (1 - perHour) ** OPERATION_HOURS <= skill.riskTolerance;
}

/** The chance of being seen on the way, flying straight there through the known sensor picture. */
function transitRisk({ state, watchers }: Outlook, ship: Ship, point: { x: number; y: number }): number {
  const { points, spacing } = pathSamples(ship, point);
  const hoursPerSample = spacing / classOf(ship).speed;
  const stealth = classOf(ship).stealth;
  let expected = 0;
  for (const sample of points) expected -= Math.log(1 - Math.min(0.999999, riskAt(state, stealth, sample, "moving", watchers))) * hoursPerSample;
  return 1 - Math.exp(-expected);
}

/**
 * Goes somewhere; a careful cell waits in cover rather than fly an underground ship through known
 * sensor range, unless the errand cannot wait (its match is running out).
 */
function travel(outlook: Outlook, ship: Ship, point: { x: number; y: number; id?: string }, errand: boolean): Order | null {
  const { state, skill } = outlook;
  if (ship.underground && skill.riskTolerance < 1) {
    const clear = transitRisk(outlook, ship, point) <= skill.riskTolerance;
    const pressed = errand && state.lengthHours - state.hours < (distance(ship, point) / classOf(ship).speed) * 3;
    if (!clear && !pressed) return null;
  }
  if (ship.moving && Math.hypot(ship.destX - point.x, ship.destY - point.y) < 1) return null;
  return moveTo(ship, point);
}

function colonyWork({ state, cell, goals, skill }: Outlook, ship: Ship, here: StarSystem): Order[] {
  const candidates: Order[] = [];
  const evacuating = goals.some((goal) => goal.goal.kind === "evacuate");
  if (evacuating && here.doomedAt >= 0) candidates.push({ kind: "evacuate", ship: ship.id });
  const lacking = goals.some((goal) => goal.goal.kind === "supplies") || cell.supplies < 6;
  if (lacking && isOccupierSystem(state, here) && here.garrison <= 1) candidates.push({ kind: "raid", ship: ship.id, target: { depot: true } });
  if (here.garrison > 0 && goals.some((goal) => goal.goal.kind === "garrison" && goal.goal.system === here.id))
    candidates.push({ kind: "strike", ship: ship.id, target: { garrison: true } });
  if (cell.recruits < 4) candidates.push({ kind: "recruit", ship: ship.id });
  candidates.push({ kind: "agitate", ship: ship.id });
  if (skill.usesRelief && cell.supplies >= 14) candidates.push({ kind: "smuggle", ship: ship.id, goods: "relief" });
  if (cell.weapons < 3 && cell.supplies >= 8) candidates.push({ kind: "smuggle", ship: ship.id });
  if (here.garrison > 0 && cell.weapons >= maquisAiHabits.strikeWeapons && cell.exposure < 40) candidates.push({ kind: "strike", ship: ship.id, target: { garrison: true } });
  if (here.garrison > 0 && cell.weapons >= 3) candidates.push({ kind: "sabotage", ship: ship.id });
  // Not again while already going dark: each new order would restart the hours it needs unobserved.
  if (!ship.underground && ship.stance !== "dark") candidates.push({ kind: "goDark", ship: ship.id });
  return candidates;
}

/** Where to work next, best first: a doomed world with people left, a colony an objective names, then the likeliest converts. */
function nextColonies({ state, goals, claimed }: Outlook, ship: Ship, here: StarSystem | undefined): StarSystem[] {
  const open = (system: StarSystem) => system.population > 0 && !claimed.has(system.id) && system.id !== here?.id;
  if (goals.some((goal) => goal.goal.kind === "evacuate")) {
    const doomed = [...state.systems.values()]
      .filter((system) => open(system) && system.doomedAt > state.hours && system.sympathy >= 0)
      .sort((a, b) => a.doomedAt - b.doomedAt || byDistanceFrom(ship)(a, b))[0];
    if (doomed) return [doomed];
  }
  const named = new Set(goals.flatMap((goal) => (goal.goal.kind === "sympathy" ? (goal.goal.systems ?? []) : [])));
  return [...state.systems.values()]
    .filter((system) => open(system) && system.sympathy < 2 && system.garrison <= 2)
    .sort((a, b) => Number(named.has(b.id)) - Number(named.has(a.id)) || b.sympathy - a.sympathy || byDistanceFrom(ship)(a, b));
}

/** Where a ship can be mended, nearest first: its base while it is unseen (a seen ship would show the way), and friendly colonies. */
function havens(state: MatchState, cell: Cell, ship: Ship): StarSystem[] {
  return [...state.systems.values()]
    .filter((system) => maquisRepairPlace(cell.baseSystem, system) !== "underway" && (system.id !== cell.baseSystem || ship.underground))
    .sort(byDistanceFrom(ship));
}

/** Whether plasma storms wear down this ship's hull (larger ships than raiders). */
function stormHurts(ship: Ship): boolean {
  return stormDamagePerHour[classOf(ship).size] > 0;
}

/** The cell's base, or the nearest storm (unless told to keep out of them), nebula or asteroid belt. */
function hideout(state: MatchState, cell: Cell, ship: Ship, storms = true): { x: number; y: number } {
  const base = state.systems.get(cell.baseSystem);
  const covers = state.regions
    .filter((region) => (storms && region.kind === "plasma-storm") || region.kind === "nebula" || region.kind === "asteroid-field")
    .map((region) => {
      let x = 0;
      let y = 0;
      const n = region.outline.length / 2;
      for (let i = 0; i < n; i++) {
        x += region.outline[i * 2]!;
        y += region.outline[i * 2 + 1]!;
      }
      return { x: x / n, y: y / n };
    })
    // A polygon's average point can lie outside a crescent-shaped region; only real cover counts.
    .filter((point) => inRegionKind(state, point.x, point.y, "plasma-storm") || inRegionKind(state, point.x, point.y, "nebula") || inRegionKind(state, point.x, point.y, "asteroid-field"));
  const options = base ? [base, ...covers] : covers;
  return options.sort((a, b) => distance(a, ship) - distance(b, ship))[0] ?? ship;
}

function moveTo(ship: Ship, point: { x: number; y: number } & Partial<{ id: string }>): Order | null {
  if (distance(ship, point) < 1) return null;
  if (point.id !== undefined && "population" in point) return { kind: "move", ship: ship.id, to: { system: point.id } };
  return { kind: "move", ship: ship.id, to: { x: point.x, y: point.y } };
}
