import { ColyseusTestServer } from "@colyseus/testing";
import { join } from "node:path";
import { readConfig, repoRoot } from "../../server/config";
import { createGameServer } from "../../server/gameServer";
import { findFreePort } from "../../server/portCheck";
import { loadScenarioLibrary } from "../../server/scenarioLibrary";

/** The real game server (rooms and HTTP API) on a free loopback port, wrapped for @colyseus/testing. */
export async function bootTestServer(): Promise<ColyseusTestServer> {
  const port = await findFreePort();
  const config = { ...readConfig({ PORT: String(port), HOST: "127.0.0.1" }, []), clientDir: null };
  const library = loadScenarioLibrary(join(repoRoot, "assets", "scenarios"));
  const server = createGameServer(config, library);
  await server.listen(port, "127.0.0.1");
  return new ColyseusTestServer(server);
}
