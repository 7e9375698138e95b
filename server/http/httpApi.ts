import { matchMaker } from "@colyseus/core";
import type { Application, Request } from "express";
import { PLAYTEST_PREFIX } from "../../shared/protocol/communityMessages";
import { matchIdSchema, playerIdSchema } from "../../shared/protocol/joinOptions";
import type { ContinueEntry, MatchListing, MatchLookup } from "../../shared/protocol/lobbyMessages";
import { dayOf } from "../../shared/rules/clock";
import type { ScenarioCatalogue } from "../scenarioCatalogue";
import type { RedisLink } from "../cluster/redisLink";
import type { MatchStore } from "../store/matchStore";
import type { AddressLimits } from "./addressLimits";

/** The match room running in this process with this id, as the matchmaker lists it (private ones included). */
async function runningMatch(id: string): Promise<MatchListing | undefined> {
  const listing = (await matchMaker.query({ roomId: id, name: "match" }))[0];
  const metadata = listing?.metadata as MatchListing | undefined;
  return metadata?.scenario ? metadata : undefined;
}

/** The address the request guard pinned on the request (never one the client wrote). */
export function addressOf(req: Request): string {
  const pinned = req.headers["x-real-ip"];
  return (Array.isArray(pinned) ? pinned[0] : pinned) ?? req.socket.remoteAddress ?? "unknown";
}

/** The HTTP contract other tools rely on (ARCHITECTURE.md): health and the scenario library (the community's is in communityApi.ts). */
export function mountHttpApi(app: Application, scenarios: ScenarioCatalogue, store: MatchStore | null, addressLimits?: AddressLimits, redis: RedisLink | null = null, matches: () => { held: number; scans: number } = () => ({ held: 0, scans: 0 })): void {
  const { library } = scenarios;
  /** Healthy when the store and Redis (if used) answer; 503 otherwise, so a load balancer looks elsewhere. */
  app.get("/health", async (_req, res) => {
    const [storeHealth, redisHealth] = await Promise.all([store ? store.health() : null, redis ? redis.health() : null]);
    const ok = (storeHealth?.ok ?? true) && (redisHealth?.ok ?? true);
    const memory = process.memoryUsage();
    const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
    res.status(ok ? 200 : 503).json({
      ok,
      store: storeHealth ?? { ok: true, kind: "none" },
      redis: redisHealth ? { ...redisHealth, at: redis!.where } : { ok: true, kind: "none" },
      process: matchMaker.processId,
      // The matches this process runs, and how often it has looked for matches whose process stopped.
      matches: matches(),
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
  /**
   * A running match by its id or invite code, as an invite link needs it before joining: its title, day
   * and free seats. Looking up codes counts like joining by code (matchmaking requests and refusals per
   * address), so this cannot be used to guess invite codes faster than joining could.
   */
  app.get("/api/matches/:id", async (req, res) => {
    const address = addressOf(req);
    const refusal = addressLimits?.admitMatchmaking(address, false);
    if (refusal) {
      res.status(refusal.status).json({ error: refusal.error, message: refusal.message });
      return;
    }
    const id = matchIdSchema.safeParse(req.params.id);
    const match = id.success ? await runningMatch(id.data) : undefined;
    if (!id.success || !match) {
      addressLimits?.recordFailure(address);
      res.status(404).json({ error: "not_found", message: `no match with the code "${String(req.params.id).slice(0, 64)}" is running` });
      return;
    }
    const lookup: MatchLookup = { id: id.data, scenario: match.scenario, title: match.title, phase: match.phase, day: match.day, freeSeats: match.freeSeats };
    res.json(lookup);
  });
  /**
   * The unfinished matches in which this player (a browser's random id) holds or last held a seat,
   * newest first: running ones to join again, and ones set aside to bring back. Never a match in which
   * the player held no seat.
   */
  app.get("/api/continue", async (req, res) => {
    const player = playerIdSchema.safeParse(req.query.player);
    if (!player.success) {
      res.status(400).json({ error: "bad_request", message: `player: ${player.error.issues[0]!.message}` });
      return;
    }
    const rows = (await store?.continuableMatches(player.data)) ?? [];
    const entries: ContinueEntry[] = [];
    for (const row of rows) {
      // A playtest belongs to the editor it came from, not to the player's matches.
      if (row.scenarioId.startsWith(PLAYTEST_PREFIX)) continue;
      const live = await runningMatch(row.id);
      const entry: ContinueEntry = {
        matchId: row.id,
        scenario: row.scenarioId,
        title: live?.title ?? (await scenarios.current(row.scenarioId))?.title ?? row.scenarioId,
        day: live?.day ?? dayOf(row.hours),
        seat: row.seat,
        seatName: row.seatRecord?.name ?? row.seat,
        side: row.seatRecord?.side ?? "",
        phase: live?.phase ?? row.phase,
        running: live !== undefined,
        private: row.private,
        savedAt: row.savedAt,
      };
      if (entry.phase !== "ended") entries.push(entry);
    }
    res.set("cache-control", "no-store").json(entries);
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
