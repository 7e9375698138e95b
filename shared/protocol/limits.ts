/**
 * Every limit the server puts on what a client may send, in one place. The README lists them with
 * these values; a test covers each. Client-side forms read the text limits from here too.
 */
export const LIMITS = {
  /** Largest HTTP request body, on every route (matchmaking included) but the three that take a scenario file; join options are tiny. */
  httpBodyBytes: 16 * 1024,
  /** Largest body of a scenario upload (publishing one, a playtest draft, a balance report): bundled files are 7–15 KB. */
  scenarioUploadBytes: 256 * 1024,
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
  /** Balance reports: worker threads playing them at once, at most (one fewer than the machine's cores, and at least one). */
  balanceWorkers: 2,
  /** Headless games one balance report may ask for, all its rows together. */
  balanceGamesPerJob: 200,
  /** Balance reports waiting for a worker, from everyone together; past it a new one is refused until the queue moves. */
  balanceQueuedJobs: 20,
  /** Running or waiting balance reports one player id may have, and one address. */
  balanceJobsPerPlayer: 1,
  balanceJobsPerAddress: 1,
  /** Balance reports one address may ask for in an hour (each one parses a scenario and starts a thread). */
  balanceReportsPerHour: 20,
  /** A balance report still running after this long is stopped and fails. */
  balanceJobMinutes: 15,
  /** Finished balance reports kept for their owners to read, the newest this many, each for balanceKeptMinutes. */
  balanceKeptJobs: 100,
  balanceKeptMinutes: 30,
  /** Requests to publish a scenario version one address may make in an hour (refused ones count: each is parsed). */
  publishesPerHour: 10,
  /** Playtest drafts one address may send in an hour (refused ones count too). */
  playtestsPerHour: 30,
  /** Playtest drafts the server keeps in memory at once (the oldest goes first), and of them per address. */
  playtestDrafts: 200,
  playtestDraftsPerAddress: 3,
  /** A published scenario's author name, after trimming; control characters are refused. */
  authorCharacters: 40,
  /** What changed in a published version. */
  changelogCharacters: 2000,
  /** Published scenarios one community list answer holds at most. */
  communityListLength: 100,
  /** Modders editing one scenario draft at once (room `editor`). */
  editorsPerDraft: 8,
  /** The form field an editor is in, as a path ("map.systems.3.name"), in its presence. */
  presenceFieldCharacters: 200,
  /** New drafts one address may open in an hour: each is kept on the server (up to draftBytes) for draftKeptDays. */
  draftsPerHour: 20,
  /** A draft's whole Yjs state: a bundled scenario takes 10–20 KiB; a change that would grow it past this is refused. */
  draftBytes: 256 * 1024,
  /** One change (a paste, a new draft's first upload), sent in parts under messageBytes and put together by the room. */
  draftChangeBytes: 128 * 1024,
  /** Messages per editor per second: typing is batched and cursors throttled by the client to well under this; past it the editor is disconnected (4002). */
  editorMessagesPerSecond: 60,
  /** One presence update (name, colour, cursor, selection, field being edited). */
  presenceBytes: 2 * 1024,
  /** Ids in one editor's selection, as others see it. */
  selectionIds: 50,
  /** Drafts one address may have open at once (a draft is open while anyone edits it). */
  draftsPerAddress: 3,
  /** Days a draft nobody has opened is kept on the server. */
  draftKeptDays: 30,
} as const;
