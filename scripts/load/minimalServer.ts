/**
 * The load harness's baseline server: one room type (scripts/load/minimalRoom.ts) and the same admin
 * route as the game (server/http/adminApi.ts), so the harness reads both servers' figures alike.
 * Started by scripts/load.ts with PORT, HOST and ADMIN_PASSWORD; prints MINIMAL_READY_LINE once it listens.
 */
import { defineRoom, defineServer } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { readConfig } from "../../server/config";
import { mountAdminApi } from "../../server/http/adminApi";
import { MINIMAL_READY_LINE, MINIMAL_ROOM, MinimalRoom } from "./minimalRoom";

const config = readConfig();
const server = defineServer({
  transport: new WebSocketTransport(),
  greet: false,
  rooms: { [MINIMAL_ROOM]: defineRoom(MinimalRoom) },
  express: (app) => mountAdminApi(app, { password: config.adminPassword }),
});
await server.listen(config.port, config.host);
console.log(`${MINIMAL_READY_LINE} on port ${config.port}`);
