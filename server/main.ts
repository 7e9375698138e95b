import { existsSync } from "node:fs";
import { join } from "node:path";
import { readConfig } from "./config";
import { createGameServer } from "./gameServer";
import { checkPortFree } from "./portCheck";
import { loadScenarioLibrary } from "./scenarioLibrary";

function fail(message: string): never {
  console.error(`maquis: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config;
  try {
    config = readConfig();
  } catch (error) {
    fail((error as Error).message);
  }
  // Colyseus only logs a failed bind and keeps running; check first so a taken port ends the process.
  const portProblem = await checkPortFree(config.port, config.host);
  if (portProblem) fail(portProblem);
  if (config.clientDir && !existsSync(join(config.clientDir, "index.html")))
    fail(`the client is not built (${config.clientDir} has no index.html); run "npm run build" or use "npm start"`);
  const library = loadScenarioLibrary(config.scenarioDir);
  if (library.list().length === 0) fail(`no valid scenario found in ${config.scenarioDir}`);
  const server = createGameServer(config, library);
  try {
    await server.listen(config.port, config.host);
  } catch (error) {
    fail(`cannot start: ${(error as Error).message}`);
  }
  const shownHost = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  console.log(`Maquis is running${config.dev ? " (dev mode, hot reload)" : ""}: open http://${shownHost}:${config.port}/`);
}

await main();
