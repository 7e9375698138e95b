import { defineRoom, defineServer, matchMaker, type Server } from "@colyseus/core";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { Server as HttpServer } from "node:http";
import { WebSocketTransport } from "@colyseus/ws-transport";
import express from "express";
import { LIMITS } from "../shared/protocol/limits";
import { BalanceJobs, type BalanceJobsOptions } from "./balance/balanceJobs";
import type { ServerConfig } from "./config";
import { mountAdminApi } from "./http/adminApi";
import { AddressLimits, type AddressLimitSettings } from "./http/addressLimits";
import { BALANCE_PATH, mountBalanceApi } from "./http/balanceApi";
import { mountCommunityApi, SCENARIO_UPLOAD_PATHS } from "./http/communityApi";
import { mountHttpApi } from "./http/httpApi";
import { guardRequests } from "./http/requestGuard";
import { LeaseKeeper, type LeaseStore } from "./cluster/leaseKeeper";
import { OrphanWatch } from "./cluster/orphanWatch";
import type { RedisLink } from "./cluster/redisLink";
import { GuardedLobbyRoom } from "./rooms/GuardedLobbyRoom";
import { createMatchRoom, IDLE_SET_ASIDE_SECONDS, RECONNECT_SECONDS, type MatchServices } from "./rooms/MatchRoom";
import { createEditorRoom, EDITOR_RECONNECT_SECONDS } from "./rooms/EditorRoom";
import { createReplayRoom } from "./rooms/ReplayRoom";
import { PlaytestDrafts } from "./playtestDrafts";
import { ScenarioCatalogue } from "./scenarioCatalogue";
import type { ScenarioLibrary } from "./scenarioLibrary";
import type { DraftStore } from "./store/draftStore";
import type { MatchStore } from "./store/matchStore";
import type { ScenarioShelf } from "./store/scenarioShelf";

/** The scenario editor's page. */
export const EDITOR_PATH = "/editor";

export interface GameServer {
  server: Server;
  /** The balance reports the editor asks for, played in worker threads. */
  balanceJobs: BalanceJobs;
  /** Listens, then puts the request guard (body size, true address, per-address limits) in front of every route. */
  listen(port: number, host: string): Promise<void>;
  /**
   * Brings back every match the store holds as running that no live process runs (after a restart or a
   * crash; not those set aside), then keeps watching for matches whose process stops. Returns the ids
   * brought back at once.
   */
  resumeSavedMatches(): Promise<string[]>;
}

export interface GameServerOptions {
  /** How long a dropped player's seat waits (tests shorten it). */
  reconnectSeconds?: number;
  /** How long a match may go with nobody connected before it is set aside (tests shorten it). */
  idleSetAsideSeconds?: number;
  /** Per-address limits; tests whose many clients all come from 127.0.0.1 widen them. */
  addressLimits?: AddressLimitSettings;
  /** Balance reports' threads and timeout (tests shorten the timeout or put in a worker that crashes). */
  balance?: BalanceJobsOptions;
  /** The community's published scenarios, kept in the same database as the matches; without it nothing can be published. */
  shelf?: ScenarioShelf | null;
  /** Where scenario drafts edited together are kept; without it a draft lasts as long as its room. */
  drafts?: DraftStore | null;
  /** How long a dropped editor's place in a draft waits (tests shorten it). */
  editorReconnectSeconds?: number;
  /** The matches' leases, kept in the same database as the matches; without them a saved match is never resumed. */
  leases?: LeaseStore | null;
  /** How often orphaned matches are looked for (tests bring them back when they say, not on a timer). */
  orphanScanMs?: number;
  /** The store may be shared with other processes (PostgreSQL): leases left in it are never assumed to be this process's own. */
  storeShared?: boolean;
  /** Matchmaking shared with other processes through Redis (REDIS_URL); without it this process stands alone. */
  redis?: RedisLink | null;
}

/** Assembles the one process: HTTP API, the built client (or Vite in dev) and the Colyseus rooms. */
export function createGameServer(config: ServerConfig, library: ScenarioLibrary, store: MatchStore | null = null, options: GameServerOptions = {}): GameServer {
  const addressLimits = new AddressLimits(options.addressLimits ?? LIMITS);
  const scenarios = new ScenarioCatalogue(library, new PlaytestDrafts(), options.shelf ?? null);
  const services: MatchServices = {
    scenarios,
    store,
    resumeKey: randomBytes(24).toString("hex"),
    reconnectSeconds: options.reconnectSeconds ?? RECONNECT_SECONDS,
    idleSetAsideSeconds: options.idleSetAsideSeconds ?? IDLE_SET_ASIDE_SECONDS,
    addressLimits,
    leases: new LeaseKeeper(options.leases ?? null, () => matchMaker.processId),
  };
  const redis = options.redis ?? null;
  let orphanWatch: OrphanWatch | undefined;
  const balanceJobs = new BalanceJobs(options.balance);
  const transport = new WebSocketTransport({ maxPayload: LIMITS.messageBytes });
  const server = defineServer({
    transport,
    greet: false,
    // With Redis, each process announces where clients reach it; seat reservations send them there.
    ...(redis ? { presence: redis.presence, driver: redis.driver, publicAddress: config.publicAddress ?? undefined } : {}),
    // Colyseus would also end the process on any uncaught exception; main.ts owns the signals instead.
    gracefullyShutdown: false,
    rooms: {
      // Quick play fills public matches of the same scenario that started at once; lobby matches are joined from the list.
      match: defineRoom(createMatchRoom(services)).filterBy(["scenario", "lobby"]).enableRealtimeListing(),
      lobby: defineRoom(GuardedLobbyRoom),
      replay: defineRoom(createReplayRoom(services)),
      editor: defineRoom(createEditorRoom({ drafts: options.drafts ?? null, addressLimits, reconnectSeconds: options.editorReconnectSeconds ?? EDITOR_RECONNECT_SECONDS })),
    },
    express: async (app) => {
      mountAdminApi(app, { password: config.adminPassword });
      // Before the HTTP API, whose last route answers 404 for every other /api path.
      mountBalanceApi(app, balanceJobs, addressLimits);
      mountCommunityApi(app, scenarios, addressLimits);
      mountHttpApi(app, scenarios, store, addressLimits, redis, () => ({ held: services.leases.count, scans: orphanWatch?.scans ?? 0 }));
      if (config.dev) {
        const { createServer } = await import("vite");
        const vite = await createServer({ server: { middlewareMode: true }, appType: "spa" });
        app.use(vite.middlewares);
      } else if (config.clientDir) {
        app.use(express.static(config.clientDir, { index: "index.html" }));
        // The scenario editor is a page of the same client (client/main.ts opens it by its path).
        app.get(EDITOR_PATH, (_req, res) => res.sendFile(join(config.clientDir!, "index.html")));
      }
    },
  });
  // A stopping process takes nothing over: the matches it lets go of are for the others.
  server.onBeforeShutdown(() => orphanWatch?.stop());
  server.onShutdown(() => {
    balanceJobs.close();
    services.leases.stop();
    void redis?.close();
  });
  return {
    server,
    balanceJobs,
    async listen(port, host) {
      await server.listen(port, host);
      guardRequests(transport.server as HttpServer, {
        maxBodyBytes: LIMITS.httpBodyBytes,
        uploads: { paths: [...SCENARIO_UPLOAD_PATHS, BALANCE_PATH], maxBodyBytes: LIMITS.scenarioUploadBytes },
        limits: addressLimits,
        trustProxy: config.trustProxy,
      });
    },
    async resumeSavedMatches() {
      if (!store || !options.leases) return [];
      if (orphanWatch) return orphanWatch.scan();
      // Alone on its own SQLite file, this process knows every lease there is from its own previous life (a crash leaves them behind).
      if (!redis && !options.storeShared) await options.leases.forgetAll();
      orphanWatch = new OrphanWatch(options.leases, () => matchMaker.processId, services.resumeKey, options.orphanScanMs);
      return orphanWatch.start();
    },
  };
}
