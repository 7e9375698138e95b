import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { balancePairings, type BalanceJobStatus, type BalanceJobView, type BalanceReport, type BalanceRequest } from "../../shared/protocol/balanceMessages";
import { LIMITS } from "../../shared/protocol/limits";
import type { Scenario } from "../../shared/scenario/scenarioSchema";
import { describeError, log } from "../log";
import type { BalanceWorkerInput, BalanceWorkerMessage } from "./workerMessages";

/** The same seeds as `npm run balance`, so a report can be checked against the CLI. */
const FIRST_SEED = 1;
/** A draft's games never need more; a runaway one fails its job instead of eating the server's memory. */
const WORKER_HEAP_MB = 512;
const MINUTE_MS = 60_000;

const durationText = (ms: number) => (ms >= MINUTE_MS ? `${Math.round(ms / MINUTE_MS)} minutes` : `${Math.round(ms / 1000)} seconds`);

/**
 * The worker is TypeScript: it loads through tsx, resolved here rather than from the working directory,
 * whether the server runs under `node --import tsx`, vitest or a test's child process.
 */
const TSX_LOADER = import.meta.resolve("tsx");
const BALANCE_WORKER = new URL("./balanceWorker.ts", import.meta.url);

export interface BalanceJobsOptions {
  /** Threads at once; by default one fewer than the cores, at least one and at most LIMITS.balanceWorkers. */
  workers?: number;
  /** How long a job may run before it is stopped (tests shorten it). */
  jobTimeoutMs?: number;
  /** The worker's file (tests put one that crashes in its place). */
  workerUrl?: URL;
}

interface BalanceJob {
  id: string;
  player: string;
  address: string;
  status: BalanceJobStatus;
  played: number;
  total: number;
  result?: BalanceReport;
  message?: string;
  worker?: Worker;
  timeout?: NodeJS.Timeout;
  finishedAt?: number;
}

export type BalanceSubmission = { ok: true; jobId: string } | { ok: false; status: 429 | 503; error: string; message: string };
export type BalanceCancellation = "cancelled" | "not_found" | "not_owner" | "already_finished";

const isActive = (job: BalanceJob) => job.status === "queued" || job.status === "running";

/**
 * Balance reports: each job plays its games in a worker thread, at most `workers` at once, the rest
 * wait in order. A crash, a throw or a timeout in a worker fails that job alone; the server goes on.
 */
export class BalanceJobs {
  private readonly jobs = new Map<string, BalanceJob>();
  private readonly queue: BalanceJob[] = [];
  private readonly running = new Set<BalanceJob>();
  private readonly threads = new Set<Worker>();
  /** What each job not yet started will play; let go once it starts or ends, as a draft may be large. */
  private readonly inputs = new Map<BalanceJob, BalanceWorkerInput>();
  private readonly workers: number;
  private readonly jobTimeoutMs: number;
  private readonly workerUrl: URL;

  constructor(options: BalanceJobsOptions = {}) {
    this.workers = options.workers ?? Math.min(LIMITS.balanceWorkers, Math.max(1, availableParallelism() - 1));
    this.jobTimeoutMs = options.jobTimeoutMs ?? LIMITS.balanceJobMinutes * MINUTE_MS;
    this.workerUrl = options.workerUrl ?? BALANCE_WORKER;
  }

  /** Worker threads alive now (ended ones are gone once their thread has exited). */
  get liveThreads(): number {
    return this.threads.size;
  }

  /** Queues a report of a validated scenario; refused while its owner (player id or address) has one running or waiting. */
  submit(scenario: Scenario, request: BalanceRequest, address: string): BalanceSubmission {
    this.dropOldJobs();
    const active = [...this.jobs.values()].filter(isActive);
    if (active.filter((job) => job.player === request.player).length >= LIMITS.balanceJobsPerPlayer)
      return { ok: false, status: 429, error: "too_many_jobs", message: "you already have a balance report running or waiting: wait for it to finish or cancel it first" };
    if (active.filter((job) => job.address === address).length >= LIMITS.balanceJobsPerAddress)
      return { ok: false, status: 429, error: "too_many_jobs", message: "a balance report from your address is already running or waiting: wait for it to finish or cancel it first" };
    if (this.queue.length >= LIMITS.balanceQueuedJobs)
      return { ok: false, status: 503, error: "busy", message: `${this.queue.length} balance reports are waiting already: try again in a few minutes` };
    const pairings = balancePairings(request.levels);
    const job: BalanceJob = {
      id: randomBytes(12).toString("base64url"),
      player: request.player,
      address,
      status: "queued",
      played: 0,
      total: pairings.length * request.games,
    };
    this.jobs.set(job.id, job);
    this.inputs.set(job, { scenario, pairings, gamesPerRow: request.games, firstSeed: FIRST_SEED });
    this.queue.push(job);
    log.info({ job: job.id, scenario: scenario.id, games: job.total, address }, "balance report queued");
    this.startWaitingJobs();
    return { ok: true, jobId: job.id };
  }

  view(id: string): BalanceJobView | undefined {
    this.dropOldJobs();
    const job = this.jobs.get(id);
    if (!job) return undefined;
    return { status: job.status, played: job.played, total: job.total, ...(job.result ? { result: job.result } : {}), ...(job.message ? { message: job.message } : {}) };
  }

  /** Only the player who asked for the report may cancel it; a running one's thread is terminated. */
  cancel(id: string, player: string): BalanceCancellation {
    const job = this.jobs.get(id);
    if (!job) return "not_found";
    if (job.player !== player) return "not_owner";
    if (!isActive(job)) return "already_finished";
    this.finish(job, "cancelled", "cancelled by the player who asked for it");
    return "cancelled";
  }

  /** Stops every thread (the server is shutting down). */
  async close(): Promise<void> {
    for (const job of [...this.jobs.values()].filter(isActive)) this.finish(job, "cancelled", "the server is shutting down");
    await Promise.all([...this.threads].map((thread) => thread.terminate()));
  }

  private startWaitingJobs(): void {
    // Threads, not jobs: a cancelled job's thread counts until it has really exited.
    while (this.threads.size < this.workers && this.queue.length > 0) this.start(this.queue.shift()!);
  }

  private start(job: BalanceJob): void {
    const input = this.inputs.get(job)!;
    this.inputs.delete(job);
    job.status = "running";
    this.running.add(job);
    let worker: Worker;
    try {
      worker = new Worker(this.workerUrl, { workerData: input, execArgv: ["--import", TSX_LOADER], resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    } catch (error) {
      log.error({ job: job.id, error: describeError(error) }, "could not start a balance worker");
      this.finish(job, "failed", `the games could not be started (${describeError(error).message})`);
      return;
    }
    job.worker = worker;
    this.threads.add(worker);
    worker.on("message", (message: BalanceWorkerMessage) => {
      if (message.kind === "progress") job.played = message.played;
      else {
        job.result = message.report;
        job.played = message.report.games;
        this.finish(job, "done");
      }
    });
    worker.on("error", (error) => {
      log.error({ job: job.id, error: describeError(error) }, "a balance worker failed");
      this.finish(job, "failed", `the games stopped with an error after ${job.played} of ${job.total}: ${describeError(error).message}`);
    });
    worker.on("exit", (code) => {
      this.threads.delete(worker);
      if (isActive(job)) this.finish(job, "failed", `the games stopped after ${job.played} of ${job.total}: the worker ended without a report (exit code ${code})`);
      else this.startWaitingJobs();
    });
    job.timeout = setTimeout(() => {
      log.warn({ job: job.id, played: job.played, total: job.total }, "a balance report ran out of time");
      this.finish(job, "failed", `stopped after ${durationText(this.jobTimeoutMs)} with ${job.played} of ${job.total} games played: ask for fewer games, or make the scenario shorter`);
    }, this.jobTimeoutMs);
    job.timeout.unref();
  }

  /** Ends a job once: its thread is terminated, its slot goes to the next job waiting. */
  private finish(job: BalanceJob, status: Exclude<BalanceJobStatus, "queued" | "running">, message?: string): void {
    if (!isActive(job)) return;
    job.status = status;
    if (message) job.message = message;
    job.finishedAt = Date.now();
    clearTimeout(job.timeout);
    this.inputs.delete(job);
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    this.running.delete(job);
    // Terminating a thread that has already posted its report is harmless; one still playing stops here.
    void job.worker?.terminate();
    job.worker = undefined;
    log.info({ job: job.id, status, played: job.played, total: job.total }, `balance report ${status}`);
    this.startWaitingJobs();
  }

  /** Finished jobs are kept for their owners to read, for a while and up to a number; the oldest go first. */
  private dropOldJobs(): void {
    const keptSince = Date.now() - LIMITS.balanceKeptMinutes * MINUTE_MS;
    const finished = [...this.jobs.values()].filter((job) => job.finishedAt !== undefined).sort((a, b) => a.finishedAt! - b.finishedAt!);
    finished.forEach((job, i) => {
      if (job.finishedAt! < keptSince || finished.length - i > LIMITS.balanceKeptJobs) this.jobs.delete(job.id);
    });
  }
}
