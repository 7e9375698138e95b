import type { Generated } from "kysely";

/** One row per match: how it was set up, and how it ended. */
export interface MatchTable {
  id: string;
  scenario_id: string;
  /** A hash of the scenario as it was loaded, so a replay can tell when the file has changed since. */
  scenario_version: string;
  seed: number;
  difficulty: string;
  /** "running" or "finished". */
  status: string;
  created_at: string;
  finished_at: string | null;
  ticks: number;
  winner: string | null;
  end_reason: string | null;
  score_maquis: number | null;
  score_occupier: number | null;
  final_hash: string | null;
  /** 1 for a private match (joined by code only), 0 otherwise. */
  private: number;
  /** JSON: seat id → { name, side, human } as the match ended (or last was). */
  seats: string;
}

/** The latest snapshot of each unfinished match: resume = snapshot + the orders logged after it. */
export interface SnapshotTable {
  match_id: string;
  tick: number;
  state: string;
  saved_at: string;
  /** How many of the match's log entries the snapshot's state already contains; null in snapshots from before migration 004. */
  log_length: number | null;
}

/** Every accepted order, in order: replays re-run them through the same rules. */
export interface OrderTable {
  match_id: string;
  seq: Generated<number>;
  tick: number;
  seat: string;
  body: string;
}

export interface StoreTables {
  matches: MatchTable;
  snapshots: SnapshotTable;
  orders: OrderTable;
}
