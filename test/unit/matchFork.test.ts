import { describe, expect, it } from "vitest";
import { playToFork } from "../../server/rooms/matchFork";
import { scenarioVersion } from "../../server/rooms/matchRecorder";
import { REPLAY_SLICE_TICKS } from "../../server/rooms/replaySlices";
import { PlaytestDrafts } from "../../server/playtestDrafts";
import { ScenarioCatalogue } from "../../server/scenarioCatalogue";
import type { ScenarioLibrary } from "../../server/scenarioLibrary";
import type { MatchStore } from "../../server/store/matchStore";
import { ReplayCursor, replayMatch, type LoggedEntry } from "../../shared/rules/replay";
import { stateHash } from "../../shared/rules/stateHash";
import { bundledScenario } from "../support/scenarios";

const dorvan = bundledScenario("dorvan-2370");
const AI = { occupier: "hard", maquis: "hard" } as const;
const SEED = 11;
const ENDED_AT = 900;
/** Eddington holds the cell from tick 5, sends his raider off on tick 8 and again on tick 120; the AI plays it from tick 300. */
const LOG: LoggedEntry[] = [
  { tick: 5, seat: "cell-1", order: { kind: "seatControl", human: true, name: "Eddington" } },
  { tick: 8, seat: "cell-1", order: { kind: "move", ship: "raider-1", to: { system: "tracken-ii" } } },
  { tick: 120, seat: "cell-1", order: { kind: "move", ship: "raider-1", to: { system: "solosos-iii" } } },
  { tick: 300, seat: "cell-1", order: { kind: "seatControl", human: false } },
];

/** The bundled scenarios, as `get` has them, with no drafts and no published ones. */
function catalogueOf(get: ScenarioLibrary["get"]): ScenarioCatalogue {
  return new ScenarioCatalogue({ get } as ScenarioLibrary, new PlaytestDrafts(), null);
}

/** A store holding one finished match, "m1", played on Dorvan at the hard level. */
const services = {
  store: {
    loadMatch: async (id: string) =>
      id === "m1"
        ? { match: { status: "finished", scenario_id: dorvan.id, scenario_version: scenarioVersion(dorvan), seed: SEED, difficulty: "hard", ticks: ENDED_AT }, orders: LOG }
        : undefined,
  } as unknown as MatchStore,
  scenarios: catalogueOf((id) => (id === dorvan.id ? dorvan : undefined)),
};

const replayAt = (tick: number) => {
  const cursor = new ReplayCursor(dorvan, { seed: SEED }, AI, LOG);
  while (cursor.match.state.tick < tick) cursor.advance();
  return cursor;
};

describe("playing on from a moment of a finished match", () => {
  it("stands where the replay stands at that hour, before the orders of that very tick, with the log it contains and who held the seats", async () => {
    const hoursPerTick = replayAt(0).match.state.hoursPerTick;
    // Tick 120 has an order: the replay shows the moment before it, and so does the fork.
    const fork = await playToFork(services, { match: "m1", hour: 120 * hoursPerTick });
    expect(fork.match.state.tick).toBe(120);
    expect(stateHash(fork.match.state)).toBe(stateHash(replayAt(120).match.state));
    expect(fork.log).toEqual(LOG.slice(0, 2));
    expect(fork.humanSeats).toEqual(["cell-1"]);
    expect([fork.seed, fork.difficulty, fork.scenario.id]).toEqual([SEED, "hard", dorvan.id]);
    // Between ticks, the nearest one is taken, as a replay's seek takes it.
    expect((await playToFork(services, { match: "m1", hour: 119.6 * hoursPerTick })).match.state.tick).toBe(120);
    // From the very start: nothing played, nothing logged.
    const start = await playToFork(services, { match: "m1", hour: 0 });
    expect([start.match.state.tick, start.log.length, start.humanSeats.length]).toEqual([0, 0, 0]);
  });

  it("the new match's own log (that beginning, then the seat handed to the AI) replays from the seed to the same moment and on", async () => {
    const fork = await playToFork(services, { match: "m1", hour: 200 * replayAt(0).match.state.hoursPerTick });
    const ownLog: LoggedEntry[] = [...fork.log, ...fork.humanSeats.map((seat) => ({ tick: 200, seat, order: { kind: "seatControl", human: false } }))];
    expect(stateHash(replayMatch(dorvan, { seed: SEED }, AI, ownLog, 200).state)).toBe(stateHash(fork.match.state));
    // Played on with the AI in every seat, the fork and the replay of its log stay the same match.
    const live = new ReplayCursor(dorvan, { seed: SEED, snapshot: { tick: 200, state: fork.match.state.toJSON(), humanSeats: [], logLength: ownLog.length } }, AI, ownLog);
    while (live.match.state.tick < 400) live.advance();
    expect(stateHash(replayMatch(dorvan, { seed: SEED }, AI, ownLog, 400).state)).toBe(stateHash(live.match.state));
  });

  it(`re-runs in slices of ${REPLAY_SLICE_TICKS} steps, letting other work run between them`, async () => {
    let turns = 0;
    let running = true;
    const other = () => {
      turns++;
      if (running) setImmediate(other);
    };
    setImmediate(other);
    await playToFork(services, { match: "m1", hour: (ENDED_AT - 1) * replayAt(0).match.state.hoursPerTick });
    running = false;
    expect(turns).toBeGreaterThanOrEqual(Math.floor((ENDED_AT - 1) / REPLAY_SLICE_TICKS));
  });

  it("refuses a match it cannot play from, with a sentence saying why", async () => {
    const hoursPerTick = replayAt(0).match.state.hoursPerTick;
    await expect(playToFork(services, { match: "m2", hour: 1 })).rejects.toThrow('there is no recorded match "m2" to play from');
    await expect(playToFork(services, { match: "m1", hour: ENDED_AT * hoursPerTick })).rejects.toThrow(/ended after .+; play from an hour before its end/);
    await expect(playToFork({ ...services, scenarios: catalogueOf(() => undefined) }, { match: "m1", hour: 1 })).rejects.toThrow(
      `match "m1" needs scenario "${dorvan.id}", which is not available`,
    );
  });
});
