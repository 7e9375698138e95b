import express from "express";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestServer as ColyseusTestServer } from "../support/testServer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountHttpApi } from "../../server/http/httpApi";
import { PlaytestDrafts } from "../../server/playtestDrafts";
import { ScenarioCatalogue } from "../../server/scenarioCatalogue";
import { loadScenarioLibrary } from "../../server/scenarioLibrary";
import { MatchStore } from "../../server/store/matchStore";
import { openStore } from "../../server/store/openStore";
import { repoRoot } from "../../server/config";
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

  it("GET /api/campaign groups the scenarios by era, training first", async () => {
    const eras = await (await fetch(`${base}/api/campaign`)).json();
    expect(eras[0]).toEqual(expect.objectContaining({ id: "training", scenarios: [expect.objectContaining({ id: "training-2370", training: true })] }));
    expect(eras[1].id).toBe("primary");
    expect(eras[1].scenarios[0]).toEqual(expect.objectContaining({ id: "dorvan-2370", year: 2370, sources: expect.any(Array) }));
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

describe("GET /health and the store", () => {
  it("reports the store it uses and how many matches it holds, and answers 503 once the store fails", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "maquis-health-"));
    const { db } = await openStore({ dataDir });
    const store = new MatchStore(db);
    await store.createMatch({ id: "m1", scenarioId: "dorvan-2370", scenarioVersion: "v", seed: 1, difficulty: "normal", isPrivate: false, seats: {} });
    const app = express();
    mountHttpApi(app, new ScenarioCatalogue(loadScenarioLibrary(join(repoRoot, "assets", "scenarios"), () => {}), new PlaytestDrafts(), null), store);
    const listener = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => listener.once("listening", resolve));
    const url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/health`;
    try {
      const healthy = await fetch(url);
      expect(healthy.status).toBe(200);
      expect(await healthy.json()).toMatchObject({ ok: true, store: { ok: true, kind: "sqlite", matches: 1 }, memory: { heapUsedMb: expect.any(Number), rssMb: expect.any(Number) } });
      await db.destroy();
      const failing = await fetch(url);
      expect(failing.status).toBe(503);
      expect(await failing.json()).toMatchObject({ ok: false, store: { ok: false, kind: "sqlite", error: expect.any(String) } });
    } finally {
      listener.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
