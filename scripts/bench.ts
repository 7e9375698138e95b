/**
 * `npm run bench`: performance figures as JSON lines, one per measurement, each with its target
 * where the issues set one. Benchmarks report; tests assert behaviour.
 *
 * The server sections run first, then the client section (scripts/benchClient.ts: frame times in
 * headless Chromium). `npm run bench -- --client` runs the client section alone, `-- --no-client` all but it.
 */
import { Client, type Room as ClientRoom } from "@colyseus/sdk";
import { matchMaker } from "@colyseus/core";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as Y from "yjs";
import { editableFile } from "../client/editor/draftFile";
import { openDraftSession } from "../client/editor/net/draftSession";
import { BalanceJobs } from "../server/balance/balanceJobs";
import { readConfig, repoRoot } from "../server/config";
import { createGameServer } from "../server/gameServer";
import { ONE_ADDRESS_HARNESS_LIMITS } from "../server/http/addressLimits";
import { log } from "../server/log";
import { findFreePort } from "../server/portCheck";
import { loadScenarioLibrary } from "../server/scenarioLibrary";
import { MessageType } from "../shared/protocol/messages";
import { simulate } from "../shared/rules/simulate";
import { readDraft, setAt, valueAt, writeDraft } from "../shared/scenario/draftDocument";
import { validateScenario } from "../shared/scenario/parseScenario";
import { MatchState } from "../shared/state/MatchState";
import { measureClient } from "./benchClient";
import { bundledScenarioIds, loadBundledScenario } from "./scenarioFiles";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
// The bench prints its figures as JSON lines; the server's own log would be mixed in with them.
if (!process.env.LOG_LEVEL) log.level = "warn";

const round = (value: number, digits = 3) => Number(value.toFixed(digits));
const report = (line: Record<string, unknown>) => console.log(JSON.stringify(line));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The scenario with the most systems and ships: the heaviest to simulate. */
function largestScenario(): string {
  const sized = bundledScenarioIds().map((id) => {
    const scenario = loadBundledScenario(id)!;
    return { id, size: scenario.map.systems.length + scenario.forces.length };
  });
  return sized.sort((a, b) => b.size - a.size)[0]!.id;
}

function measureHeadless(scenarioId: string): void {
  const scenario = loadBundledScenario(scenarioId)!;
  simulate(scenario, 999, { occupier: "normal", maquis: "normal" }); // warm-up: let the JIT settle
  let ticks = 0;
  const started = performance.now();
  for (let seed = 1; seed <= 10; seed++) ticks += simulate(scenario, seed, { occupier: "normal", maquis: "normal" }).ticks;
  const seconds = (performance.now() - started) / 1000;
  report({ metric: "headless_ticks_per_second", scenario: scenarioId, games: 10, ticks, value: Math.round(ticks / seconds), target: ">= 5000" });
}

async function startServer() {
  const port = await findFreePort();
  const config = { ...readConfig({ PORT: String(port), HOST: "127.0.0.1" }, []), clientDir: null };
  const game = createGameServer(config, loadScenarioLibrary(join(repoRoot, "assets", "scenarios")), null, { addressLimits: ONE_ADDRESS_HARNESS_LIMITS });
  const { server } = game;
  await game.listen(port, "127.0.0.1");
  return { server, client: new Client(`http://127.0.0.1:${port}`) };
}

async function joinSilently(client: Client, roomId: string, options: Record<string, string>): Promise<ClientRoom<any, MatchState>> {
  const room = await client.joinById(roomId, options, MatchState);
  room.onMessage(MessageType.welcome, () => {});
  room.onMessage(MessageType.error, () => {});
  return room;
}

async function measureRoom(scenarioId: string): Promise<void> {
  const { server, client } = await startServer();
  // Join-to-first-state: create a room over HTTP matchmaking + WebSocket until the first full state is decoded.
  const joins: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    const room = await client.create("match", { scenario: scenarioId }, MatchState);
    room.onMessage(MessageType.welcome, () => {});
    await new Promise<void>((resolve) => room.onStateChange.once(() => resolve()));
    joins.push(performance.now() - started);
    await room.leave();
  }
  joins.sort((a, b) => a - b);
  report({ metric: "join_to_first_state_ms", scenario: scenarioId, samples: joins.length, p50: round(joins[15]!, 2), p99: round(percentile(joins, 99), 2) });

  // One room with five connections (two seats, three spectators); time the room's tick: AI, rules and fog of war.
  const first = await client.create("match", { scenario: scenarioId, seat: "cell-1" }, MatchState);
  first.onMessage(MessageType.welcome, () => {});
  const others = [
    await joinSilently(client, first.roomId, { scenario: scenarioId, seat: "occupier" }),
    await joinSilently(client, first.roomId, { scenario: scenarioId, seat: "spectator", watch: "maquis" }),
    await joinSilently(client, first.roomId, { scenario: scenarioId, seat: "spectator", watch: "occupier" }),
    await joinSilently(client, first.roomId, { scenario: scenarioId, seat: "spectator", watch: "maquis" }),
  ];
  const room = matchMaker.getLocalRoomById(first.roomId) as unknown as {
    tick: () => void;
    clients: { sessionId: string }[];
    _serializer: { getFullState(client: unknown): Uint8Array };
  };
  // The first full state a seat receives on joining: what its view holds, encoded.
  const fullStateBytes = room._serializer.getFullState(room.clients[0]).byteLength;
  report({ metric: "first_full_state_bytes", scenario: scenarioId, seat: "cell-1", value: fullStateBytes, target: "<= 65536" });
  const originalTick = room.tick.bind(room);
  const durations: number[] = [];
  room.tick = () => {
    const started = performance.now();
    originalTick();
    durations.push(performance.now() - started);
  };
  let bytes = 0;
  let peak = 0;
  let windowBytes = 0;
  const socket = (first as unknown as { connection: { transport: { ws: { addEventListener: (type: string, cb: (e: { data: ArrayBuffer }) => void) => void } } } }).connection.transport.ws;
  socket.addEventListener("message", (event) => {
    const size = event.data.byteLength ?? 0;
    bytes += size;
    windowBytes += size;
  });
  const seconds = 20;
  for (let s = 0; s < seconds; s++) {
    await sleep(1000);
    peak = Math.max(peak, windowBytes);
    windowBytes = 0;
  }
  durations.sort((a, b) => a - b);
  report({ metric: "room_tick_ms", scenario: scenarioId, connections: 5, samples: durations.length, p50: round(percentile(durations, 50)), p99: round(percentile(durations, 99)), target: "p99 <= 1" });
  report({ metric: "client_bytes_per_second", scenario: scenarioId, seat: "cell-1", seconds, mean: Math.round(bytes / seconds), peak, target: "mean <= 2048" });
  await Promise.all([first, ...others].map((r) => r.leave()));
  await server.gracefullyShutdown(false);
}

async function measureHeap(scenarioId: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    report({ metric: "heap_per_match_mb", skipped: "run with node --expose-gc (npm run bench does)" });
    return;
  }
  const { server, client } = await startServer();
  // Warm one room up first so code and caches shared by every room are not charged to the matches.
  const warm = await client.create("match", { scenario: scenarioId }, MatchState);
  warm.onMessage(MessageType.welcome, () => {});
  await sleep(500);
  gc();
  const before = process.memoryUsage().heapUsed;
  const count = 20;
  const rooms: ClientRoom<any, MatchState>[] = [];
  for (let i = 0; i < count; i++) {
    const room = await client.create("match", { scenario: scenarioId }, MatchState);
    room.onMessage(MessageType.welcome, () => {});
    rooms.push(room);
  }
  await sleep(3000);
  gc();
  const after = process.memoryUsage().heapUsed;
  const alive = rooms.filter((room) => matchMaker.getLocalRoomById(room.roomId)).length;
  // The client connections live in this process too; their decoded copies of the state are included.
  report({ metric: "heap_per_match_mb", scenario: scenarioId, rooms: alive, value: round((after - before) / count / 1024 / 1024, 2), includes: "room + one connected client", target: "<= 10" });
  await Promise.all([warm, ...rooms].map((room) => room.leave()));
  await server.gracefullyShutdown(false);
}

/** A balance report as the editor asks for one: a worker thread (started and loaded within the time) playing N games. */
async function measureBalance(scenarioId: string): Promise<void> {
  const scenario = loadBundledScenario(scenarioId)!;
  const games = 20;
  const jobs = new BalanceJobs({ workers: 1 });
  const started = performance.now();
  const submitted = jobs.submit(scenario, { scenario, games, levels: { occupier: ["normal"], maquis: [] }, player: "bench-balance-player" }, "bench");
  if (!submitted.ok) throw new Error(submitted.message);
  let view = jobs.view(submitted.jobId)!;
  while (view.status === "queued" || view.status === "running") {
    await sleep(20);
    view = jobs.view(submitted.jobId)!;
  }
  const seconds = (performance.now() - started) / 1000;
  if (view.status !== "done") throw new Error(`the balance report ended ${view.status}: ${view.message}`);
  report({ metric: "balance_report_games_per_second", scenario: scenarioId, workers: 1, games, seconds: round(seconds, 2), value: round(games / seconds, 2) });
  await jobs.close();
}

/**
 * What the editor does after each edit, for the largest scenario: the edit applied to the shared
 * document, the draft read back as JSON and checked by the shared parser (client/editor/editorModel.ts).
 */
function measureEditValidation(scenarioId: string): void {
  const opened = editableFile(readFileSync(join(repoRoot, "assets", "scenarios", `${scenarioId}.json`), "utf8"));
  if (!opened.ok) throw new Error(opened.problem.message);
  const doc = new Y.Doc();
  writeDraft(doc, opened.file);
  const systems = (opened.file.map as { systems: unknown[] }).systems.length;
  const durations: number[] = [];
  for (let i = 0; i < 400; i++) {
    const started = performance.now();
    setAt(doc, ["map", "systems", i % systems, "x"], 100 + (i % 50) * 10);
    const result = validateScenario(readDraft(doc));
    durations.push(performance.now() - started);
    if (!result.ok) throw new Error(`the edit broke the scenario: ${result.problems[0]!.message}`);
  }
  const measured = durations.slice(100).sort((a, b) => a - b);
  report({ metric: "editor_validation_ms_per_edit", scenario: scenarioId, edits: measured.length, p50: round(percentile(measured, 50)), p95: round(percentile(measured, 95)), target: "within a frame (16.7 ms)" });
}

/**
 * Two modders in one draft over loopback: editor A edits the title, and the time runs until editor B's
 * document holds the change (A's client, the room's checks and relay, B's client). One edit every
 * EDIT_SPACING_MS, about fast typing, so the clients' pacing never holds an edit back.
 */
async function measureCoEdit(scenarioId: string): Promise<void> {
  const EDITS = 300;
  const EDIT_SPACING_MS = 50;
  const { server, client } = await startServer();
  const file = JSON.parse(readFileSync(join(repoRoot, "assets", "scenarios", `${scenarioId}.json`), "utf8")) as Record<string, unknown>;
  const a = await openDraftSession({ initialFile: file, name: "A", client });
  const b = await openDraftSession({ draftId: a.draftId, name: "B", client });
  const path = ["title"];
  const title = file.title as string;
  const reached = (value: string) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (valueAt(b.doc, path) !== value) return;
        b.doc.off("update", check);
        resolve();
      };
      b.doc.on("update", check);
      check();
    });
  await reached(title);
  const trips: number[] = [];
  for (let i = 1; i <= EDITS; i++) {
    const arrived = reached(`${title} ${i}`);
    const started = performance.now();
    setAt(a.doc, path, `${title} ${i}`, a.localOrigin);
    await arrived;
    trips.push(performance.now() - started);
    await sleep(EDIT_SPACING_MS);
  }
  trips.sort((x, y) => x - y);
  report({ metric: "co_edit_round_trip_ms", scenario: scenarioId, edits: EDITS, spacingMs: EDIT_SPACING_MS, p50: round(percentile(trips, 50), 2), p95: round(percentile(trips, 95), 2), max: round(trips.at(-1)!, 2) });
  await a.close();
  await b.close();
  await server.gracefullyShutdown(false);
}

const scenarioId = largestScenario();
const clientOnly = process.argv.includes("--client");
if (!clientOnly) {
  measureHeadless(scenarioId);
  measureEditValidation(scenarioId);
  await measureRoom(scenarioId);
  await measureHeap(scenarioId);
  await measureBalance(scenarioId);
  await measureCoEdit(scenarioId);
}
if (!process.argv.includes("--no-client")) await measureClient(scenarioId, report);
process.exit(0);
