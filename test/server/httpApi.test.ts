import type { TestServer as ColyseusTestServer } from "../support/testServer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestServer } from "../support/testServer";

describe("HTTP API", () => {
  let colyseus: ColyseusTestServer;
  let base: string;

  beforeAll(async () => {
    colyseus = await bootTestServer();
    base = `http://127.0.0.1:${colyseus.server["port"]}`;
  });
  afterAll(() => colyseus.shutdown());

  it("GET /health answers 200 with ok: true", async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect((await response.json()).ok).toBe(true);
  });

  it("GET /api/scenarios lists id, title, universe and year", async () => {
    const list = await (await fetch(`${base}/api/scenarios`)).json();
    expect(list).toContainEqual(expect.objectContaining({ id: "dorvan-2370", universe: "primary", year: 2370, title: expect.any(String) }));
  });

  it("GET /api/campaign groups the scenarios by era", async () => {
    const eras = await (await fetch(`${base}/api/campaign`)).json();
    expect(eras[0].id).toBe("primary");
    expect(eras[0].scenarios[0]).toEqual(expect.objectContaining({ id: "dorvan-2370", year: 2370, sources: expect.any(Array) }));
  });

  it("GET /api/scenarios/:id returns the scenario file, and 404 with a JSON error for an unknown id", async () => {
    const scenario = await (await fetch(`${base}/api/scenarios/dorvan-2370`)).json();
    expect(scenario.formatVersion).toBe(2);
    expect(scenario.map.systems.length).toBeGreaterThan(0);
    const missing = await fetch(`${base}/api/scenarios/no-such-scenario`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "not_found", message: 'no scenario has the id "no-such-scenario"' });
  });
});
