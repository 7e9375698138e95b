/** What one load run measured, computed from the server's window and the client processes' reports, and how it is printed. */
import type { MetricsWindow } from "../../server/ops/processMetrics";
import { TICK_RATE } from "../../shared/rules/clock";
import type { JoinedReport, Target, WindowReport } from "./workerProtocol";

/** The capacity budget the issue sets: the server's event-loop lag p99, and the game clock against real time. */
export const LAG_P99_BUDGET_MS = 20;
export const CLOCK_BUDGET = 0.99;
/** Other processes taking more of the server's core than this make a run's figures no measure of capacity. */
export const SHARED_CORE_WARNING_PERCENT = 10;

export interface RunResult {
  metric: "load";
  target: Target;
  scenario: string | null;
  rooms: number;
  clientsPerRoom: number;
  speed: number;
  clients: number;
  /** Rooms and clients the server itself counted at the end of the window (all of its rooms, any others too). */
  server: { rooms: number; clients: number };
  joinErrors: number;
  joinErrorSamples: string[];
  joinSeconds: number;
  /** Connections closed without being asked, and error replies from the server (by code). */
  drops: number;
  refusals: Record<string, number>;
  ordersSent: number;
  seconds: number;
  lagMs: MetricsWindow["eventLoopLagMs"];
  eventLoopUtilization: number;
  cpuPercent: number;
  cpuPercentPerRoom: number;
  /** How busy the server's core was over the window, this process and any other, and the others' part (null when not pinned or not Linux). */
  serverCoreBusyPercent: number | null;
  serverCoreOthersPercent: number | null;
  rssPeakMb: number;
  bytesPerClientPerSecond: number;
  /** Game steps the rooms advanced ÷ the steps real time asked for at the speed: mean and worst room. */
  clock: { mean: number; min: number };
  /** Rooms not playing at the end of the window (ended, paused, in a lobby). */
  roomsNotPlaying: number;
  /** The client processes' own load (they share one core): a saturated client side delays what it reads. */
  clientCpuPercent: number;
  clientLagP99Ms: number;
  withinBudget: boolean;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export function summarize(
  run: { target: Target; scenario: string | null; rooms: number; clientsPerRoom: number; speed: number; joinSeconds: number },
  joined: JoinedReport[],
  windows: WindowReport[],
  server: MetricsWindow,
  serverCoreBusyPercent: number | null,
): RunResult {
  const clocks = windows.flatMap((window) => window.rooms.map((room) => (room.seconds > 0 ? room.ticks / (room.seconds * TICK_RATE * run.speed) : 0)));
  const clients = windows.reduce((sum, window) => sum + window.clients, 0);
  const bytesPerSecond = windows.reduce((sum, window) => sum + window.bytes / window.seconds, 0);
  const refusals: Record<string, number> = {};
  for (const window of windows) for (const [code, count] of Object.entries(window.refusals)) refusals[code] = (refusals[code] ?? 0) + count;
  const joinErrors = joined.reduce((sum, report) => sum + report.joinErrors, 0);
  const clock = { mean: clocks.length ? round(clocks.reduce((a, b) => a + b, 0) / clocks.length, 4) : 0, min: clocks.length ? round(Math.min(...clocks), 4) : 0 };
  return {
    metric: "load",
    ...run,
    clients,
    server: { rooms: server.rooms, clients: server.clients },
    joinErrors,
    joinErrorSamples: joined.flatMap((report) => report.errorSamples).slice(0, 5),
    drops: windows.reduce((sum, window) => sum + window.drops, 0),
    refusals,
    ordersSent: windows.reduce((sum, window) => sum + window.ordersSent, 0),
    seconds: server.seconds,
    lagMs: server.eventLoopLagMs,
    eventLoopUtilization: server.eventLoopUtilization,
    cpuPercent: server.cpuPercent,
    cpuPercentPerRoom: round(server.cpuPercent / Math.max(1, run.rooms), 3),
    serverCoreBusyPercent,
    serverCoreOthersPercent: serverCoreBusyPercent === null ? null : round(Math.max(0, serverCoreBusyPercent - server.cpuPercent), 1),
    rssPeakMb: server.rssMb.peak,
    bytesPerClientPerSecond: clients ? Math.round(bytesPerSecond / clients) : 0,
    clock,
    roomsNotPlaying: windows.reduce((sum, window) => sum + window.rooms.filter((room) => room.phase !== "playing" || (run.target === "maquis" && room.speed !== run.speed)).length, 0),
    clientCpuPercent: round(windows.reduce((sum, window) => sum + window.process.cpuPercent, 0), 1),
    clientLagP99Ms: Math.max(...windows.map((window) => window.process.eventLoopLagMs.p99)),
    withinBudget: joinErrors === 0 && clocks.length === run.rooms && server.eventLoopLagMs.p99 <= LAG_P99_BUDGET_MS && clock.mean >= CLOCK_BUDGET,
  };
}

const COLUMNS: [string, (r: RunResult) => string][] = [
  ["target", (r) => r.target],
  ["rooms", (r) => String(r.rooms)],
  ["clients", (r) => String(r.clients)],
  ["join err", (r) => String(r.joinErrors)],
  ["lag p50/p99/max ms", (r) => `${r.lagMs.p50}/${r.lagMs.p99}/${r.lagMs.max}`],
  ["clock mean/min %", (r) => `${(r.clock.mean * 100).toFixed(1)}/${(r.clock.min * 100).toFixed(1)}`],
  ["CPU %", (r) => r.cpuPercent.toFixed(1)],
  ["CPU %/room", (r) => r.cpuPercentPerRoom.toFixed(3)],
  ["others on core %", (r) => (r.serverCoreOthersPercent === null ? "-" : r.serverCoreOthersPercent.toFixed(0))],
  ["RSS peak MB", (r) => r.rssPeakMb.toFixed(0)],
  ["B/client/s", (r) => String(r.bytesPerClientPerSecond)],
  ["client CPU %", (r) => r.clientCpuPercent.toFixed(0)],
  ["budget", (r) => (r.withinBudget ? "ok" : "FAIL")],
];

export function table(results: RunResult[]): string {
  const rows = [COLUMNS.map(([title]) => title), ...results.map((result) => COLUMNS.map(([, cell]) => cell(result)))];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ")).join("\n");
}
