/**
 * One client process of the load harness (scripts/load.ts): opens real SDK clients, fills rooms with
 * them, and reports what they received. Driven by the harness over Node's IPC channel (workerProtocol.ts).
 *
 * Every room's clients share one forwarded address of their own (X-Forwarded-For: 10.a.b.c), as players
 * behind a proxy would, so the game server (run with TRUST_PROXY=1) applies its per-address limits per
 * match and not to the whole harness.
 */
import { Client, type Room } from "@colyseus/sdk";
import { ProcessMetrics } from "../../server/ops/processMetrics";
import { MatchMessageType } from "../../shared/protocol/matchMessages";
import { MessageType, type ErrorMessage } from "../../shared/protocol/messages";
import { MatchState } from "../../shared/state/MatchState";
import { MINIMAL_ROOM } from "./minimalRoom";
import type { Command, JoinCommand, Report, RoomWindow } from "./workerProtocol";

/** The state fields the harness reads, the same in a match and in the minimal room. */
interface ClockState {
  tick: number;
  speed?: number;
  phase?: string;
  ships?: Map<string, { seat: string }>;
  systems?: Map<string, unknown>;
}

interface FilledRoom {
  clients: Room<any, ClockState>[];
  /** The clients holding a seat, with it; the others watch. */
  seated: { room: Room<any, ClockState>; seat: string }[];
  /** The step the first client's last state patch carried, and when it arrived. */
  lastTick: number;
  lastTickAt: number;
  /** The same at the start of the measured window. */
  tickAtMark: number;
  tickAtMarkAt: number;
}

const ERROR_SAMPLES = 5;
/** A room whose step has not moved for this long has stopped (paused, ended, or starved). */
const STALL_SECONDS = 1;
const rooms: FilledRoom[] = [];
let joinErrors = 0;
const errorSamples: string[] = [];
let bytes = 0;
let drops = 0;
let leaving = false;
let ordersSent = 0;
const refusals: Record<string, number> = {};
let markedAt = performance.now();
const orderTimers: NodeJS.Timeout[] = [];
const metrics = new ProcessMetrics(() => ({ rooms: rooms.length, clients: rooms.reduce((sum, room) => sum + room.clients.length, 0) }));

function send(report: Report): void {
  process.send!(report);
}

function forwardedAddress(roomIndex: number): string {
  const n = roomIndex + 1;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** Counts what the connection receives and what goes wrong on it. */
function watch(room: Room<any, ClockState>): Room<any, ClockState> {
  const socket = (room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws;
  socket.addEventListener("message", (event: MessageEvent) => (bytes += (event.data as ArrayBuffer).byteLength ?? 0));
  room.onMessage(MessageType.error, (error: ErrorMessage) => (refusals[error.code] = (refusals[error.code] ?? 0) + 1));
  room.onMessage("*", () => {});
  room.onLeave(() => {
    if (!leaving) drops++;
  });
  return room;
}

function noteJoinError(error: unknown): void {
  joinErrors++;
  if (errorSamples.length < ERROR_SAMPLES) errorSamples.push(error instanceof Error ? error.message : String(error));
}

/** Now and then a seated client moves one of its own ships to a system, as a player would. */
function orderNowAndThen(room: Room<any, ClockState>, seat: string, seconds: number): void {
  // Spread over the period so a worker's orders do not all land in one tick.
  const timer = setInterval(() => {
    const state = room.state;
    const ships = [...(state.ships?.entries() ?? [])].filter(([, ship]) => ship.seat === seat).map(([id]) => id);
    const systems = [...(state.systems?.keys() ?? [])];
    if (ships.length === 0 || systems.length === 0) return;
    const ship = ships[Math.floor(Math.random() * ships.length)]!;
    const system = systems[Math.floor(Math.random() * systems.length)]!;
    room.send(MessageType.order, { kind: "move", ship, to: { system } });
    ordersSent++;
  }, seconds * 1000 * (0.75 + Math.random() * 0.5));
  orderTimers.push(timer);
}

async function fillRoom(command: JoinCommand, roomIndex: number): Promise<void> {
  const client = new Client(command.url, { headers: { "x-forwarded-for": forwardedAddress(roomIndex) } });
  const name = `Load ${roomIndex}`;
  const seatOf = (i: number) => command.seats[i] ?? "spectator";
  const filled: FilledRoom = { clients: [], seated: [], lastTick: 0, lastTickAt: performance.now(), tickAtMark: 0, tickAtMarkAt: 0 };
  try {
    const first =
      command.target === "maquis"
        ? await client.create("match", { scenario: command.scenario, seat: seatOf(0), name }, MatchState)
        : await client.create(MINIMAL_ROOM, {});
    filled.clients.push(watch(first as Room<any, ClockState>));
    // The clock is read from patch to patch (arrival times), not at an arbitrary moment between two.
    first.onStateChange((state: ClockState) => {
      if (state.tick === filled.lastTick) return;
      filled.lastTick = state.tick;
      filled.lastTickAt = performance.now();
    });
    if (command.target === "maquis" && command.seats.length > 0) filled.seated.push({ room: first as Room<any, ClockState>, seat: seatOf(0) });
    // Held still until every room is full, so all of them run the measured speed from the same moment.
    if (command.target === "maquis") first.send(MatchMessageType.voteSpeed, { speed: 0 });
    const others = await Promise.allSettled(
      Array.from({ length: command.clientsPerRoom - 1 }, (_, i) =>
        command.target === "maquis" ? client.joinById(first.roomId, { scenario: command.scenario, seat: seatOf(i + 1), name }, MatchState) : client.joinById(first.roomId, {}),
      ),
    );
    others.forEach((other, i) => {
      if (other.status === "rejected") return noteJoinError(other.reason);
      const room = watch(other.value as Room<any, ClockState>);
      filled.clients.push(room);
      if (command.target === "maquis" && i + 1 < command.seats.length) filled.seated.push({ room, seat: seatOf(i + 1) });
    });
    if (command.orderSeconds > 0) for (const { room, seat } of filled.seated) orderNowAndThen(room, seat, command.orderSeconds);
    rooms.push(filled);
  } catch (error) {
    noteJoinError(error);
    for (const room of filled.clients) void room.leave();
  }
}

async function join(command: JoinCommand): Promise<void> {
  let next = 0;
  const runner = async () => {
    while (next < command.rooms) await fillRoom(command, command.firstRoom + next++);
  };
  await Promise.all(Array.from({ length: Math.min(command.concurrency, command.rooms) }, runner));
  send({ type: "joined", rooms: rooms.length, clients: rooms.reduce((sum, room) => sum + room.clients.length, 0), joinErrors, errorSamples });
}

function mark(): void {
  for (const room of rooms) {
    room.tickAtMark = room.lastTick;
    room.tickAtMarkAt = room.lastTickAt;
  }
  bytes = 0;
  markedAt = performance.now();
  metrics.reset();
  send({ type: "marked" });
}

function read(): void {
  const seconds = (performance.now() - markedAt) / 1000;
  const windows: RoomWindow[] = rooms.map((room) => {
    const state = room.clients[0]!.state;
    // A room whose clock stopped is charged the whole window, not just up to its last patch.
    const stalled = performance.now() - room.lastTickAt > STALL_SECONDS * 1000;
    const until = stalled ? performance.now() : room.lastTickAt;
    return { ticks: room.lastTick - room.tickAtMark, seconds: (until - room.tickAtMarkAt) / 1000, speed: state?.speed ?? 1, phase: state?.phase ?? "playing" };
  });
  const clients = rooms.reduce((sum, room) => sum + room.clients.length, 0);
  send({ type: "window", seconds, rooms: windows, clients, bytes, drops, refusals, ordersSent, process: metrics.read() });
}

async function leave(): Promise<void> {
  leaving = true;
  for (const timer of orderTimers) clearInterval(timer);
  await Promise.allSettled(rooms.flatMap((room) => room.clients.map((client) => client.leave())));
  send({ type: "left" });
  metrics.close();
  process.disconnect();
}

process.on("message", (command: Command) => {
  const handle = async () => {
    if (command.type === "join") await join(command);
    else if (command.type === "go") {
      for (const room of rooms) for (const { room: client } of room.seated) client.send(MatchMessageType.voteSpeed, { speed: command.speed });
      send({ type: "going" });
    } else if (command.type === "mark") mark();
    else if (command.type === "read") read();
    else if (command.type === "leave") await leave();
  };
  handle().catch((error: unknown) => send({ type: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});
send({ type: "ready" });
