import { defineRoom, defineServer, type Server } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import express from "express";
import type { ServerConfig } from "./config";
import { mountHttpApi } from "./httpApi";
import { createMatchRoom } from "./rooms/MatchRoom";
import type { ScenarioLibrary } from "./scenarioLibrary";

/** Largest client message in bytes; orders are tiny, so anything bigger is hostile or broken. */
const MAX_PAYLOAD_BYTES = 4 * 1024;

/** Assembles the one process: HTTP API, the built client (or Vite in dev) and the Colyseus rooms. */
export function createGameServer(config: ServerConfig, library: ScenarioLibrary): Server {
  return defineServer({
    transport: new WebSocketTransport({ maxPayload: MAX_PAYLOAD_BYTES }),
    greet: false,
    rooms: {
      match: defineRoom(createMatchRoom(library)).filterBy(["scenario"]),
    },
    express: async (app) => {
      mountHttpApi(app, library);
      if (config.dev) {
        const { createServer } = await import("vite");
        const vite = await createServer({ server: { middlewareMode: true }, appType: "spa" });
        app.use(vite.middlewares);
      } else if (config.clientDir) {
        app.use(express.static(config.clientDir, { index: "index.html" }));
      }
    },
  });
}
