/**
 * The protocol's names and constants, without its zod schemas: the page's first chunk (the menu)
 * reads these, and importing the schema modules would bring zod into it. The schema modules
 * (messages.ts, lobbyMessages.ts, matchMessages.ts, joinOptions.ts) re-export them.
 */

export const MessageType = {
  order: "order",
  error: "error",
  welcome: "welcome",
} as const;

/** Messages of a match's lobby phase, before the host starts it. */
export const LobbyMessageType = {
  takeSeat: "takeSeat",
  ready: "ready",
  start: "start",
} as const;

/** Messages between players during a match: chat and the speed vote; and a replay's seek. */
export const MatchMessageType = {
  chat: "chat",
  voteSpeed: "voteSpeed",
  /** Server → client: the chat lines this connection may read, oldest first, on joining and on reconnecting (replaces what it shows). */
  chatHistory: "chatHistory",
  /** Client → server, replays only: play from another moment of the match. */
  seek: "seek",
  /** Server → client, replays only: how long the recorded match ran, for the timeline. */
  replayInfo: "replayInfo",
} as const;

/**
 * Speeds a live match may run at (simulation steps per server tick; 0 is paused). 16× is for replays
 * only: the heaviest scenarios' rule steps are spiky (p99 of several ms on one core), and 16 of them per
 * server tick for each of a few live matches would eat a two-core server's tick budget.
 */
export const SPEEDS = [0, 1, 2, 4, 8] as const;
/** Speeds a replay may run at: any viewer picks one. */
export const REPLAY_SPEEDS = [0, 1, 2, 4, 8, 16] as const;

/** A browser's own random id, as the server accepts it (see joinOptions.ts, playerIdSchema). */
export const PLAYER_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
