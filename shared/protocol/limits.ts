/**
 * Every limit the server puts on what a client may send, in one place. The README lists them with
 * these values; a test covers each. Client-side forms read the text limits from here too.
 */
export const LIMITS = {
  /** Largest HTTP request body, on every route (matchmaking included); join options are tiny. */
  httpBodyBytes: 16 * 1024,
  /** Largest WebSocket message; orders are tiny, so anything bigger is hostile or broken (closed with 1009). */
  messageBytes: 4 * 1024,
  /** A burst beyond this many messages in one second disconnects the sender (closed with 4002). */
  messagesPerSecond: 20,
  /** Chat: characters in one line, and how many lines one client may send in chatWindowSeconds. */
  chatCharacters: 300,
  /** A council mark's note on the map. */
  markCharacters: 60,
  chatLinesPerWindow: 5,
  chatWindowSeconds: 10,
  /** A player's name, after trimming; control characters are refused. */
  nameCharacters: 24,
  /** Matchmaking requests (create, join, join by code, reconnect) one address may make in matchmakingWindowSeconds. */
  matchmakingRequestsPerWindow: 60,
  /** Refused matchmaking requests (a wrong invite code, a taken seat) one address may make in matchmakingWindowSeconds. */
  failedJoinsPerWindow: 10,
  matchmakingWindowSeconds: 60,
  /** Matches one address may have open at once (created and not yet over). */
  matchesPerAddress: 3,
  /** Bytes one match may write to the order log; past it further orders are refused and the match plays on. */
  orderLogBytesPerMatch: 4 * 1024 * 1024,
  /** Largest snapshot the store keeps for one match. */
  snapshotBytesPerMatch: 4 * 1024 * 1024,
  /** Largest HTTP body on the routes that take a whole scenario file (balance reports, publishing, playtests). */
  scenarioUploadBytes: 256 * 1024,
  /** Balance reports: worker threads playing them at once, at most (one fewer than the machine's cores, and at least one). */
  balanceWorkers: 2,
  /** Headless games one balance report may ask for, all its rows together. */
  balanceGamesPerJob: 200,
  /** Balance reports waiting for a worker, from everyone together; past it a new one is refused until the queue moves. */
  balanceQueuedJobs: 20,
  /** Running or waiting balance reports one player id may have, and one address. */
  balanceJobsPerPlayer: 1,
  balanceJobsPerAddress: 1,
  /** A balance report still running after this long is stopped and fails. */
  balanceJobMinutes: 15,
  /** Finished balance reports kept for their owners to read, the newest this many, each for balanceKeptMinutes. */
  balanceKeptJobs: 100,
  balanceKeptMinutes: 30,
} as const;
