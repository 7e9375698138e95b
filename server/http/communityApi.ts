import express, { type Application, type ErrorRequestHandler, type Request, type Response } from "express";
import type { z } from "zod";
import {
  communityQuerySchema,
  PLAYTEST_PREFIX,
  playtestRequestSchema,
  publishRequestSchema,
  type CommunityEntry,
  type PlaytestAnswer,
  type PublishAnswer,
  type PublishedVersion,
} from "../../shared/protocol/communityMessages";
import { LIMITS } from "../../shared/protocol/limits";
import { validateScenario } from "../../shared/scenario/parseScenario";
import { summarizeScenario, type Scenario, type ScenarioSummary } from "../../shared/scenario/scenarioSchema";
import { describeError, log } from "../log";
import { scenarioVersion } from "../rooms/matchRecorder";
import type { ScenarioCatalogue } from "../scenarioCatalogue";
import type { ShelfListing } from "../store/scenarioShelf";
import type { AddressLimits, UploadKind } from "./addressLimits";
import { addressOf } from "./httpApi";

const PUBLISH_PATH = "/api/community/scenarios";
const PLAYTEST_PATH = "/api/playtest";
/** The routes that take a scenario file: the request guard lets their bodies be LIMITS.scenarioUploadBytes. */
export const SCENARIO_UPLOAD_PATHS = [PUBLISH_PATH, PLAYTEST_PATH] as const;
/** A refusal lists at most this many of a scenario's problems. */
const PROBLEMS_SHOWN = 100;

const BEARER = /^Bearer\s+(\S+)$/i;

function refuse(res: Response, status: number, error: string, message: string, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ error, message, ...extra });
}

/** "author: must not be empty" for the first problem of a request body. */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.join(".") || "(body)"}: ${issue.message}`;
}

/** The scenario file in a request, checked by the same parser as `npm run scenario -- check`; answers 400 with its problems if it is not valid. */
function validScenario(res: Response, file: unknown): Scenario | undefined {
  const result = validateScenario(file);
  if (result.ok) return result.scenario;
  const [first] = result.problems;
  const count = result.problems.length;
  refuse(res, 400, "invalid_scenario", `the scenario file has ${count} problem${count === 1 ? "" : "s"}; the first: ${first!.path}: ${first!.message}`, {
    problems: result.problems.slice(0, PROBLEMS_SHOWN),
  });
  return undefined;
}

const versionOf = (row: ShelfListing): PublishedVersion => ({
  id: row.id,
  version: row.version,
  title: row.title,
  universe: row.universe as ScenarioSummary["universe"],
  year: row.year,
  author: row.author,
  changelog: row.changelog,
  publishedAt: row.published_at,
});

/** express.json's own refusals (not JSON, too large) as the API's JSON errors; anything else (the store failing) logged and a 500. */
const apiErrors: ErrorRequestHandler = (error: { type?: string; message?: string }, req, res, _next) => {
  if (error.type === "entity.too.large") return refuse(res, 413, "body_too_large", `the request body is larger than the limit of ${LIMITS.scenarioUploadBytes} bytes`);
  if (error.type === "entity.parse.failed") return refuse(res, 400, "bad_request", `the request body is not valid JSON (${error.message})`);
  log.error({ path: req.path, error: describeError(error) }, "a community API request failed");
  refuse(res, 500, "server_fault", "the server could not answer this request; try again later");
};

/**
 * The community's scenarios: publishing versions (the first publish of an id hands out its edit token;
 * later versions need it), the list with search, each scenario's files by version, and playtest
 * drafts (private, unlisted, in memory). Everything stored is shown by clients as text only.
 */
export function mountCommunityApi(app: Application, catalogue: ScenarioCatalogue, addressLimits: AddressLimits): void {
  const { shelf } = catalogue;
  const uploads = express.json({ limit: LIMITS.scenarioUploadBytes, strict: true });

  /** Counts an upload against its address's hourly limit; answers 429 and returns false past it. */
  const admitted = (req: Request, res: Response, kind: UploadKind): boolean => {
    const refusal = addressLimits.admitUpload(addressOf(req), kind);
    if (refusal) refuse(res, refusal.status, refusal.error, refusal.message);
    return refusal === null;
  };

  app.post(PUBLISH_PATH, uploads, async (req, res) => {
    if (!shelf) return refuse(res, 503, "no_store", "this server keeps no store, so it cannot publish scenarios");
    if (!admitted(req, res, "publish")) return;
    const body = publishRequestSchema.safeParse(req.body);
    if (!body.success) return refuse(res, 400, "bad_request", `${firstIssue(body.error)} (send JSON: { scenario, author, version, changelog })`);
    const scenario = validScenario(res, body.data.scenario);
    if (!scenario) return;
    if (catalogue.library.get(scenario.id)) return refuse(res, 409, "id_taken", `"${scenario.id}" is a bundled scenario's id; choose another`);
    if (scenario.id.startsWith(PLAYTEST_PREFIX)) return refuse(res, 409, "id_taken", `ids starting with "${PLAYTEST_PREFIX}" are kept for playtest drafts; choose another`);
    const token = BEARER.exec(req.headers.authorization ?? "")?.[1];
    const { author, version, changelog } = body.data;
    const outcome = await shelf.publish(
      { id: scenario.id, version, author, changelog, title: scenario.title, universe: scenario.universe, year: scenario.year, file: JSON.stringify(body.data.scenario), contentHash: scenarioVersion(scenario), summary: JSON.stringify(summarizeScenario(scenario)) },
      token,
    );
    if (!outcome.ok && outcome.reason === "not_owner")
      return refuse(res, 403, "not_owner", `"${scenario.id}" is already published: only the holder of this scenario's edit token can publish a new version`);
    if (!outcome.ok)
      return refuse(res, 409, "version_not_higher", `version ${version} of "${scenario.id}" must be higher than the last published version, ${outcome.lastVersion}`, {
        lastVersion: outcome.lastVersion,
      });
    log.info({ scenario: scenario.id, version, address: addressOf(req) }, "scenario published");
    res.status(201).json({ id: scenario.id, version, ...(outcome.editToken ? { editToken: outcome.editToken } : {}) } satisfies PublishAnswer);
  });

  app.get(PUBLISH_PATH, async (req, res) => {
    const query = communityQuerySchema.safeParse(req.query);
    if (!query.success) return refuse(res, 400, "bad_request", firstIssue(query.error));
    const rows = (await shelf?.latest({ title: query.data.q.trim(), universe: query.data.era, author: query.data.author.trim() }, LIMITS.communityListLength)) ?? [];
    const entries = await Promise.all(
      rows.map(async (row): Promise<CommunityEntry | null> => {
        if (row.summary !== null) return { ...versionOf(row), summary: JSON.parse(row.summary) as ScenarioSummary };
        // A version published before summaries were kept: read from its file, once (the catalogue keeps it parsed).
        const full = await shelf!.version(row.id, row.version);
        const scenario = full && catalogue.parse(full);
        return scenario ? { ...versionOf(row), summary: summarizeScenario(scenario) } : null;
      }),
    );
    res.set("cache-control", "no-store").json(entries.filter((entry) => entry !== null));
  });

  /** One version's file as it was published; as a download with `?download=1`. */
  const sendFile = async (req: Request, res: Response, version?: number) => {
    const id = String(req.params.id);
    const row = await shelf?.version(id, version);
    if (!row) return refuse(res, 404, "not_found", `no published scenario "${id.slice(0, 64)}"${version === undefined ? "" : ` has a version ${version}`}`);
    if (req.query.download === "1") res.attachment(`${row.id}-v${row.version}.json`);
    res.type("application/json").send(row.file);
  };

  app.get(`${PUBLISH_PATH}/:id`, (req, res) => sendFile(req, res));
  app.get(`${PUBLISH_PATH}/:id/versions`, async (req, res) => {
    // An id never published has no versions yet: the editor asks before a first publish.
    const versions = (await shelf?.versions(req.params.id)) ?? [];
    res.json(versions.map(versionOf));
  });
  app.get(`${PUBLISH_PATH}/:id/versions/:version`, (req, res) => {
    const version = Number(req.params.version);
    if (!Number.isInteger(version) || version < 1) return refuse(res, 400, "bad_request", `version: must be a whole number from 1 (got "${req.params.version.slice(0, 16)}")`);
    return sendFile(req, res, version);
  });

  app.post(PLAYTEST_PATH, uploads, (req, res) => {
    if (!admitted(req, res, "playtest")) return;
    const body = playtestRequestSchema.safeParse(req.body);
    if (!body.success) return refuse(res, 400, "bad_request", `${firstIssue(body.error)} (send JSON: { scenario })`);
    const scenario = validScenario(res, body.data.scenario);
    if (!scenario) return;
    const draft = catalogue.drafts.add(scenario, addressOf(req));
    res.status(201).json({ scenarioId: draft.id, summary: summarizeScenario(draft) } satisfies PlaytestAnswer);
  });

  app.use([PUBLISH_PATH, PLAYTEST_PATH], apiErrors);
}
