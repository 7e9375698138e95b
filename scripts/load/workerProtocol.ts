/** Messages between the load harness (scripts/load.ts) and its client processes (clientWorker.ts), over Node's IPC channel. */
import type { MetricsWindow } from "../../server/ops/processMetrics";

/** Which server the clients play on: the game's match rooms, or the minimal baseline room. */
export type Target = "maquis" | "baseline";

export interface JoinCommand {
  type: "join";
  /** ws:// or http:// address of the server. */
  url: string;
  target: Target;
  /** Global index of this worker's first room (each room has its own forwarded address from it) and how many rooms to fill. */
  firstRoom: number;
  rooms: number;
  /** Maquis only: the scenario and its seats, in order; clients beyond the seats watch as spectators. */
  scenario: string;
  seats: string[];
  clientsPerRoom: number;
  /** Rooms being filled at once by this worker. */
  concurrency: number;
  /** Maquis only: each seated client sends a move order this often (0: never). */
  orderSeconds: number;
}

export type Command = JoinCommand | { type: "go"; speed: number } | { type: "mark" } | { type: "read" } | { type: "leave" };

export interface JoinedReport {
  type: "joined";
  rooms: number;
  clients: number;
  joinErrors: number;
  /** The first few join errors' messages, to say what went wrong. */
  errorSamples: string[];
}

/** One room as its first client saw it over the window. */
export interface RoomWindow {
  /** Steps the room advanced, over the real seconds between the patches that carried them. */
  ticks: number;
  seconds: number;
  speed: number;
  phase: string;
}

export interface WindowReport {
  type: "window";
  seconds: number;
  rooms: RoomWindow[];
  clients: number;
  /** WebSocket message payload bytes all this worker's clients received in the window. */
  bytes: number;
  /** Connections that closed without the harness asking, since joining. */
  drops: number;
  /** Error replies from the server since joining, by error code (order refusals among them). */
  refusals: Record<string, number>;
  ordersSent: number;
  /** The client process's own load: a saturated client side delays what it reads. */
  process: MetricsWindow;
}

export type Report = JoinedReport | WindowReport | { type: "ready" } | { type: "going" } | { type: "marked" } | { type: "left" } | { type: "failed"; message: string };
