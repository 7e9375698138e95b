import { defineRoom, defineServer, matchMaker, type Server } from "@colyseus/core";
import { randomBytes } from "node:crypto";
import type { Server as HttpServer } from "node:http";
import { WebSocketTransport } from "@colyseus/ws-transport";
import express from "express";
import { LIMITS } from "../shared/protocol/limits";
import type { ServerConfig } from "./config";
import { AddressLimits, type AddressLimitSettings } from "./http/addressLimits";
import { mountHttpApi } from "./http/httpApi";
import { guardRequests } from "./http/requestGuard";
import { describeError, log } from "./log";
import { GuardedLobbyRoom } from "./rooms/GuardedLobbyRoom";
import { createMatchRoom, IDLE_SET_ASIDE_SECONDS, RECONNECT_SECONDS, type MatchServices } from "./rooms/MatchRoom";
import { createEditorRoom, EDITOR_RECONNECT_SECONDS } from "./rooms/EditorRoom";
import { createReplayRoom } from "./rooms/ReplayRoom";
import type { ScenarioLibrary } from "./scenarioLibrary";
import type { DraftStore } from "./store/draftStore";
import type { MatchStore } from "./store/matchStore";

export interface GameServer {
  server: Server;
  /** Listens, then puts the request guard (body size, true address, per-address limits) in front of every route. */
  listen(port: number, host: string): Promise<void>;
  /** Brings back every match the store holds as running (after a restart or a crash; not those set aside). Returns their ids. */
  resumeSavedMatches(): Promise<string[]>;
}

export interface GameServerOptions {
  /** How long a dropped player's seat waits (tests shorten it). */
  reconnectSeconds?: number;
  /** How long a match may go with nobody connected before it is set aside (tests shorten it). */
  idleSetAsideSeconds?: number;
  /** Per-address limits; tests whose many clients all come from 127.0.0.1 widen them. */
  addressLimits?: AddressLimitSettings;
  /** Where scenario drafts edited together are kept; without it a draft lasts as long as its room. */
  drafts?: DraftStore | null;
  /** How long a dropped editor's place in a draft waits (tests shorten it). */
  editorReconnectSeconds?: number;
}

/** Assembles the one process: HTTP API, the built client (or Vite in dev) and the Colyseus rooms. */
export function createGameServer(config: ServerConfig, library: ScenarioLibrary, store: MatchStore | null = null, options: GameServerOptions = {}): GameServer {
  const addressLimits = new AddressLimits(options.addressLimits ?? LIMITS);
  const services: MatchServices = {
    library,
    store,
    resumeKey: randomBytes(24).toString("hex"),
    reconnectSeconds: options.reconnectSeconds ?? RECONNECT_SECONDS,
    idleSetAsideSeconds: options.idleSetAsideSeconds ?? IDLE_SET_ASIDE_SECONDS,
    addressLimits,
  };
  const transport = new WebSocketTransport({ maxPayload: LIMITS.messageBytes });
  const server = defineServer({
    transport,
    greet: false,
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
      mountHttpApi(app, library, store, addressLimits);
      if (config.dev) {
        const { createServer } = await import("vite");
        const vite = await createServer({ server: { middlewareMode: true }, appType: "spa" });
        app.use(vite.middlewares);
      } else if (config.clientDir) {
        app.use(express.static(config.clientDir, { index: "index.html" }));
      }
    },
  });
  return {
    server,
    async listen(port, host) {
      await server.listen(port, host);
      guardRequests(transport.server as HttpServer, { maxBodyBytes: LIMITS.httpBodyBytes, limits: addressLimits, trustProxy: config.trustProxy });
    },
    async resumeSavedMatches() {
      const resumed: string[] = [];
      for (const saved of (await store?.unfinishedMatches()) ?? []) {
        try {
          await matchMaker.createRoom("match", { resume: saved.id, resumeKey: services.resumeKey });
          resumed.push(saved.id);
        } catch (error) {
          log.error({ room: saved.id, error: describeError(error) }, "could not resume a saved match");
        }
      }
      return resumed;
    },
  };
}
