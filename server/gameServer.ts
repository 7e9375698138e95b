import { defineRoom, defineServer, LobbyRoom, matchMaker, type Server } from "@colyseus/core";
import { randomBytes } from "node:crypto";
import { WebSocketTransport } from "@colyseus/ws-transport";
import express from "express";
import type { ServerConfig } from "./config";
import { mountHttpApi } from "./httpApi";
import { createMatchRoom, RECONNECT_SECONDS, type MatchServices } from "./rooms/MatchRoom";
import { createReplayRoom } from "./rooms/ReplayRoom";
import type { ScenarioLibrary } from "./scenarioLibrary";
import type { MatchStore } from "./store/matchStore";

/** Largest client message in bytes; orders are tiny, so anything bigger is hostile or broken. */
const MAX_PAYLOAD_BYTES = 4 * 1024;

export interface GameServer {
  server: Server;
  /** Brings back every match the store holds as unfinished (after a restart or a crash). Returns their ids. */
  resumeSavedMatches(): Promise<string[]>;
}

/** Assembles the one process: HTTP API, the built client (or Vite in dev) and the Colyseus rooms. */
export function createGameServer(
  config: ServerConfig,
  library: ScenarioLibrary,
  store: MatchStore | null = null,
  reconnectSeconds = RECONNECT_SECONDS,
): GameServer {
  const services: MatchServices = { library, store, resumeKey: randomBytes(24).toString("hex"), reconnectSeconds };
  const server = defineServer({
    transport: new WebSocketTransport({ maxPayload: MAX_PAYLOAD_BYTES }),
    greet: false,
    rooms: {
      // Quick play fills public matches of the same scenario that started at once; lobby matches are joined from the list.
      match: defineRoom(createMatchRoom(services)).filterBy(["scenario", "lobby"]).enableRealtimeListing(),
      lobby: defineRoom(LobbyRoom),
      replay: defineRoom(createReplayRoom(services)),
    },
    express: async (app) => {
      mountHttpApi(app, library, store);
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
    async resumeSavedMatches() {
      const resumed: string[] = [];
      for (const saved of (await store?.unfinishedMatches()) ?? []) {
        try {
          await matchMaker.createRoom("match", { resume: saved.id, resumeKey: services.resumeKey });
          resumed.push(saved.id);
        } catch (error) {
          console.error(`maquis: could not resume match ${saved.id}: ${(error as Error).message}`);
        }
      }
      return resumed;
    },
  };
}
