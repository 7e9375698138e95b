import { parentPort, workerData } from "node:worker_threads";
import type { BalanceReport } from "../../shared/protocol/balanceMessages";
import { playSeriesGame, SeriesTally } from "../../shared/rules/balanceSeries";
import type { BalanceWorkerInput, BalanceWorkerMessage } from "./workerMessages";

/*
 * A worker thread (started by balanceJobs.ts) that plays one balance report's games, off the rooms'
 * event loop. It posts its progress after each game; cancelling terminates the thread.
 */
const input = workerData as BalanceWorkerInput;
const post = (message: BalanceWorkerMessage) => parentPort!.postMessage(message);

let played = 0;
const rows = input.pairings.map((ai) => {
  const tally = new SeriesTally(input.scenario, ai);
  for (let i = 0; i < input.gamesPerRow; i++) {
    tally.add(playSeriesGame(input.scenario, input.firstSeed + i, ai));
    played += 1;
    post({ kind: "progress", played });
  }
  return tally.result();
});
const report: BalanceReport = { scenario: input.scenario.id, games: played, rows };
post({ kind: "done", report });
