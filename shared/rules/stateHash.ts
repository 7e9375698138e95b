import type { MatchState } from "../state/MatchState";

/** cyrb53: a fast 53-bit string hash; enough to tell two states apart in tests and replays. */
function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * A hash of the whole game state, hidden fields and the random generator included. Who is connected
 * and how fast they run it (seat presence, names, ready flags, connection, speed votes, the speed, the
 * host) is left out: it is not game state, and a replay of the same orders must reach the same hash
 * whoever watched, and at whatever speed.
 */
export function stateHash(state: MatchState): string {
  const json = state.toJSON() as Record<string, unknown> & { seats: Record<string, Record<string, unknown>> };
  const { hostName: _host, speed: _speed, ...game } = json;
  const seats = Object.fromEntries(
    Object.entries(json.seats).map(([id, seat]) => {
      const { occupied: _occupied, playerName: _name, ready: _ready, connected: _connected, speedVote: _vote, ...rest } = seat;
      return [id, rest];
    }),
  );
  return cyrb53(JSON.stringify({ ...game, seats })).toString(16).padStart(14, "0");
}
