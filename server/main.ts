import { existsSync } from "node:fs";
import { join } from "node:path";
import { connectRedis } from "./cluster/redisLink";
import { readConfig } from "./config";
import { createGameServer, type GameServer } from "./gameServer";
import { describeError, log } from "./log";
import { checkPortFree } from "./portCheck";
import { loadScenarioLibrary } from "./scenarioLibrary";
import { DraftStore } from "./store/draftStore";
import { MatchLeases } from "./store/matchLeases";
import { MatchStore } from "./store/matchStore";
import { ScenarioShelf } from "./store/scenarioShelf";
import { openStore } from "./store/openStore";

function fail(message: string): never {
  console.error(`maquis: ${message}`);
  process.exit(1);
}

/**
 * The last line of defence: every room catches what its own handlers throw, so anything reaching here
 * escaped a library callback. It is logged, and the other matches go on: ending the process would end
 * them all, while the one that failed is already isolated in its room.
 */
function keepRunningOnEscapedErrors(): void {
  process.on("uncaughtException", (error) => log.error({ error: describeError(error) }, "an exception escaped every handler; the server goes on"));
  process.on("unhandledRejection", (error) => log.error({ error: describeError(error) }, "a promise failed with nobody to handle it; the server goes on"));
}

/** A stop signal closes every room, which saves each unfinished match (a snapshot) before the process exits. */
function shutDownOnSignals(game: GameServer): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGUSR2"] as const) {
    process.once(signal, () => {
      log.info({ signal }, "stopping: saving every match");
      void game.server.gracefullyShutdown(true);
    });
  }
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
  let store, shelf, drafts, leases, where, storeShared;
  try {
    const { db, describe, kind } = await openStore(config);
    where = describe;
    // PostgreSQL may be shared by several processes; a SQLite file belongs to this one.
    storeShared = kind === "postgres";
    store = new MatchStore(db);
    leases = new MatchLeases(db);
    shelf = new ScenarioShelf(db);
    drafts = new DraftStore(db);
  } catch (error) {
    fail((error as Error).message);
  }
  // Say which store is in use and what it holds, so an empty one where matches were expected is noticed.
  const saved = await store.countMatches();
  log.info({ store: where, matches: saved }, `Store: ${where} (${saved === 0 ? "new or empty" : `${saved} match${saved === 1 ? "" : "es"} recorded`})`);
  let redis = null;
  if (config.redisUrl) {
    try {
      redis = await connectRedis(config.redisUrl);
    } catch (error) {
      fail((error as Error).message);
    }
    log.info({ redis: redis.where, publicAddress: config.publicAddress }, `Redis: ${redis.where}; other processes send players here at ${config.publicAddress}`);
  }
  const game = createGameServer(config, library, store, { shelf, drafts, leases, storeShared, redis });
  try {
    await game.listen(config.port, config.host);
  } catch (error) {
    fail(`cannot start: ${(error as Error).message}`);
  }
  keepRunningOnEscapedErrors();
  shutDownOnSignals(game);
  const resumed = await game.resumeSavedMatches();
  if (resumed.length > 0) log.info({ matches: resumed }, `Resumed ${resumed.length} unfinished match${resumed.length === 1 ? "" : "es"}: ${resumed.join(", ")}`);
  const shownHost = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  console.log(`Maquis is running${config.dev ? " (dev mode, hot reload)" : ""}: open http://${shownHost}:${config.port}/`);
}

await main();
