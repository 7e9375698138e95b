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
  /** Modders editing one scenario draft at once (room `editor`). */
  editorsPerDraft: 8,
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
