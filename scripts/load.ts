/**
 * `npm run load -- [options]`: real SDK clients from their own processes fill M matches of a scenario
 * (every seat held by a connected client), vote the speed, and hold it for T seconds after a settle;
 * then the same harness fills as many rooms of a minimal Colyseus room (scripts/load/minimalRoom.ts)
 * as the baseline. The server's own figures (event-loop lag, CPU, RSS) come from its /admin/metrics
 * route, reset after the settle; the clients count join errors, bytes received and the game clock.
 * Prints a table and one JSON line per run (`"metric":"load"`), then the comparison.
 *
 * Without --url the harness starts server/main.ts itself (fresh data folder, ADMIN_PASSWORD and
 * TRUST_PROXY set), pinned to --server-core, and the client processes to --client-core.
 * With --find-capacity it steps the match count up (--steps) until the budget fails: lag p99 ≤ 20 ms
 * and the clock at ≥ 99% of real time (report.ts), and the same for the baseline (--baseline-steps).
 */
import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { SPEEDS } from "../shared/protocol/matchMessages";
import { ensureClientBuilt } from "../test/support/clientBuild";
import { ClientPool } from "./load/clientPool";
import { watchCore } from "./load/coreLoad";
import { MINIMAL_READY_LINE } from "./load/minimalRoom";
import { CLOCK_BUDGET, LAG_P99_BUDGET_MS, SHARED_CORE_WARNING_PERCENT, summarize, table, type RunResult } from "./load/report";
import { hasTaskset, runningServer, startServer, type ServerUnderLoad } from "./load/serverProcess";
import type { Target } from "./load/workerProtocol";

const MAQUIS_READY_LINE = "Maquis is running";

function fail(message: string): never {
  console.error(`load: ${message}`);
  process.exit(2);
}

const { values } = parseArgs({
  allowNegative: true,
  options: {
    matches: { type: "string", default: "10" },
    scenario: { type: "string", default: "mirror-rigel-2298" },
    seconds: { type: "string", default: "20" },
    settle: { type: "string", default: "5" },
    speed: { type: "string", default: "4" },
    "clients-per-match": { type: "string" },
    "client-processes": { type: "string", default: "2" },
    "order-seconds": { type: "string", default: "10" },
    url: { type: "string" },
    "admin-password": { type: "string" },
    baseline: { type: "boolean", default: true },
    "baseline-url": { type: "string" },
    "baseline-rooms": { type: "string" },
    "baseline-clients": { type: "string" },
    "server-core": { type: "string", default: "0" },
    "client-core": { type: "string", default: "1" },
    "find-capacity": { type: "boolean", default: false },
    steps: { type: "string", default: "50,100,150,200,250,300" },
    "baseline-steps": { type: "string", default: "100,200,300,400,500,600,700,800,900,1000" },
    "join-concurrency": { type: "string", default: "8" },
  },
});

function whole(name: string, min = 1): number {
  const raw = values[name as keyof typeof values] as string;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) fail(`--${name} must be a whole number of at least ${min} (got "${raw}")`);
  return value;
}

function counts(name: string, raw: string): number[] {
  const list = raw.split(",").map((part) => Number(part.trim()));
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n < 1)) fail(`--${name} must be whole numbers of at least 1, separated by commas (got "${raw}")`);
  return list;
}

/** A core number, or null for "do not pin" (`none`, a machine with one core, or no taskset). */
function core(name: string): number | null {
  const raw = values[name as keyof typeof values] as string;
  if (raw === "none") return null;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value >= availableParallelism()) fail(`--${name} must be a core from 0 to ${availableParallelism() - 1}, or "none" (got "${raw}")`);
  return availableParallelism() > 1 ? value : null;
}

const settings = {
  scenario: values.scenario,
  seconds: whole("seconds"),
  settle: whole("settle", 0),
  speed: whole("speed"),
  clientProcesses: whole("client-processes"),
  orderSeconds: whole("order-seconds", 0),
  joinConcurrency: whole("join-concurrency"),
  serverCore: core("server-core"),
  clientCore: core("client-core"),
};
if (!(SPEEDS as readonly number[]).includes(settings.speed)) fail(`--speed must be one the players can vote: ${SPEEDS.filter((speed) => speed > 0).join(", ")} (got ${settings.speed})`);
const clientsPerMatchOption = values["clients-per-match"] === undefined ? undefined : whole("clients-per-match");
const baselineClientsOption = values["baseline-clients"] === undefined ? undefined : whole("baseline-clients");
const password = values["admin-password"] ?? process.env.ADMIN_PASSWORD ?? randomBytes(18).toString("base64url");
if (values.url && !values["admin-password"] && !process.env.ADMIN_PASSWORD) fail("--url needs --admin-password (or ADMIN_PASSWORD): the server's figures come from its /admin/metrics");

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

async function seatsOf(server: ServerUnderLoad, scenario: string): Promise<string[]> {
  const response = await fetch(`${server.url}/api/scenarios/${encodeURIComponent(scenario)}`);
  if (!response.ok) fail(`the server has no scenario "${scenario}" (${response.status})`);
  return ((await response.json()) as { seats: { id: string }[] }).seats.map((seat) => seat.id);
}

async function serverFor(target: Target): Promise<ServerUnderLoad> {
  const url = target === "maquis" ? values.url : values["baseline-url"];
  if (url) return runningServer(url, password);
  const options = { core: settings.serverCore, password };
  return target === "maquis" ? startServer("server/main.ts", MAQUIS_READY_LINE, options) : startServer("scripts/load/minimalServer.ts", MINIMAL_READY_LINE, options);
}

/** One run: a server (started or given), its rooms filled, the speed voted, settled, then one measured window. */
async function run(target: Target, rooms: number): Promise<RunResult> {
  const server = await serverFor(target);
  let pool: ClientPool | undefined;
  try {
    const seats = target === "maquis" ? await seatsOf(server, settings.scenario) : [];
    const clientsPerRoom = target === "maquis" ? (clientsPerMatchOption ?? seats.length) : (baselineClientsOption ?? clientsPerMatchOption ?? 4);
    const speed = target === "maquis" ? settings.speed : 1;
    pool = await ClientPool.start(settings.clientProcesses, settings.clientCore);
    const joinStarted = performance.now();
    const joined = await pool.join(
      { url: server.url, target, scenario: settings.scenario, seats, clientsPerRoom, concurrency: settings.joinConcurrency, orderSeconds: settings.orderSeconds },
      rooms,
    );
    const joinSeconds = (performance.now() - joinStarted) / 1000;
    if (target === "maquis") await pool.go(speed);
    await sleep(settings.settle);
    await Promise.all([server.metrics(true), pool.mark()]);
    const coreBusy = watchCore(server.started ? settings.serverCore : null);
    await sleep(settings.seconds);
    const [windows, figures] = await Promise.all([pool.read(), server.metrics()]);
    const busy = coreBusy();
    await pool.leave();
    const shape = { target, scenario: target === "maquis" ? settings.scenario : null, rooms, clientsPerRoom, speed, joinSeconds: Number(joinSeconds.toFixed(1)) };
    return summarize(shape, joined, windows, figures, busy);
  } catch (error) {
    const output = server.output();
    throw new Error(`${(error as Error).message}${output ? `\nserver output:\n${output.slice(-3000)}` : ""}`);
  } finally {
    pool?.kill();
    await server.stop();
  }
}

function print(result: RunResult): void {
  console.log(table([result]).split("\n")[1]);
  if (result.joinErrors > 0) console.log(`  join errors, e.g.: ${result.joinErrorSamples.join(" | ")}`);
  if (result.drops > 0 || Object.keys(result.refusals).length > 0) console.log(`  drops ${result.drops}, server refusals ${JSON.stringify(result.refusals)}`);
  if ((result.serverCoreOthersPercent ?? 0) > SHARED_CORE_WARNING_PERCENT)
    console.log(`  other processes took ${result.serverCoreOthersPercent}% of the server's core: lag and clock are not the server's alone`);
  if (result.roomsNotPlaying > 0) console.log(`  ${result.roomsNotPlaying} room(s) were not playing at the measured speed at the end of the window`);
}

/** Runs each count in turn; with `untilFail`, stops at the first run outside the budget. */
async function series(target: Target, roomCounts: number[], untilFail: boolean): Promise<RunResult[]> {
  const results: RunResult[] = [];
  for (const rooms of roomCounts) {
    const result = await run(target, rooms);
    results.push(result);
    print(result);
    if (untilFail && !result.withinBudget) break;
  }
  return results;
}

/** The most rooms held within the budget: the last passing count before the first failure. */
function capacity(results: RunResult[]): number {
  let held = 0;
  for (const result of results) {
    if (!result.withinBudget) break;
    held = result.rooms;
  }
  return held;
}

const findCapacity = values["find-capacity"];
const matchCounts = counts(findCapacity ? "steps" : "matches", findCapacity ? values.steps : values.matches);
const baselineCounts = counts(findCapacity ? "baseline-steps" : "baseline-rooms", findCapacity ? values["baseline-steps"] : (values["baseline-rooms"] ?? values.matches));
console.log(
  `load: ${settings.scenario} at ${settings.speed}×, ${settings.settle} s settle + ${settings.seconds} s measured; server on core ${settings.serverCore ?? "any"}, ` +
    `${settings.clientProcesses} client process(es) on core ${settings.clientCore ?? "any"}${hasTaskset ? "" : " (no taskset: not pinned)"}; budget: lag p99 ≤ ${LAG_P99_BUDGET_MS} ms, clock ≥ ${CLOCK_BUDGET * 100}%`,
);
if (!values.url) await ensureClientBuilt();
console.log(table([]));
const maquis = await series("maquis", matchCounts, findCapacity);
const baseline = values.baseline ? await series("baseline", baselineCounts, findCapacity) : [];
const all = [...maquis, ...baseline];

console.log(`\n${table(all)}\n`);
for (const result of all) console.log(JSON.stringify(result));
if (findCapacity) {
  const held = { maquisMatches: capacity(maquis), baselineRooms: values.baseline ? capacity(baseline) : null };
  const ratio = held.baselineRooms ? Number((held.maquisMatches / held.baselineRooms).toFixed(3)) : null;
  // Every step passing means the capacity is at least the last step: more steps were not tried.
  const atLeast = { maquis: maquis.at(-1)?.withinBudget ?? false, baseline: baseline.at(-1)?.withinBudget ?? false };
  console.log(JSON.stringify({ metric: "load_capacity", scenario: settings.scenario, speed: settings.speed, ...held, ratio, atLeast }));
} else if (baseline.length > 0) {
  for (const result of maquis) {
    const twin = baseline.find((other) => other.rooms === result.rooms);
    if (twin) console.log(JSON.stringify({ metric: "load_cost_ratio", rooms: result.rooms, cpuPerRoomRatio: Number((result.cpuPercentPerRoom / Math.max(twin.cpuPercentPerRoom, 1e-9)).toFixed(2)) }));
  }
}
process.exit(0);
