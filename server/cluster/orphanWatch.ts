import { matchMaker } from "@colyseus/core";
import { describeError, log } from "../log";
import { MATCH_RUNNING_STATUS } from "../rooms/matchAdmission";
import type { LeaseStore } from "./leaseKeeper";

/** How often a process looks in the store for running matches that no live process holds. */
export const ORPHAN_SCAN_SECONDS = 2;
/** A match that could not be resumed (its scenario is gone, say) is tried again after this, not at every scan. */
const RETRY_FAILED_SECONDS = 60;

/**
 * Brings back, on this process, every running match whose process has gone: at start-up (after a restart
 * or a crash) and every ORPHAN_SCAN_SECONDS after (another process died). Each is resumed from its last
 * snapshot and the orders logged since; the room's own lease claim decides, when several processes look
 * at once, which one runs it. Colyseus' room list may still name the dead process's room: a health check
 * of that process sweeps its entries first (a live process keeps its room).
 */
export class OrphanWatch {
  private timer: NodeJS.Timeout | undefined;
  private scanning = false;
  private stopped = false;
  /** Scans finished, for /health (a test waits on it before saying a process did not take a match). */
  scans = 0;
  /** matchId → when a failed resume may be tried again. */
  private readonly failedUntil = new Map<string, number>();

  constructor(
    private readonly leases: LeaseStore,
    /** This process: Colyseus' processId, known once the server listens. */
    private readonly owner: () => string,
    private readonly resumeKey: string,
    private readonly scanMs = ORPHAN_SCAN_SECONDS * 1000,
  ) {}

  /** Scans once now (returning the matches it resumed), then keeps watching. */
  async start(): Promise<string[]> {
    const resumed = await this.scan();
    this.timer = setInterval(() => {
      void this.scan().then((ids) => {
        if (ids.length > 0) log.info({ matches: ids }, `Took over ${ids.length} match${ids.length === 1 ? "" : "es"} whose process stopped: ${ids.join(", ")}`);
      });
    }, this.scanMs);
    this.timer.unref();
    return resumed;
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  async scan(): Promise<string[]> {
    if (this.scanning || this.stopped) return [];
    this.scanning = true;
    try {
      const orphans = await this.leases.orphans(this.owner()).catch((error) => {
        log.warn({ error: describeError(error) }, "cannot look for matches to take over: the store is unreachable");
        return [] as string[];
      });
      const resumed: string[] = [];
      for (const id of orphans) if (!this.stopped && (await this.resume(id))) resumed.push(id);
      this.scans++;
      return resumed;
    } finally {
      this.scanning = false;
    }
  }

  private async resume(matchId: string): Promise<boolean> {
    if (matchMaker.getLocalRoomById(matchId) || (this.failedUntil.get(matchId) ?? 0) > Date.now()) return false;
    try {
      const listed = await matchMaker.getRoomById(matchId);
      // Listed by a process that still answers: it runs the match (its lease will be renewed, or it will let go).
      if (listed && listed.processId !== matchMaker.processId && (await matchMaker.healthCheckProcessId(listed.processId))) return false;
      await matchMaker.handleCreateRoom("match", { resume: matchId, resumeKey: this.resumeKey });
      this.failedUntil.delete(matchId);
      return true;
    } catch (error) {
      // Another process claimed it first: not a failure. Otherwise (its scenario is gone, say) the match stays in the store.
      if ((error as { code?: unknown }).code === MATCH_RUNNING_STATUS) return false;
      this.failedUntil.set(matchId, Date.now() + RETRY_FAILED_SECONDS * 1000);
      log.error({ room: matchId, error: describeError(error) }, "could not resume a saved match");
      return false;
    }
  }
}
