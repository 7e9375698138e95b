import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { log } from "../log";
import type { AddressLimits } from "./addressLimits";

const MATCHMAKING_PATH = /^\/matchmake\/(\w+)\/([\w-]+)/;
/** Matchmaking methods that may open a new room; match and editor rooms count against what an address may have open. */
const CREATING_METHODS = new Set(["create", "joinOrCreate"]);
const PRUNE_INTERVAL_MS = 60_000;

export interface RequestGuardOptions {
  maxBodyBytes: number;
  /** The POST routes that take a scenario file, and the larger body they alone may have. */
  uploads: { paths: readonly string[]; maxBodyBytes: number };
  limits: AddressLimits;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For instead of the socket. */
  trustProxy: boolean;
}

/**
 * The address a request comes from. Colyseus reads X-Real-IP / X-Forwarded-For, which any client can
 * write; the guard replaces them with this, so per-address limits and logs cannot be dodged by a header.
 */
function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers["x-forwarded-for"];
  const firstHop = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return (trustProxy && firstHop) || req.socket.remoteAddress || "unknown";
}

function pinAddress(req: IncomingMessage, address: string): void {
  delete req.headers["x-forwarded-for"];
  delete req.headers["x-client-ip"];
  req.headers["x-real-ip"] = address;
}

/** A request's path, resolved as a URL is (the way Colyseus and Express route it). */
function pathOf(url: string | undefined): string {
  try {
    return new URL(url ?? "/", "http://localhost").pathname;
  } catch {
    return url ?? "/";
  }
}

function refuse(res: ServerResponse, status: number, error: string, message: string): void {
  const body = JSON.stringify({ error, message });
  // Closing the connection stops the client from sending the rest of a body nobody will read.
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body), connection: "close" });
  res.end(body);
}

/** The body problem of a request, if it has one: too large, or of a length not declared up front. */
function bodyProblem(req: IncomingMessage, maxBodyBytes: number): { status: number; error: string; message: string } | null {
  if (req.headers["transfer-encoding"] !== undefined)
    return { status: 411, error: "length_required", message: "send the body with a Content-Length: bodies of unknown length are not accepted" };
  const length = Number(req.headers["content-length"] ?? 0);
  if (!Number.isFinite(length) || length > maxBodyBytes)
    return { status: 413, error: "body_too_large", message: `the request body is ${req.headers["content-length"]} bytes; the limit is ${maxBodyBytes}` };
  return null;
}

/**
 * Puts the server's own checks in front of every HTTP request, Colyseus' matchmaking included (it
 * reads any body whole, with no limit): the body size (larger for scenario uploads alone), the client's true address, and the
 * per-address matchmaking limits. Call it once the server listens, when every handler is in place.
 */
export function guardRequests(server: Server, options: RequestGuardOptions): void {
  const handlers = server.listeners("request") as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const address = clientAddress(req, options.trustProxy);
    pinAddress(req, address);
    // The path as the routers read it (dot segments resolved, "/./matchmake/…" is "/matchmake/…"), so no spelling of it slips past the limits.
    const path = pathOf(req.url);
    const upload = req.method === "POST" && options.uploads.paths.includes(path);
    const problem = bodyProblem(req, upload ? options.uploads.maxBodyBytes : options.maxBodyBytes);
    if (problem) {
      log.warn({ address, path: req.url, status: problem.status }, `HTTP request refused: ${problem.message}`);
      return refuse(res, problem.status, problem.error, problem.message);
    }
    const matchmaking = req.method === "POST" ? MATCHMAKING_PATH.exec(path) : null;
    if (matchmaking) {
      const creates = CREATING_METHODS.has(matchmaking[1]!);
      const refusal = options.limits.admitMatchmaking(address, creates && matchmaking[2] === "match") ?? (creates && matchmaking[2] === "editor" ? options.limits.admitDraft(address) : null);
      if (refusal) {
        log.warn({ address, path: req.url }, `matchmaking refused: ${refusal.message}`);
        return refuse(res, refusal.status, refusal.error, refusal.message);
      }
      res.once("finish", () => {
        if (res.statusCode < 400) return;
        options.limits.recordFailure(address);
        log.info({ address, path: req.url, status: res.statusCode }, "matchmaking request refused");
      });
    }
    for (const handler of handlers) handler.call(server, req, res);
  });
  server.prependListener("upgrade", (req: IncomingMessage) => pinAddress(req, clientAddress(req, options.trustProxy)));
  const pruning = setInterval(() => options.limits.prune(), PRUNE_INTERVAL_MS);
  pruning.unref();
  server.once("close", () => clearInterval(pruning));
}
