import type { AiSettings } from "../ai/aiPlayers";
import type { Scenario } from "../scenario/scenarioSchema";
import { createMatch, type Match } from "./match";
import { playTick } from "./playTick";

export interface SimulationResult {
  match: Match;
  ticks: number;
}

/** Plays a whole match headless with the AI in every seat, until it ends or `maxTicks` pass. */
export function simulate(scenario: Scenario, seed: number, settings: AiSettings, maxTicks = Infinity): SimulationResult {
  const match = createMatch(scenario, seed);
  const seats = [...match.state.seats.keys()];
  let ticks = 0;
  while (match.state.phase === "playing" && ticks < maxTicks) {
    playTick(match, seats, settings);
    ticks += 1;
  }
  return { match, ticks };
}
