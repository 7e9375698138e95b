import type { AiSettings } from "../ai/aiPlayers";
import type { Scenario } from "../scenario/scenarioSchema";
import type { MatchState } from "../state/MatchState";
import { TICK_RATE } from "./clock";
import { simulate } from "./simulate";

/**
 * Seeded headless games of one scenario at one pair of AI levels, and what they came to. The CLI
 * (`npm run balance`) and the server's balance reports both count with this file, game by game, so
 * a report can show its progress and stop between games.
 */

/** What N seeded headless games of one scenario at one pair of AI levels came to. */
export interface SeriesResult {
  scenario: string;
  games: number;
  ai: AiSettings;
  winRate: { maquis: number; occupier: number; draw: number };
  meanDays: number;
  /** Real time a whole match takes at 1× (the server runs TICK_RATE ticks a second). */
  meanMinutesAt1x: number;
  endReasons: Record<string, number>;
  objectivesMetPercent: Record<string, number>;
}

/** The figures of one finished game that a series counts. */
export interface GameOutcome {
  /** "maquis", "occupier", "draw", or "" when the game stopped before an end. */
  winner: string;
  endReason: string;
  days: number;
  ticks: number;
  /** Ids of the objectives met by the end. */
  objectivesMet: string[];
}

const percent = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 1000) / 10);
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export function outcomeOf(state: MatchState): GameOutcome {
  return {
    winner: state.winner,
    endReason: state.endReason,
    days: state.hours / 24,
    ticks: state.tick,
    objectivesMet: state.objectives.filter((objective) => objective.status === "done").map((objective) => objective.id),
  };
}

/** Plays the game with seed `seed` of a series to its end. */
export function playSeriesGame(scenario: Scenario, seed: number, ai: AiSettings): GameOutcome {
  return outcomeOf(simulate(scenario, seed, ai).match.state);
}

/** Counts the games of one series as they finish; `result()` says what they came to so far. */
export class SeriesTally {
  private games = 0;
  private readonly wins: Record<string, number> = { maquis: 0, occupier: 0, draw: 0, unfinished: 0 };
  private readonly objectivesMet = new Map<string, number>();
  private readonly reasons = new Map<string, number>();
  private totalDays = 0;
  private totalTicks = 0;

  constructor(
    private readonly scenario: Scenario,
    private readonly ai: AiSettings,
  ) {}

  add(outcome: GameOutcome): void {
    this.games += 1;
    this.wins[outcome.winner || "unfinished"] = (this.wins[outcome.winner || "unfinished"] ?? 0) + 1;
    this.totalDays += outcome.days;
    this.totalTicks += outcome.ticks;
    this.reasons.set(outcome.endReason, (this.reasons.get(outcome.endReason) ?? 0) + 1);
    for (const id of outcome.objectivesMet) this.objectivesMet.set(id, (this.objectivesMet.get(id) ?? 0) + 1);
  }

  result(): SeriesResult {
    const games = this.games;
    return {
      scenario: this.scenario.id,
      games,
      ai: this.ai,
      winRate: { maquis: percent(this.wins.maquis!, games), occupier: percent(this.wins.occupier!, games), draw: percent(this.wins.draw!, games) },
      meanDays: games === 0 ? 0 : oneDecimal(this.totalDays / games),
      meanMinutesAt1x: games === 0 ? 0 : oneDecimal(this.totalTicks / games / TICK_RATE / 60),
      endReasons: Object.fromEntries(this.reasons),
      objectivesMetPercent: Object.fromEntries(this.scenario.objectives.map((o) => [o.id, percent(this.objectivesMet.get(o.id) ?? 0, games)])),
    };
  }
}

/** Seeds firstSeed, firstSeed + 1, … : the same scenario, levels and seeds always give the same series. */
export function playSeries(scenario: Scenario, games: number, firstSeed: number, ai: AiSettings): SeriesResult {
  const tally = new SeriesTally(scenario, ai);
  for (let i = 0; i < games; i++) tally.add(playSeriesGame(scenario, firstSeed + i, ai));
  return tally.result();
}
