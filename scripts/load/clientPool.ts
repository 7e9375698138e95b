/** The harness's client processes (clientWorker.ts), each pinned to the client core, driven as one. */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { repoRoot } from "../../server/config";
import { pinned } from "./serverProcess";
import type { Command, JoinCommand, JoinedReport, Report, WindowReport } from "./workerProtocol";

/** A step (joining, leaving) taking longer than this means a client process is stuck. */
const STEP_TIMEOUT_MS = 300_000;

class Worker {
  private readonly waiting = new Map<string, (report: Report) => void>();
  private failure: string | undefined;

  constructor(private readonly child: ChildProcess) {
    child.on("message", (report: Report) => {
      if (report.type !== "failed") return this.waiting.get(report.type)?.(report);
      // A command failed in the process: whatever is awaited from it will not come.
      this.failure = report.message;
      for (const waiter of this.waiting.values()) waiter(report);
    });
    child.on("exit", (code, signal) => {
      this.failure ??= `a client process exited (code ${code}, signal ${signal})`;
      for (const waiter of this.waiting.values()) waiter({ type: "failed", message: this.failure });
    });
  }

  /** Sends a command (if any) and waits for the report of the given type. */
  async ask<T extends Report["type"]>(command: Command | null, reply: T): Promise<Extract<Report, { type: T }>> {
    if (this.failure) throw new Error(this.failure);
    const report = new Promise<Report>((resolve) => this.waiting.set(reply, resolve));
    if (command) this.child.send(command);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Report>((resolve) => (timer = setTimeout(() => resolve({ type: "failed", message: `no "${reply}" from a client process within ${STEP_TIMEOUT_MS / 1000} s` }), STEP_TIMEOUT_MS)));
    const answer = await Promise.race([report, timeout]);
    clearTimeout(timer);
    this.waiting.delete(reply);
    if (answer.type === "failed") throw new Error(`client process: ${answer.message}`);
    return answer as Extract<Report, { type: T }>;
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
  }
}

export class ClientPool {
  private constructor(private readonly workers: Worker[]) {}

  static async start(count: number, core: number | null): Promise<ClientPool> {
    const [command, args] = pinned(core, process.execPath, ["--import", "tsx", join(repoRoot, "scripts", "load", "clientWorker.ts")]);
    const workers = Array.from({ length: count }, () => {
      const child = spawn(command, args, { cwd: repoRoot, stdio: ["ignore", "inherit", "pipe", "ipc"] });
      // The SDK warns of each message that arrives before a join resolves (the welcome); nothing to act on.
      createInterface({ input: child.stderr! }).on("line", (line) => !line.includes("onMessage() not registered") && console.error(line));
      return new Worker(child);
    });
    await Promise.all(workers.map((worker) => worker.ask(null, "ready")));
    return new ClientPool(workers);
  }

  /** Fills `rooms` rooms, shared out among the processes; each room's clients stay in one process. */
  async join(command: Omit<JoinCommand, "type" | "firstRoom" | "rooms">, rooms: number): Promise<JoinedReport[]> {
    let first = 0;
    return Promise.all(
      this.workers.map((worker, i) => {
        const share = Math.floor(rooms / this.workers.length) + (i < rooms % this.workers.length ? 1 : 0);
        const firstRoom = first;
        first += share;
        return worker.ask({ type: "join", ...command, firstRoom, rooms: share }, "joined");
      }),
    );
  }

  async go(speed: number): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.ask({ type: "go", speed }, "going")));
  }

  async mark(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.ask({ type: "mark" }, "marked")));
  }

  async read(): Promise<WindowReport[]> {
    return Promise.all(this.workers.map((worker) => worker.ask({ type: "read" }, "window")));
  }

  async leave(): Promise<void> {
    try {
      await Promise.all(this.workers.map((worker) => worker.ask({ type: "leave" }, "left")));
    } finally {
      for (const worker of this.workers) worker.kill();
    }
  }

  kill(): void {
    for (const worker of this.workers) worker.kill();
  }
}
