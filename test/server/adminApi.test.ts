import express from "express";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../server/config";
import { mountAdminApi } from "../../server/http/adminApi";
import { ProcessMetrics } from "../../server/ops/processMetrics";

const PASSWORD = "correct horse battery staple";
const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` });

async function serve(password: string | null, metrics?: ProcessMetrics): Promise<{ base: string; server: Server }> {
  const app = express();
  mountAdminApi(app, { password, metrics });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe("admin routes", () => {
  let open: { base: string; server: Server };
  let closed: { base: string; server: Server };
  const metrics = new ProcessMetrics(() => ({ rooms: 3, clients: 12 }));

  beforeAll(async () => {
    open = await serve(PASSWORD, metrics);
    closed = await serve(null);
  });
  afterAll(() => {
    metrics.close();
    open.server.close();
    closed.server.close();
  });

  it("answers 404 on every admin path when ADMIN_PASSWORD is not set", async () => {
    for (const path of ["/admin/metrics", "/admin/monitor/"]) expect((await fetch(`${closed.base}${path}`, { headers: basic("admin", PASSWORD) })).status).toBe(404);
  });

  it("answers 401 with a challenge without credentials, with a wrong password, or with a malformed header", async () => {
    for (const headers of [{}, basic("admin", "wrong password entirely"), basic("admin", `${PASSWORD}x`), { authorization: "Basic !!!" }, { authorization: `Bearer ${PASSWORD}` }]) {
      for (const path of ["/admin/metrics", "/admin/monitor/"]) {
        const response = await fetch(`${open.base}${path}`, { headers });
        expect(response.status, `${path} with ${JSON.stringify(headers)}`).toBe(401);
        expect(response.headers.get("www-authenticate")).toContain("Basic");
      }
    }
  });

  it("serves the metrics window and the monitor with the password (any user name)", async () => {
    const response = await fetch(`${open.base}/admin/metrics`, { headers: basic("ops", PASSWORD) });
    expect(response.status).toBe(200);
    const window = await response.json();
    expect(window).toMatchObject({ rooms: 3, clients: 12, eventLoopLagMs: { p50: expect.any(Number), p99: expect.any(Number), max: expect.any(Number) } });
    expect(window.rssMb.peak).toBeGreaterThan(0);
    const panel = await fetch(`${open.base}/admin/monitor/`, { headers: basic("admin", PASSWORD) });
    expect(panel.status).toBe(200);
    expect(panel.headers.get("content-type")).toContain("text/html");
  });

  it("starts a new window on ?reset=1", async () => {
    const headers = basic("admin", PASSWORD);
    // Wait for the window to hold at least a second, so a window that did not restart is told apart.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const before = await (await fetch(`${open.base}/admin/metrics?reset=1`, { headers })).json();
    const after = await (await fetch(`${open.base}/admin/metrics`, { headers })).json();
    expect(before.seconds).toBeGreaterThanOrEqual(1);
    expect(after.seconds).toBeLessThan(before.seconds);
  });
});

describe("ADMIN_PASSWORD", () => {
  it("is off when unset or empty, and refused with a clear message when short", () => {
    expect(readConfig({}, []).adminPassword).toBeNull();
    expect(readConfig({ ADMIN_PASSWORD: "" }, []).adminPassword).toBeNull();
    expect(readConfig({ ADMIN_PASSWORD: PASSWORD }, []).adminPassword).toBe(PASSWORD);
    expect(() => readConfig({ ADMIN_PASSWORD: "short" }, [])).toThrow("ADMIN_PASSWORD must be at least 12 characters (got 5)");
  });
});
