import type { Generated } from "kysely";

/** One row per match: how it was set up, and how it ended. */
export interface MatchTable {
  id: string;
  scenario_id: string;
  /** A hash of the scenario as it was loaded, so a replay can tell when the file has changed since. */
  scenario_version: string;
  seed: number;
  difficulty: string;
  /** "running", "aside" (nobody played it for a while: not resumed on start, continued by one of its players) or "finished". */
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
  /** When the match was last set aside; null if it never was. */
  set_aside_at: string | null;
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

/** The person (a browser's random player id) who last held each seat of a match; never sent to other clients. */
export interface SeatPlayerTable {
  match_id: string;
  seat: string;
  player: string;
  held_at: string;
}

/** A match's chat, the newest lines kept (CHAT_HISTORY_LINES), with who may read each. */
export interface ChatLineTable {
  seq: Generated<number>;
  match_id: string;
  sender: string;
  side: string;
  /** "side", "all" or "spectators" (ChatLine.to). */
  audience: string;
  text: string;
  sent_at: string;
}

/** Every published version of a community scenario; a version, once published, never changes. */
export interface PublishedScenarioTable {
  id: string;
  version: number;
  author: string;
  changelog: string;
  title: string;
  /** Lower-cased title and author, for case-insensitive search that reads the same in SQLite and PostgreSQL. */
  title_search: string;
  author_search: string;
  /** The era: "primary", "mirror" or "reborn". */
  universe: string;
  year: number;
  /** The scenario file as it was published (what a download or the editor gets). */
  file: string;
  /** scenarioVersion() of the parsed file: what a match records, so its replay finds this very version. */
  content_hash: string;
  published_at: string;
  /** JSON: summarizeScenario() of the version, what the Community list shows; null for versions published before migration 008. */
  summary: string | null;
}

/** Who may publish a community scenario's later versions: the holder of its edit token (only its hash is kept). */
export interface ScenarioOwnerTable {
  id: string;
  token_hash: string;
  created_at: string;
}

/** A scenario draft edited in the `editor` room: its Yjs state, kept while people come back to it (LIMITS.draftKeptDays). */
export interface DraftTable {
  id: string;
  /** Y.encodeStateAsUpdate of the draft's document. */
  state: Uint8Array;
  bytes: number;
  /** How many problems the scenario parser found when it was last saved. */
  problems: number;
  created_at: string;
  updated_at: string;
}

/** Which process runs a match, until when (ms since the epoch): no match is run by two processes at once. */
export interface MatchLeaseTable {
  match_id: string;
  /** The process holding the lease (its own id, unique per process start). */
  owner: string;
  expires_at: number;
}

export interface StoreTables {
  matches: MatchTable;
  snapshots: SnapshotTable;
  orders: OrderTable;
  seat_players: SeatPlayerTable;
  chat_lines: ChatLineTable;
  published_scenarios: PublishedScenarioTable;
  scenario_owners: ScenarioOwnerTable;
  drafts: DraftTable;
  match_leases: MatchLeaseTable;
}
