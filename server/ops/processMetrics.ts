import { monitorEventLoopDelay, performance, type EventLoopUtilization, type IntervalHistogram } from "node:perf_hooks";

/** How often the event-loop delay is sampled (ms): the histogram's timer fires this often. */
const DELAY_RESOLUTION_MS = 10;
/** How often the resident set is sampled for the window's peak (ms). */
const RSS_SAMPLE_MS = 500;

/** What the process did since the window began: read by the load harness at /admin/metrics. */
export interface MetricsWindow {
  /** Wall-clock length of the window. */
  seconds: number;
  /**
   * How late the event loop ran a timer set to fire every DELAY_RESOLUTION_MS, beyond that interval
   * (ms): 0 for an idle process, the length of the longest synchronous stretch in the worst case.
   */
  eventLoopLagMs: { p50: number; p99: number; max: number; samples: number };
  /** Share of the window the event loop was busy (0 to 1), as Node measures it. */
  eventLoopUtilization: number;
  /** CPU time (user + system) over wall time, as a percentage of one core. */
  cpuPercent: number;
  rssMb: { now: number; peak: number };
  heapUsedMb: number;
  /** Rooms and connected clients in this process now. */
  rooms: number;
  clients: number;
}

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/**
 * The process's own load figures over a window that can be restarted (reset), so a harness can settle
 * the load first and then read only the part it held. Measured inside the server: the client side's
 * own slowness cannot show up here.
 */
export class ProcessMetrics {
  private readonly delay: IntervalHistogram = monitorEventLoopDelay({ resolution: DELAY_RESOLUTION_MS });
  private readonly rssTimer: NodeJS.Timeout;
  private startedAt = 0;
  private cpuAtStart: NodeJS.CpuUsage = process.cpuUsage();
  private eluAtStart: EventLoopUtilization = performance.eventLoopUtilization();
  private rssPeak = 0;

  /** `count` says how many rooms and clients the process holds (the matchmaker's local stats, for a Colyseus server). */
  constructor(private readonly count: () => { rooms: number; clients: number }) {
    this.delay.enable();
    this.rssTimer = setInterval(() => this.sampleRss(), RSS_SAMPLE_MS);
    this.rssTimer.unref();
    this.reset();
  }

  /** Starts a new window: what came before no longer counts. */
  reset(): void {
    this.delay.reset();
    this.startedAt = performance.now();
    this.cpuAtStart = process.cpuUsage();
    this.eluAtStart = performance.eventLoopUtilization();
    this.rssPeak = 0;
    this.sampleRss();
  }

  read(): MetricsWindow {
    const elapsedMs = performance.now() - this.startedAt;
    const cpu = process.cpuUsage(this.cpuAtStart);
    const rss = this.sampleRss();
    // The histogram records each interval whole; what the loop added to it is the lag.
    const lag = (nanoseconds: number) => (this.delay.count === 0 ? 0 : round(Math.max(0, nanoseconds / 1e6 - DELAY_RESOLUTION_MS)));
    const { rooms, clients } = this.count();
    return {
      seconds: round(elapsedMs / 1000),
      eventLoopLagMs: { p50: lag(this.delay.percentile(50)), p99: lag(this.delay.percentile(99)), max: lag(this.delay.max), samples: this.delay.count },
      eventLoopUtilization: round(performance.eventLoopUtilization(this.eluAtStart).utilization, 3),
      cpuPercent: elapsedMs > 0 ? round(((cpu.user + cpu.system) / 1000 / elapsedMs) * 100, 1) : 0,
      rssMb: { now: megabytes(rss), peak: megabytes(this.rssPeak) },
      heapUsedMb: megabytes(process.memoryUsage().heapUsed),
      rooms,
      clients,
    };
  }

  close(): void {
    clearInterval(this.rssTimer);
    this.delay.disable();
  }

  private sampleRss(): number {
    const rss = process.memoryUsage.rss();
    this.rssPeak = Math.max(this.rssPeak, rss);
    return rss;
  }
}
