import type { Application } from "express";
import type { ScenarioLibrary } from "../scenarioLibrary";
import type { MatchStore } from "../store/matchStore";

/** The HTTP contract other tools rely on (ARCHITECTURE.md): health and the scenario library. */
export function mountHttpApi(app: Application, library: ScenarioLibrary, store: MatchStore | null): void {
  /** Healthy when the store answers (or the server runs without one); 503 otherwise, so a load balancer looks elsewhere. */
  app.get("/health", async (_req, res) => {
    const storeHealth = store ? await store.health() : null;
    const ok = storeHealth?.ok ?? true;
    const memory = process.memoryUsage();
    const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
    res.status(ok ? 200 : 503).json({
      ok,
      store: storeHealth ?? { ok: true, kind: "none" },
      scenarios: library.list().length,
      uptimeSeconds: Math.round(process.uptime()),
      memory: { heapUsedMb: megabytes(memory.heapUsed), rssMb: megabytes(memory.rss) },
    });
  });
  app.get("/api/scenarios", (_req, res) => {
    res.json(library.list());
  });
  /** Finished matches, newest first: scenario, seats, winner, length and score. */
  app.get("/api/results", async (_req, res) => {
    const rows = (await store?.results()) ?? [];
    res.json(
      rows.map((row) => ({
        id: row.id,
        scenario: row.scenario_id,
        winner: row.winner,
        endReason: row.end_reason,
        ticks: row.ticks,
        score: { maquis: row.score_maquis, occupier: row.score_occupier },
        finalHash: row.final_hash,
        seats: JSON.parse(row.seats) as unknown,
        finishedAt: row.finished_at,
      })),
    );
  });
  app.get("/api/campaign", (_req, res) => {
    res.json(library.campaign());
  });
  app.get("/api/scenarios/:id", (req, res) => {
    const scenario = library.get(req.params.id);
    if (!scenario) {
      res.status(404).json({ error: "not_found", message: `no scenario has the id "${req.params.id}"` });
      return;
    }
    res.json(scenario);
  });
  app.use("/api", (_req, res) => {
    res.status(404).json({ error: "not_found", message: "no such API endpoint" });
  });
}
