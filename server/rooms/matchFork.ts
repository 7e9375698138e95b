import { ServerError } from "@colyseus/core";
import type { AiSettings } from "../../shared/ai/aiPlayers";
import { joinOptionsSchema } from "../../shared/protocol/joinOptions";
import type { Match } from "../../shared/rules/match";
import { ReplayCursor, type LoggedEntry } from "../../shared/rules/replay";
import { formatHours } from "../../shared/rules/timeScale";
import type { Scenario } from "../../shared/scenario/scenarioSchema";
import type { ScenarioCatalogue } from "../scenarioCatalogue";
import type { MatchStore } from "../store/matchStore";
import { CREATE_REFUSED_STATUS } from "./matchAdmission";
import { scenarioVersion } from "./matchRecorder";
import { playInSlices } from "./replaySlices";

/** A moment of a finished match to play on from: its id, and game hours from its start. */
export interface ForkPoint {
  match: string;
  hour: number;
}

/** A finished match re-run to a moment, with what a new match needs to play on from there exactly. */
export interface Fork {
  scenario: Scenario;
  seed: number;
  difficulty: AiSettings["maquis"];
  /** The match as it stood at that moment (before the entries logged at that very tick). */
  match: Match;
  /** The recorded log up to that moment: the entries `match` already contains, in order. */
  log: LoggedEntry[];
  /** The seats a person held at that moment: the new match logs that they no longer do. */
  humanSeats: string[];
}

/**
 * Re-runs a finished match from its seed and its logged orders, through the same rules, up to the hour
 * asked for (in slices, so the other rooms run meanwhile), as the beginning of a new match. The replay
 * of that match shows this same moment at that hour: both start from the seed and apply the same log.
 */
export async function playToFork(services: { store: MatchStore | null; scenarios: ScenarioCatalogue }, from: ForkPoint): Promise<Fork> {
  const saved = await services.store?.loadMatch(from.match);
  if (!saved) throw new ServerError(CREATE_REFUSED_STATUS, `there is no recorded match "${from.match}" to play from`);
  if (saved.match.status !== "finished")
    throw new ServerError(CREATE_REFUSED_STATUS, `match "${from.match}" has not finished; only the replay of a finished match can be played from`);
  const scenario = await services.scenarios.recorded(saved.match.scenario_id, saved.match.scenario_version);
  if (!scenario) throw new ServerError(CREATE_REFUSED_STATUS, `match "${from.match}" needs scenario "${saved.match.scenario_id}", which is not available`);
  // Another version of the scenario would play the same log differently: the new match would not be that moment.
  if (scenarioVersion(scenario) !== saved.match.scenario_version)
    throw new ServerError(CREATE_REFUSED_STATUS, `the scenario of match "${from.match}" has changed since it was played, so its moments can no longer be played from`);
  const difficulty = joinOptionsSchema.shape.difficulty.parse(saved.match.difficulty);
  const cursor = new ReplayCursor(scenario, { seed: saved.match.seed }, { occupier: difficulty, maquis: difficulty }, saved.orders);
  const hoursPerTick = cursor.match.state.hoursPerTick;
  // Rounded as a replay's seek rounds, so "play from here" starts where the replay stands.
  const tick = Math.round(from.hour / hoursPerTick);
  // At its last tick the match is over: there is nothing left to play.
  if (tick >= saved.match.ticks)
    throw new ServerError(
      CREATE_REFUSED_STATUS,
      `match "${from.match}" ended after ${formatHours(saved.match.ticks * hoursPerTick)}; play from an hour before its end, not from hour ${from.hour}`,
    );
  if (!(await playInSlices(cursor, tick)))
    throw new ServerError(CREATE_REFUSED_STATUS, `match "${from.match}" no longer replays as it was recorded, so it cannot be played from`);
  return {
    scenario,
    seed: saved.match.seed,
    difficulty,
    match: cursor.match,
    log: saved.orders.slice(0, cursor.checkpoint().logLength),
    humanSeats: cursor.humanSeats,
  };
}
