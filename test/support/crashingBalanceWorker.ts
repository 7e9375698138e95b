import { parentPort } from "node:worker_threads";

/* Stands in for server/balance/balanceWorker.ts in the tests of a worker that crashes mid-report. */
parentPort!.postMessage({ kind: "progress", played: 1 });
throw new Error("the simulation broke on purpose");
