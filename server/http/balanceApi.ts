import express, { type Application, type NextFunction, type Request, type Response } from "express";
import { balanceRequestSchema, type BalanceProblemAnswer } from "../../shared/protocol/balanceMessages";
import { playerIdSchema } from "../../shared/protocol/joinOptions";
import { LIMITS } from "../../shared/protocol/limits";
import { validateScenario } from "../../shared/scenario/parseScenario";
import type { BalanceJobs } from "../balance/balanceJobs";
import type { AddressLimits } from "./addressLimits";
import { addressOf } from "./httpApi";

/** A job id as balanceJobs.ts makes them (base64url); anything else cannot be one. */
const JOB_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** The owner's player id on DELETE, when not in the query string. */
const PLAYER_HEADER = "x-player-id";

const jsonBody = express.json({ limit: LIMITS.scenarioUploadBytes });

/** express.json's own refusal is an HTML page; the editor needs a sentence. */
function readJsonBody(req: Request, res: Response, next: NextFunction): void {
  jsonBody(req, res, (error?: unknown) => {
    if (!error) return next();
    const status = (error as { status?: number }).status === 413 ? 413 : 400;
    const message = status === 413 ? `the request body is larger than ${LIMITS.scenarioUploadBytes} bytes` : `the request body is not valid JSON (${(error as Error).message})`;
    refuse(res, status, { error: status === 413 ? "body_too_large" : "bad_request", message });
  });
}

function refuse(res: Response, status: number, answer: BalanceProblemAnswer): void {
  res.status(status).json(answer);
}

const pathText = (path: readonly PropertyKey[]) => (path.length > 0 ? path.map(String).join(".") : "(request)");

/**
 * Balance reports for the scenario editor: N headless AI games of a draft, played in worker threads
 * (server/balance/), never on a room's event loop.
 *
 * - `POST /api/balance` `{ scenario, games, levels: { maquis, occupier }, player }` → 202 `{ jobId }`;
 *   400 with `problems` for a bad request or a scenario that does not validate; 429 while the player or
 *   the address has a report running or waiting; 503 when too many wait.
 * - `GET /api/balance/:jobId` → `{ status, played, total, result?, message? }`; 404 for an unknown or dropped job.
 * - `DELETE /api/balance/:jobId?player=ID` (or header X-Player-Id) cancels it: only its owner may.
 */
/** The route that takes a scenario file to play (the request guard lets its body be as large as an upload). */
export const BALANCE_PATH = "/api/balance";

export function mountBalanceApi(app: Application, jobs: BalanceJobs, addressLimits: AddressLimits): void {
  // Counted before the body is read: each request would parse a scenario and may start a thread.
  const admit = (req: Request, res: Response, next: NextFunction) => {
    const refusal = addressLimits.admitUpload(addressOf(req), "balance");
    if (refusal) refuse(res, refusal.status, { error: refusal.error, message: refusal.message });
    else next();
  };
  app.post(BALANCE_PATH, admit, readJsonBody, (req, res) => {
    const request = balanceRequestSchema.safeParse(req.body);
    if (!request.success) {
      const problems = request.error.issues.map((issue) => ({ path: pathText(issue.path), message: issue.message }));
      refuse(res, 400, { error: "bad_request", message: `${problems[0]!.path}: ${problems[0]!.message}`, problems });
      return;
    }
    const scenario = validateScenario(request.data.scenario);
    if (!scenario.ok) {
      const count = scenario.problems.length;
      const first = scenario.problems[0]!;
      refuse(res, 400, {
        error: "invalid_scenario",
        message: `the scenario has ${count} problem${count === 1 ? "" : "s"} to fix before it can be played (first: ${first.path}: ${first.message})`,
        problems: scenario.problems,
      });
      return;
    }
    const submitted = jobs.submit(scenario.scenario, request.data, addressOf(req));
    if (!submitted.ok) {
      refuse(res, submitted.status, { error: submitted.error, message: submitted.message });
      return;
    }
    res.status(202).json({ jobId: submitted.jobId });
  });

  app.get("/api/balance/:jobId", (req, res) => {
    const view = JOB_ID.test(req.params.jobId) ? jobs.view(req.params.jobId) : undefined;
    if (!view) {
      refuse(res, 404, { error: "not_found", message: "no balance report has that id (finished ones are kept for a while, then dropped)" });
      return;
    }
    res.set("cache-control", "no-store").json(view);
  });

  app.delete("/api/balance/:jobId", (req, res) => {
    const player = playerIdSchema.safeParse(req.query.player ?? req.headers[PLAYER_HEADER]);
    if (!player.success) {
      refuse(res, 400, { error: "bad_request", message: `player: ${player.error.issues[0]!.message} (send the player id that asked for the report)` });
      return;
    }
    const outcome = JOB_ID.test(req.params.jobId) ? jobs.cancel(req.params.jobId, player.data) : "not_found";
    if (outcome === "not_found") refuse(res, 404, { error: "not_found", message: "no balance report has that id" });
    else if (outcome === "not_owner") refuse(res, 403, { error: "not_owner", message: "only the player who asked for a balance report may cancel it" });
    else if (outcome === "already_finished") refuse(res, 409, { error: "finished", message: "that balance report has already finished" });
    else res.json(jobs.view(req.params.jobId));
  });
}
