import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { Redis } from "ioredis";
import { describeError, log } from "../log";

/** How long start-up waits for Redis before it gives up with a message. */
const CONNECT_TIMEOUT_MS = 3000;

/** What /health says of Redis. */
export interface RedisHealth {
  ok: boolean;
  milliseconds?: number;
  error?: string;
}

/**
 * The processes' shared matchmaking: Colyseus' own Redis presence (messages between processes, seat
 * reservations) and driver (the room list every process reads). One more connection of ours answers
 * /health and says in the log when Redis goes away and comes back; the rooms play on meanwhile.
 */
export interface RedisLink {
  presence: RedisPresence;
  driver: RedisDriver;
  /** Where Redis is, without its password (for the log). */
  where: string;
  health(): Promise<RedisHealth>;
  close(): Promise<void>;
}

/** host:port of a Redis URL: never its password. */
export function redisWhere(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "6379"}${parsed.pathname.length > 1 ? parsed.pathname : ""}`;
  } catch {
    return "(an unreadable REDIS_URL)";
  }
}

/** Connects to Redis first, so a wrong REDIS_URL stops start-up with a sentence instead of endless retries in the log. */
export async function connectRedis(url: string): Promise<RedisLink> {
  const where = redisWhere(url);
  const probe = new Redis(url, { lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  // Until start-up succeeds, errors are reported by the connect below; afterwards, once per outage.
  probe.on("error", () => undefined);
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    probe.disconnect();
    throw new Error(`cannot reach Redis at ${where} (${(error as Error).message}); check REDIS_URL and that Redis is running`);
  }
  let down = false;
  probe.removeAllListeners("error");
  probe.on("error", (error) => {
    if (down) return;
    down = true;
    log.error({ redis: where, error: describeError(error) }, "Redis is unreachable: matches play on, but matchmaking across processes waits for it");
  });
  probe.on("ready", () => {
    if (!down) return;
    down = false;
    log.info({ redis: where }, "Redis is back");
  });
  const presence = new RedisPresence(url);
  const driver = new RedisDriver(url);
  return {
    presence,
    driver,
    where,
    async health() {
      const started = performance.now();
      try {
        await probe.ping();
        return { ok: true, milliseconds: Math.round((performance.now() - started) * 10) / 10 };
      } catch (error) {
        return { ok: false, error: (error as Error).message };
      }
    },
    async close() {
      probe.disconnect();
    },
  };
}
