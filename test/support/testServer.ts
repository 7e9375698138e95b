import { ColyseusTestServer } from "@colyseus/testing";
import { join } from "node:path";
import { readConfig, repoRoot } from "../../server/config";
import { createGameServer, type GameServer } from "../../server/gameServer";
import type { BalanceJobsOptions } from "../../server/balance/balanceJobs";
import { ONE_ADDRESS_HARNESS_LIMITS, type AddressLimitSettings } from "../../server/http/addressLimits";
import { findFreePort } from "../../server/portCheck";
import { loadScenarioLibrary } from "../../server/scenarioLibrary";
import { DraftStore } from "../../server/store/draftStore";
import { MatchLeases } from "../../server/store/matchLeases";
import { MatchStore } from "../../server/store/matchStore";
import { openStore } from "../../server/store/openStore";
import { ScenarioShelf } from "../../server/store/scenarioShelf";

export interface TestServer extends ColyseusTestServer {
  game: GameServer;
  store: MatchStore | null;
  drafts: DraftStore | null;
}

/**
 * The real game server (rooms and HTTP API) on a free loopback port, wrapped for @colyseus/testing.
 * With a data folder it also keeps a store there, as `npm start` does.
 */
/** Room tests open many matches from 127.0.0.1 at once, so they get harness limits unless a test asks for real ones. */
export async function bootTestServer(
  options: { dataDir?: string; reconnectSeconds?: number; idleSetAsideSeconds?: number; scenarioDir?: string; addressLimits?: AddressLimitSettings; balance?: BalanceJobsOptions; editorReconnectSeconds?: number; orphanScanMs?: number } = {},
): Promise<TestServer> {
  const port = await findFreePort();
  const config = { ...readConfig({ PORT: String(port), HOST: "127.0.0.1" }, []), clientDir: null };
  const library = loadScenarioLibrary(options.scenarioDir ?? join(repoRoot, "assets", "scenarios"), () => {});
  const db = options.dataDir ? (await openStore({ dataDir: options.dataDir })).db : null;
  const store = db ? new MatchStore(db) : null;
  const drafts = db ? new DraftStore(db) : null;
  const game = createGameServer(config, library, store, {
    shelf: db ? new ScenarioShelf(db) : null,
    leases: db ? new MatchLeases(db) : null,
    // Tests bring matches back when they say so (resumeSavedMatches), not on a timer of their own.
    orphanScanMs: options.orphanScanMs ?? 3_600_000,
    drafts,
    reconnectSeconds: options.reconnectSeconds,
    idleSetAsideSeconds: options.idleSetAsideSeconds,
    addressLimits: options.addressLimits ?? ONE_ADDRESS_HARNESS_LIMITS,
    balance: options.balance,
    editorReconnectSeconds: options.editorReconnectSeconds,
  });
  await game.listen(port, "127.0.0.1");
  return Object.assign(new ColyseusTestServer(game.server), { game, store, drafts });
}
