import type { Application } from "express";
import type { ScenarioLibrary } from "./scenarioLibrary";

/** The HTTP contract other tools rely on (ARCHITECTURE.md): health and the scenario library. */
export function mountHttpApi(app: Application, library: ScenarioLibrary): void {
  app.get("/health", (_req, res) => {
    res.json({ ok: true, scenarios: library.list().length, uptimeSeconds: Math.round(process.uptime()) });
  });
  app.get("/api/scenarios", (_req, res) => {
    res.json(library.list());
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
