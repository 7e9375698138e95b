/**
 * `npm run bench`: performance figures as JSON lines, one per measurement, each with its target
 * where the issues set one. Benchmarks report; tests assert behaviour.
 */
import { Client } from "@colyseus/sdk";
import { join } from "node:path";
import { readConfig, repoRoot } from "../server/config";
import { createGameServer } from "../server/gameServer";
import { findFreePort } from "../server/portCheck";
import { loadScenarioLibrary } from "../server/scenarioLibrary";
import { MessageType } from "../shared/protocol/messages";
import { MatchState } from "../shared/state/MatchState";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measureJoinToFirstState(samples: number): Promise<void> {
  const port = await findFreePort();
  const config = { ...readConfig({ PORT: String(port), HOST: "127.0.0.1" }, []), clientDir: null };
  const server = createGameServer(config, loadScenarioLibrary(join(repoRoot, "assets", "scenarios")));
  await server.listen(port, "127.0.0.1");
  const client = new Client(`http://127.0.0.1:${port}`);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    const room = await client.create("match", { scenario: "dorvan-2370" }, MatchState);
    room.onMessage(MessageType.welcome, () => {});
    await new Promise<void>((resolve) => room.onStateChange.once(() => resolve()));
    times.push(performance.now() - started);
    await room.leave();
  }
  await server.gracefullyShutdown(false);
  times.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      metric: "join_to_first_state_ms",
      scenario: "dorvan-2370",
      samples,
      p50: Number(percentile(times, 50).toFixed(2)),
      p99: Number(percentile(times, 99).toFixed(2)),
      note: "create a room over HTTP matchmaking + WebSocket, until the first full state is decoded (loopback)",
    }),
  );
}

await measureJoinToFirstState(50);
process.exit(0);
