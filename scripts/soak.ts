/**
 * `npm run soak [-- --minutes N] [-- --seed S]`: the real server as its own process, attacked for N
 * minutes (default 10) by the fuzz suite's generators (test/support/fuzz.ts) while honest players play
 * and watch the lobby. Prints one JSON line per sample (the child's memory) and a JSON summary:
 * messages, disconnects, errors, crashes (child exits; the child is restarted) and memory growth.
 * Exits non-zero when the server crashed, a handler failed, or an honest client was disturbed.
 *
 * Memory is the server's own heap as /health reports it, beside the process's resident set (VmRSS
 * from /proc). The child trusts X-Forwarded-For (TRUST_PROXY=1) and every simulated client comes
 * from its own address, as players behind a proxy would: the per-address limits are not under test here.
 */
import { Client, type Room } from "@colyseus/sdk";
import fc from "fast-check";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../server/config";
import { findFreePort } from "../server/portCheck";
import { MatchMessageType } from "../shared/protocol/matchMessages";
import { MessageType, type ErrorMessage } from "../shared/protocol/messages";
import { attackPlan, LOBBY_MESSAGE_TYPES, MATCH_MESSAGE_TYPES, type FuzzTargets } from "../test/support/fuzz";
import { addCounts, emptyCounts, runAttack, type AttackerSpec } from "../test/support/fuzzAttackers";

const SCENARIO = "bryma-2370";
const HONEST_SEAT = "cell-1";
/** One round: a fresh match and the lobby attacked together, then the honest clients are checked. */
const ROUND_SECONDS = 30;
const MESSAGES_PER_ROUND = 2000;
const SAMPLE_SECONDS = 10;
const READY_TIMEOUT_MS = 30_000;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const minutes = Number(option("minutes") ?? 10);
const seed = Number(option("seed") ?? process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
if (!(minutes > 0) || !Number.isInteger(seed)) {
  console.error(`soak: --minutes must be a positive number and --seed an integer (got ${option("minutes")}, ${option("seed")})`);
  process.exit(2);
}

const dataDir = mkdtempSync(join(tmpdir(), "maquis-soak-"));
let port = 0;
let child: ChildProcess | undefined;
let crashes = 0;
let stopping = false;
/** True while the honest clients leave at the end of a round: their close is then no finding. */
let honestLeaving = false;

/** Starts server/main.ts and waits for its ready line; an exit not asked for counts as a crash and restarts it. */
async function startServer(): Promise<void> {
  port = await findFreePort();
  const started = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn", TRUST_PROXY: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child = started;
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    // What the server logs as an error is worth seeing now, not only in the summary.
    for (const line of chunk.toString().split("\n")) if (line.includes('"level":50') || line.includes('"level":60')) console.error(`server: ${line.slice(0, 400)}`);
  };
  started.stdout!.on("data", keep);
  started.stderr!.on("data", keep);
  started.once("exit", (code, signal) => {
    if (stopping) return;
    crashes++;
    console.error(`soak: the server exited (code ${code}, signal ${signal}); last output:\n${output.slice(-4000)}`);
    void startServer();
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!output.includes("Maquis is running")) {
    if (Date.now() > deadline || started.exitCode !== null) throw new Error(`the server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The server's heap in use, as its /health reports it. */
async function heapOfServer(): Promise<number | undefined> {
  try {
    const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { memory?: { heapUsedMb: number } };
    return health.memory?.heapUsedMb;
  } catch {
    return undefined;
  }
}

function memoryOfChild(): { rssMb: number; peakRssMb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${child!.pid}/status`, "utf8");
    const kb = (field: string) => Number(/(\d+) kB/.exec(status.split("\n").find((line) => line.startsWith(field)) ?? "")?.[1] ?? NaN);
    return { rssMb: Math.round(kb("VmRSS:") / 1024), peakRssMb: Math.round(kb("VmHWM:") / 1024) };
  } catch {
    return undefined;
  }
}

let addresses = 0;
/** A client from an address of its own (10.x.y.z), as behind a proxy. */
function freshClient(): Client {
  addresses++;
  const address = `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}`;
  return new Client(`http://127.0.0.1:${port}`, { headers: { "x-forwarded-for": address } });
}

/** What an honest client saw during a round; anything here is a finding. */
interface HonestWatch {
  room: Room;
  problems: string[];
}

function watchHonest(room: Room, label: string): HonestWatch {
  const watch: HonestWatch = { room, problems: [] };
  room.onMessage(MessageType.error, (error: ErrorMessage) => watch.problems.push(`${label} was refused: ${error.code} ${error.message}`));
  room.onMessage("*", () => {});
  room.onLeave((code: number) => {
    if (!honestLeaving) watch.problems.push(`${label} was disconnected (${code})`);
  });
  return watch;
}

const totals = emptyCounts();
const honestProblems: string[] = [];
let rounds = 0;

async function playRound(roundSeed: number, budgetMs: number): Promise<void> {
  const honestPlayer = watchHonest(await freshClient().create("match", { scenario: SCENARIO, seat: HONEST_SEAT, name: "Honest" }), "the honest player");
  const honestLobby = watchHonest(await freshClient().joinOrCreate("lobby"), "the honest lobby watcher");
  const matchId = honestPlayer.room.roomId;
  const stateArrived = () => ((honestPlayer.room.state as { systems?: Map<string, unknown> } | undefined)?.systems?.size ?? 0) > 0;
  if (!stateArrived()) await new Promise((resolve) => honestPlayer.room.onStateChange.once(resolve));
  const state = honestPlayer.room.state as { ships: Map<string, unknown>; systems: Map<string, unknown>; seats: Map<string, unknown> };
  // The honest player plays: one legitimate order a round, its own ship to a known system.
  const ownShip = [...(state.ships as unknown as Map<string, { seat: string }>).entries()].find(([, ship]) => ship.seat === HONEST_SEAT)?.[0];
  const system = [...state.systems.keys()][0];
  if (ownShip && system) honestPlayer.room.send(MessageType.order, { kind: "move", ship: ownShip, to: { system } });
  honestPlayer.room.send(MatchMessageType.voteSpeed, { speed: 2 });

  const seated = (seat: string): AttackerSpec => ({
    name: seat,
    join: (attempt) => freshClient().joinById(matchId, { scenario: SCENARIO, seat: attempt < 6 ? seat : "spectator", name: `Attacker ${seat}` }),
    reconnect: (token) => freshClient().reconnect(token),
  });
  const matchAttackers = [seated("cell-2"), seated("occupier"), { name: "spectator", join: () => freshClient().joinById(matchId, { scenario: SCENARIO, seat: "spectator" }) }];
  const lobbyAttackers: AttackerSpec[] = [0, 1].map((index) => ({ name: `lobby-${index}`, join: () => freshClient().joinById(honestLobby.room.roomId, {}) }));
  // The attackers see only what a client sees: ids of ships in their view, every seat and system.
  const matchTargets: FuzzTargets = { declaredTypes: MATCH_MESSAGE_TYPES, ships: [...state.ships.keys()], seats: [...state.seats.keys()], systems: [...state.systems.keys()] };
  const lobbyTargets: FuzzTargets = { declaredTypes: LOBBY_MESSAGE_TYPES, ships: [], seats: ["match", "lobby", "replay"], systems: [] };
  const [matchPlan] = fc.sample(attackPlan(matchTargets, matchAttackers.length, MESSAGES_PER_ROUND), { seed: roundSeed, numRuns: 1 });
  const [lobbyPlan] = fc.sample(attackPlan(lobbyTargets, lobbyAttackers.length, MESSAGES_PER_ROUND), { seed: roundSeed + 1, numRuns: 1 });
  const counts = await Promise.all([runAttack(matchAttackers, matchPlan!, { timeBudgetMs: budgetMs }), runAttack(lobbyAttackers, lobbyPlan!, { timeBudgetMs: budgetMs })]);
  for (const count of counts) addCounts(totals, count);

  // A positive signal before judging the honest player: its own vote comes back in a patch.
  honestPlayer.room.send(MatchMessageType.voteSpeed, { speed: 1 });
  const deadline = Date.now() + 5000;
  while ((honestPlayer.room.state as { speed: number }).speed !== 1 && Date.now() < deadline && honestPlayer.room.connection.isOpen) await new Promise((resolve) => setTimeout(resolve, 50));
  if ((honestPlayer.room.state as { speed: number }).speed !== 1) honestPlayer.problems.push("the honest player's speed vote never came back");
  honestProblems.push(...honestPlayer.problems, ...honestLobby.problems);
  honestLeaving = true;
  const leaving = [honestPlayer, honestLobby].map((watch) => watch.room.connection.isOpen ? watch.room.leave(true).catch(() => 0) : Promise.resolve(0),
  );
  honestLeaving = true;
  await Promise.all(leaving);
  honestLeaving = false;
  rounds++;
}

async function main(): Promise<void> {
  await startServer();
  const started = Date.now();
  const end = started + minutes * 60_000;
  const first = memoryOfChild();
  const firstHeap = await heapOfServer();
  const samples: number[] = [];
  const heapSamples: number[] = [];
  const sample = async () => {
    const memory = memoryOfChild();
    const heapUsedMb = await heapOfServer();
    if (memory) samples.push(memory.rssMb);
    if (heapUsedMb !== undefined) heapSamples.push(heapUsedMb);
    console.log(JSON.stringify({ seconds: Math.round((Date.now() - started) / 1000), heapUsedMb, ...memory, messages: totals.sent, disconnects: totals.disconnects, errorReplies: totals.errorReplies, serverFaults: totals.serverFaults, crashes }));
  };
  await sample();
  const sampler = setInterval(() => void sample(), SAMPLE_SECONDS * 1000);
  while (Date.now() < end - 5000) {
    const budget = Math.min(ROUND_SECONDS * 1000, end - Date.now() - 3000);
    try {
      await playRound(seed + rounds * 2, budget);
    } catch (error) {
      honestProblems.push(`round ${rounds}: ${(error as Error).message}`);
      rounds++;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  clearInterval(sampler);
  await sample();
  const last = samples.at(-1);
  const summary = {
    summary: true,
    seed,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    rounds,
    messages: totals.sent,
    floods: totals.floods,
    floodsSurvived: totals.floodsSurvived,
    disconnects: totals.disconnects,
    closeCodes: totals.closeCodes,
    errorReplies: totals.errorReplies,
    serverFaults: totals.serverFaults,
    crashes,
    honestProblems: honestProblems.slice(0, 20),
    heapStartMb: firstHeap,
    heapEndMb: heapSamples.at(-1),
    heapGrowthMb: firstHeap !== undefined && heapSamples.length > 0 ? Math.round((heapSamples.at(-1)! - firstHeap) * 10) / 10 : undefined,
    heapPeakMb: heapSamples.length > 0 ? Math.max(...heapSamples) : undefined,
    rssStartMb: first?.rssMb,
    rssEndMb: last,
    rssGrowthMb: first && last !== undefined ? last - first.rssMb : undefined,
    rssPeakMb: memoryOfChild()?.peakRssMb,
  };
  console.log(JSON.stringify(summary));
  stopping = true;
  child?.kill("SIGTERM");
  await new Promise((resolve) => child?.once("exit", resolve));
  rmSync(dataDir, { recursive: true, force: true });
  const failed = crashes > 0 || totals.serverFaults > 0 || totals.floodsSurvived > 0 || honestProblems.length > 0;
  process.exit(failed ? 1 : 0);
}

await main();
