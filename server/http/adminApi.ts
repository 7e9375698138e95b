import { matchMaker } from "@colyseus/core";
import { monitor } from "@colyseus/monitor";
import { createHash, timingSafeEqual } from "node:crypto";
import type { Application, NextFunction, Request, Response } from "express";
import { ProcessMetrics } from "../ops/processMetrics";

/** Every operator's page and figure lives under this path, behind the one password. */
export const ADMIN_PATH = "/admin";

export interface AdminApiOptions {
  /** ADMIN_PASSWORD; null leaves every admin path unmounted (they answer 404). */
  password: string | null;
  /** The load figures to serve; by default this process's own, counting the matchmaker's rooms and clients. */
  metrics?: ProcessMetrics;
}

/** Equal strings, compared in a time that says nothing about where they differ nor how long the secret is. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The password of an HTTP basic Authorization header (any user name), or null. */
function basicPassword(header: string | undefined): string | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : decoded.slice(colon + 1);
}

function requirePassword(password: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const given = basicPassword(req.headers.authorization);
    if (given !== null && sameSecret(given, password)) return next();
    res.setHeader("WWW-Authenticate", 'Basic realm="Maquis admin", charset="UTF-8"');
    res.status(401).json({ error: "unauthorized", message: "the admin pages need the server's ADMIN_PASSWORD (HTTP basic auth, any user name)" });
  };
}

/**
 * Operators' routes, only when ADMIN_PASSWORD is set: `GET /admin/metrics` (this process's load since
 * the last reset; `?reset=1` starts a new window after answering) and the Colyseus monitor at
 * `/admin/monitor/`. The monitor can call methods on live rooms, so it never goes without the password.
 */
export function mountAdminApi(app: Application, options: AdminApiOptions): void {
  if (options.password === null) return;
  const metrics =
    options.metrics ??
    new ProcessMetrics(() => ({ rooms: matchMaker.stats.local.roomCount, clients: matchMaker.stats.local.ccu }));
  app.use(ADMIN_PATH, requirePassword(options.password));
  app.get(`${ADMIN_PATH}/metrics`, (req, res) => {
    const window = metrics.read();
    if (req.query.reset === "1") metrics.reset();
    res.setHeader("cache-control", "no-store");
    res.json(window);
  });
  app.use(`${ADMIN_PATH}/monitor`, monitor());
}
