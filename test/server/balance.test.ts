import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BalanceJobView, BalanceProblemAnswer } from "../../shared/protocol/balanceMessages";
import { LIMITS } from "../../shared/protocol/limits";
import { playSeries } from "../../shared/rules/balanceSeries";
import { validateScenario } from "../../shared/scenario/parseScenario";
import { BalanceJobs } from "../../server/balance/balanceJobs";
import { findFreePort } from "../../server/portCheck";
import { ensureClientBuilt } from "../support/clientBuild";
import { startServerProcess } from "../support/serverProcess";
import { scenarioFileText } from "../support/scenarios";
import { bootTestServer, type TestServer } from "../support/testServer";

/** Dorvan as a modder's draft: the file as written, cut to `days` so a game is quick (ten days: a tenth of a second). */
function dorvanDraft(days: number): Record<string, unknown> {
  return { ...(JSON.parse(scenarioFileText("dorvan-2370")) as Record<string, unknown>), length: { days } };
}
const QUICK = dorvanDraft(10);
/** The full ninety days: a second or so a game, so a long job stays running while a test looks at it. */
const LONG = dorvanDraft(90);

const PLAYER = "balance-tester-0001";
const OTHER_PLAYER = "balance-tester-0002";

async function api<T>(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

const start = (base: string, body: unknown) => api<{ jobId: string } & BalanceProblemAnswer>(base, "POST", "/api/balance", body);
const statusOf = async (base: string, jobId: string) => (await api<BalanceJobView>(base, "GET", `/api/balance/${jobId}`)).body;

/** Polls until `done` holds of the job's status (a positive signal), keeping every status seen. */
async function pollUntil(base: string, jobId: string, done: (view: BalanceJobView) => boolean, timeoutMs = 30_000): Promise<BalanceJobView[]> {
  const seen: BalanceJobView[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = await statusOf(base, jobId);
    seen.push(view);
    if (done(view)) return seen;
    if (Date.now() > deadline) throw new Error(`the job did not get there in ${timeoutMs} ms; last: ${JSON.stringify(view)}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("the condition never held");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const isFinished = (view: BalanceJobView) => !["queued", "running"].includes(view.status);

describe("balance reports (POST/GET/DELETE /api/balance)", () => {
  let server: TestServer;
  let base: string;
  beforeAll(async () => {
    server = await bootTestServer({ addressLimits: LIMITS });
    base = `http://127.0.0.1:${server.server["port"] as number}`;
  });
  afterAll(() => server.shutdown());

  it("plays the games in a worker, reports progress game by game, and ends with a row per side and level", async () => {
    const games = 4;
    const started = await start(base, { scenario: QUICK, games, levels: { occupier: ["easy", "normal"], maquis: ["hard"] }, player: PLAYER });
    expect(started.status).toBe(202);
    const seen = await pollUntil(base, started.body.jobId, isFinished);
    const last = seen.at(-1)!;
    expect(last.status, last.message).toBe("done");
    expect(last.played).toBe(12);
    expect(last.total).toBe(12);
    const played = seen.map((view) => view.played);
    expect(played).toEqual([...played].sort((a, b) => a - b));
    expect(played.some((count) => count > 0 && count < 12), `progress seen: ${played.join(", ")}`).toBe(true);
    const report = last.result!;
    expect(report.games).toBe(12);
    expect(report.rows.map((row) => row.ai)).toEqual([
      { occupier: "easy", maquis: "normal" },
      { occupier: "normal", maquis: "normal" },
      { occupier: "normal", maquis: "hard" },
    ]);
    for (const row of report.rows) {
      expect(row.games).toBe(games);
      expect(row.winRate.maquis + row.winRate.occupier + row.winRate.draw).toBeCloseTo(100, 0);
      expect(row.meanDays).toBeCloseTo(10, 0);
      expect(row.meanMinutesAt1x).toBeGreaterThan(0);
      expect(Object.keys(row.objectivesMetPercent).length).toBeGreaterThan(0);
    }
    // The same seeds and the same tally as `npm run balance`.
    const scenario = validateScenario(QUICK);
    if (!scenario.ok) throw new Error("the quick draft must validate");
    expect(report.rows[2]).toEqual(playSeries(scenario.scenario, games, 1, { occupier: "normal", maquis: "hard" }));
  });

  it("refuses a scenario that does not validate with its problems by path, and starts nothing", async () => {
    const broken = { ...QUICK, length: { days: 0 }, title: "" };
    const answer = await start(base, { scenario: broken, games: 2, levels: { occupier: ["normal"], maquis: [] }, player: PLAYER });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe("invalid_scenario");
    expect(answer.body.message).toMatch(/the scenario has \d+ problems? to fix/);
    const paths = answer.body.problems!.map((problem) => problem.path);
    expect(paths).toContain("title");
    expect(paths.some((path) => path.startsWith("length"))).toBe(true);
    expect(server.game.balanceJobs.liveThreads).toBe(0);
  });

  it("refuses a malformed request: too many games, an unknown level, no level, no player", async () => {
    const refusals = [
      { body: { scenario: QUICK, games: LIMITS.balanceGamesPerJob + 1, levels: { occupier: ["normal"], maquis: [] }, player: PLAYER }, path: "games" },
      { body: { scenario: QUICK, games: 80, levels: { occupier: ["easy", "normal", "hard"], maquis: [] }, player: PLAYER }, path: "games" },
      { body: { scenario: QUICK, games: 2, levels: { occupier: ["brutal"], maquis: [] }, player: PLAYER }, path: "levels.occupier.0" },
      { body: { scenario: QUICK, games: 2, levels: { occupier: [], maquis: [] }, player: PLAYER }, path: "levels" },
      { body: { scenario: QUICK, games: 2, levels: { occupier: ["normal"], maquis: [] } }, path: "player" },
      { body: "{not json", path: undefined },
    ];
    for (const refusal of refusals) {
      const answer = await start(base, refusal.body);
      expect(answer.status, JSON.stringify(refusal.body).slice(0, 80)).toBe(400);
      expect(answer.body.error).toBe("bad_request");
      if (refusal.path) expect(answer.body.problems!.map((problem) => problem.path)).toContain(refusal.path);
    }
  });

  it(`takes a scenario bigger than the ${LIMITS.httpBodyBytes}-byte body limit of other routes, up to ${LIMITS.scenarioUploadBytes} bytes`, async () => {
    // The same draft, spaced out: valid JSON well past the common limit.
    const roomy = JSON.stringify({ scenario: QUICK, games: 200, levels: { occupier: ["brutal"], maquis: [] }, player: PLAYER }, null, 30);
    expect(roomy.length).toBeGreaterThan(LIMITS.httpBodyBytes);
    const accepted = await start(base, roomy);
    // Past the guard: refused by the request's own check (the level), not by its size.
    expect(accepted.status).toBe(400);
    expect(accepted.body.error).toBe("bad_request");
    const huge = await start(base, { scenario: { ...QUICK, padding: "x".repeat(LIMITS.scenarioUploadBytes) }, games: 1, levels: { occupier: ["normal"], maquis: [] }, player: PLAYER });
    expect(huge.status).toBe(413);
    expect(huge.body.error).toBe("body_too_large");
  });

  it("allows one job per player and per address, keeps /health quick while it runs, and lets only its owner cancel it", async () => {
    const started = await start(base, { scenario: LONG, games: 50, levels: { occupier: ["normal"], maquis: [] }, player: PLAYER });
    expect(started.status).toBe(202);
    const jobId = started.body.jobId;

    const samePlayer = await start(base, { scenario: QUICK, games: 1, levels: { occupier: ["normal"], maquis: [] }, player: PLAYER });
    expect(samePlayer.status).toBe(429);
    expect(samePlayer.body.message).toMatch(/already have a balance report/);
    const sameAddress = await start(base, { scenario: QUICK, games: 1, levels: { occupier: ["normal"], maquis: [] }, player: OTHER_PLAYER });
    expect(sameAddress.status).toBe(429);
    expect(sameAddress.body.message).toMatch(/from your address/);

    // Once a game has been played the worker is surely busy: the server's own loop must stay free.
    await pollUntil(base, jobId, (view) => view.played >= 1);
    const answerTimes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const asked = performance.now();
      const health = await fetch(`${base}/health`);
      expect(health.status).toBe(200);
      answerTimes.push(performance.now() - asked);
    }
    expect((await statusOf(base, jobId)).status).toBe("running");
    expect(Math.max(...answerTimes), `/health answered in ${answerTimes.map(Math.round).join(", ")} ms`).toBeLessThan(500);

    expect((await api(base, "DELETE", `/api/balance/${jobId}?player=${OTHER_PLAYER}`)).status).toBe(403);
    expect((await api(base, "DELETE", `/api/balance/${jobId}`)).status).toBe(400);
    const cancelled = await api<BalanceJobView>(base, "DELETE", `/api/balance/${jobId}?player=${PLAYER}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe("cancelled");
    await until(() => server.game.balanceJobs.liveThreads === 0);
    const after = await statusOf(base, jobId);
    expect(after.status).toBe("cancelled");
    expect(after.played).toBeLessThan(after.total);

    // The slot is free again: the same player may start another.
    const next = await start(base, { scenario: QUICK, games: 1, levels: { occupier: ["normal"], maquis: [] }, player: PLAYER });
    expect(next.status).toBe(202);
    expect((await pollUntil(base, next.body.jobId, isFinished)).at(-1)!.status).toBe("done");
  });

  it("answers 404 for an unknown job", async () => {
    expect((await api(base, "GET", "/api/balance/no-such-job")).status).toBe(404);
    expect((await api(base, "DELETE", `/api/balance/no-such-job?player=${PLAYER}`)).status).toBe(404);
  });
});

describe("balance reports that go wrong", () => {
  let server: TestServer;
  let base: string;
  afterAll(() => server?.shutdown());

  it("fails the job with a clear message when its worker throws, and the server goes on", async () => {
    server = await bootTestServer({ balance: { workerUrl: new URL("../support/crashingBalanceWorker.ts", import.meta.url) } });
    base = `http://127.0.0.1:${server.server["port"] as number}`;
    const started = await start(base, { scenario: QUICK, games: 3, levels: { occupier: ["normal"], maquis: [] }, player: PLAYER });
    expect(started.status).toBe(202);
    const last = (await pollUntil(base, started.body.jobId, isFinished)).at(-1)!;
    expect(last.status).toBe("failed");
    expect(last.message).toMatch(/stopped with an error .*the simulation broke on purpose/);
    expect(last.result).toBeUndefined();
    await until(() => server.game.balanceJobs.liveThreads === 0);
    expect((await fetch(`${base}/health`)).status).toBe(200);
    // Its owner may start again at once.
    expect((await start(base, { scenario: QUICK, games: 1, levels: { occupier: ["normal"], maquis: [] }, player: PLAYER })).status).toBe(202);
    await server.shutdown();
  });

  it("stops a job that runs past its time and says so", async () => {
    server = await bootTestServer({ balance: { jobTimeoutMs: 1500 } });
    base = `http://127.0.0.1:${server.server["port"] as number}`;
    const started = await start(base, { scenario: LONG, games: 50, levels: { occupier: ["normal"], maquis: [] }, player: PLAYER });
    const last = (await pollUntil(base, started.body.jobId, isFinished)).at(-1)!;
    expect(last.status).toBe("failed");
    expect(last.message).toMatch(/stopped after 2 seconds with \d+ of 50 games played/);
    await until(() => server.game.balanceJobs.liveThreads === 0);
  });
});

describe("balance reports in the server's own process (node --import tsx server/main.ts)", () => {
  beforeAll(() => ensureClientBuilt());

  it("loads the worker and plays a report to its end", { timeout: 60_000 }, async () => {
    const running = await startServerProcess(await findFreePort());
    try {
      const started = await start(running.url, { scenario: QUICK, games: 2, levels: { occupier: [], maquis: ["easy"] }, player: PLAYER });
      expect(started.status).toBe(202);
      const last = (await pollUntil(running.url, started.body.jobId, isFinished)).at(-1)!;
      expect(last.status, last.message).toBe("done");
      expect(last.result!.rows).toHaveLength(1);
      expect(last.result!.games).toBe(2);
    } finally {
      await running.stop();
    }
  });
});

describe("the balance job queue", () => {
  it(`runs one job per thread, queues the rest up to ${LIMITS.balanceQueuedJobs}, and keeps only the newest ${LIMITS.balanceKeptJobs} finished ones`, async () => {
    const scenario = validateScenario(LONG);
    if (!scenario.ok) throw new Error("the long draft must validate");
    const jobs = new BalanceJobs({ workers: 1 });
    const request = (n: number) => ({ scenario: LONG, games: 10, levels: { occupier: ["normal" as const], maquis: [] }, player: `queue-tester-${String(n).padStart(6, "0")}` });
    const submit = (n: number) => jobs.submit(scenario.scenario, request(n), `address-${n}`);
    try {
      const first = submit(0);
      if (!first.ok) throw new Error(first.message);
      const waiting: string[] = [];
      for (let n = 1; n <= LIMITS.balanceQueuedJobs; n++) {
        const queued = submit(n);
        if (!queued.ok) throw new Error(queued.message);
        waiting.push(queued.jobId);
      }
      expect(jobs.view(first.jobId)!.status).toBe("running");
      expect(waiting.map((id) => jobs.view(id)!.status)).toEqual(waiting.map(() => "queued"));
      expect(jobs.liveThreads).toBe(1);
      const refused = submit(LIMITS.balanceQueuedJobs + 1);
      expect(refused).toMatchObject({ ok: false, status: 503, error: "busy" });

      // Cancelling waiting jobs (no thread to stop) finishes them at once, oldest first.
      waiting.forEach((id, i) => expect(jobs.cancel(id, request(i + 1).player)).toBe("cancelled"));
      const finished = [...waiting];
      let n = LIMITS.balanceQueuedJobs + 1;
      while (finished.length <= LIMITS.balanceKeptJobs) {
        const more = submit(n);
        if (!more.ok) throw new Error(more.message);
        expect(jobs.cancel(more.jobId, request(n).player)).toBe("cancelled");
        finished.push(more.jobId);
        n += 1;
      }
      expect(jobs.view(finished.at(-1)!)!.status).toBe("cancelled");
      expect(jobs.view(finished[0]!)).toBeUndefined();
      expect(jobs.view(finished[1]!)!.status).toBe("cancelled");
      expect(jobs.view(first.jobId)!.status).toBe("running");
    } finally {
      await jobs.close();
    }
    expect(jobs.liveThreads).toBe(0);
  });
});
