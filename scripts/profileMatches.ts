/**
 * `npm run profile -- [--matches M] [--seconds S] [--speed 4] [--scenario ID] [--humans] [--difficulty D]`:
 * the CPU one process spends per match, measured the way a room spends it but without sockets: M
 * matches in one process; each tick (100 ms of real time) runs `speed` rule steps (playTick, with the
 * AI at level D for both sides in every seat, or nobody's orders with --humans), the fog of war for
 * one viewer per seat, and the patch encoding (the state's changes and each viewer's view), as fast
 * as the CPU allows. It prints one JSON line: ms of CPU per match-second (S seconds of each match's
 * real time; the process's CPU time, GC included), the wall-clock time per match-second split at
 * 15 s (the opening costs more), and the share of the wall time in each part. Run it under
 * `node --cpu-prof` to see where the time goes. Sockets, the event loop's own work and snapshots
 * are not in it.
 */
import type { Client } from "@colyseus/core";
import { Encoder } from "@colyseus/schema";
import { parseArgs } from "node:util";
import { difficulties, type Difficulty } from "../shared/ai/difficulty";
import { FogOfWar } from "../server/rooms/fogOfWar";
import { createMatch, type Match } from "../shared/rules/match";
import { playTick } from "../shared/rules/playTick";
import { TICK_RATE } from "../shared/rules/clock";
import { stateHash } from "../shared/rules/stateHash";
import { loadBundledScenario } from "./scenarioFiles";

function fail(message: string): never {
  console.error(`profile: ${message}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    matches: { type: "string", default: "100" },
    seconds: { type: "string", default: "60" },
    speed: { type: "string", default: "4" },
    scenario: { type: "string", default: "mirror-rigel-2298" },
    humans: { type: "boolean", default: false },
    difficulty: { type: "string", default: "normal" },
  },
});
const count = Number(values.matches);
const seconds = Number(values.seconds);
const speed = Number(values.speed);
if (!(Number.isInteger(count) && count > 0)) fail(`--matches must be a positive whole number (got "${values.matches}")`);
if (!(seconds > 0)) fail(`--seconds must be a positive number (got "${values.seconds}")`);
if (!(Number.isInteger(speed) && speed > 0)) fail(`--speed must be a positive whole number (got "${values.speed}")`);
const scenario = loadBundledScenario(values.scenario) ?? fail(`no bundled scenario has the id "${values.scenario}"`);
if (!difficulties.includes(values.difficulty as Difficulty)) fail(`--difficulty must be one of ${difficulties.join(", ")}`);
// Both sides' AI at this level (the hard Maquis AI lies in ambush, so sensor contacts are checked).
const ai = { occupier: values.difficulty as Difficulty, maquis: values.difficulty as Difficulty };

interface Running {
  match: Match;
  encoder: Encoder;
  fog: FogOfWar;
  viewers: Client[];
  aiSeats: string[];
}

function open(seed: number): Running {
  const match = createMatch(scenario, seed);
  match.state.phase = "playing";
  const encoder = new Encoder(match.state);
  const fog = new FogOfWar();
  const viewers: Client[] = [];
  match.state.seats.forEach((seat) => {
    // Just what FogOfWar reads and writes of a connection.
    const viewer = { sessionId: `${seed}-${seat.id}` } as Client;
    fog.attach(viewer, { side: seat.side as "maquis" | "occupier", seat: seat.id });
    viewers.push(viewer);
  });
  const aiSeats = values.humans ? [] : [...match.state.seats.keys()];
  return { match, encoder, fog, viewers, aiSeats };
}

/** What SchemaSerializer.applyPatches does for a room with views: the shared changes once, then each view's. */
function encodePatches(running: Running): void {
  const { encoder } = running;
  if (!encoder.hasChanges) return;
  const it = { offset: 1 };
  encoder.encode(it);
  const sharedOffset = it.offset;
  for (const viewer of running.viewers) encoder.encodeView(viewer.view!, sharedOffset, it);
  encoder.discardChanges();
}

const parts = { rules: 0, fog: 0, patches: 0 };
const opening = { ms: 0, matchSeconds: 0 };
const later = { ms: 0, matchSeconds: 0 };
const OPENING_SECONDS = 15;

const matches = Array.from({ length: count }, (_, i) => open(i + 1));
for (const running of matches) encodePatches(running);
const ticks = Math.round(seconds * TICK_RATE);
const started = performance.now();
const cpuStarted = process.cpuUsage();
for (let tick = 0; tick < ticks; tick++) {
  const tickStarted = performance.now();
  let live = 0;
  for (const running of matches) {
    const { match } = running;
    if (match.state.phase !== "playing") continue;
    live += 1;
    const t0 = performance.now();
    for (let i = 0; i < speed && match.state.phase === "playing"; i++) playTick(match, running.aiSeats, ai);
    const t1 = performance.now();
    running.fog.update(match.state);
    const t2 = performance.now();
    encodePatches(running);
    const t3 = performance.now();
    parts.rules += t1 - t0;
    parts.fog += t2 - t1;
    parts.patches += t3 - t2;
  }
  const phase = tick < OPENING_SECONDS * TICK_RATE ? opening : later;
  phase.ms += performance.now() - tickStarted;
  phase.matchSeconds += live / TICK_RATE;
}
const totalMs = performance.now() - started;
const cpu = process.cpuUsage(cpuStarted);
// The process's own CPU time: on a shared machine the wall clock also counts other processes' turns.
const cpuMs = (cpu.user + cpu.system) / 1000;
const matchSeconds = opening.matchSeconds + later.matchSeconds;
const round = (value: number) => Number(value.toFixed(3));
const perMatchSecond = cpuMs / matchSeconds;
console.log(
  JSON.stringify({
    scenario: scenario.id,
    matches: count,
    speed,
    seconds,
    ai: values.humans ? null : values.difficulty,
    ended: matches.filter((running) => running.match.state.phase !== "playing").length,
    cpuMsPerMatchSecond: round(perMatchSecond),
    wallMsPerMatchSecond: round(totalMs / matchSeconds),
    openingMsPerMatchSecond: round(opening.ms / Math.max(opening.matchSeconds, 1e-9)),
    laterMsPerMatchSecond: later.matchSeconds > 0 ? round(later.ms / later.matchSeconds) : null,
    // 1000 ms of CPU a second, spent on nothing but these matches.
    matchesPerCoreCeiling: Math.floor(1000 / perMatchSecond),
    share: { rules: round(parts.rules / totalMs), fog: round(parts.fog / totalMs), patches: round(parts.patches / totalMs) },
    stepsPerSecond: Math.round((matchSeconds * TICK_RATE * speed) / (totalMs / 1000)),
    firstHash: stateHash(matches[0]!.match.state),
  }),
);
