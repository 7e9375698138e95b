import { Client, type Room } from "@colyseus/sdk";
import type { JoinOptions } from "../../shared/protocol/joinOptions";
import type { ContinueEntry, MatchLookup } from "../../shared/protocol/lobbyMessages";
import { MatchState } from "../../shared/state/MatchState";
import { playerId } from "./playerId";

export type MatchRoomConnection = Room<any, MatchState>;

/** Per tab (sessionStorage), so two tabs of one browser can hold two seats; it survives a page reload. */
const SESSION_KEY = "maquis.session";

interface SavedSession {
  token: string;
  roomId: string;
  options: JoinOptions;
  /** A match of the player's own: after a reload it still waits behind its briefing, not the multiplayer pre-game panel. */
  solo?: boolean;
}

/** The one place the client opens a connection: the game server is the page's own origin. */
export function gameClient(): Client {
  return new Client(`${location.protocol}//${location.host}`);
}

/** Every join and create says who is joining (this browser's player id), so the seat taken can be continued later. */
function withPlayer(options: JoinOptions): JoinOptions {
  return { ...options, player: playerId() };
}

function remember(room: MatchRoomConnection, options: JoinOptions, solo = false): MatchRoomConnection {
  const session: SavedSession = { token: room.reconnectionToken, roomId: room.roomId, options, ...(solo ? { solo } : {}) };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  // The token changes when the SDK reconnects by itself after a network drop.
  room.onReconnect(() => sessionStorage.setItem(SESSION_KEY, JSON.stringify({ ...session, token: room.reconnectionToken })));
  return room;
}

export async function joinMatch(options: JoinOptions): Promise<MatchRoomConnection> {
  return remember(await gameClient().joinOrCreate("match", withPlayer(options), MatchState), withPlayer(options));
}

/** A match that waits in a lobby for its host to start it; its creator takes the first free cell. */
export async function createLobbyMatch(request: { scenario: string; difficulty: "easy" | "normal" | "hard"; private: boolean; name: string }): Promise<MatchRoomConnection> {
  const options: JoinOptions = withPlayer({ ...request, lobby: true });
  return remember(await gameClient().create("match", options, MatchState), withPlayer({ name: request.name }));
}

/** Creates a match of the player's own (private, waiting for its Start) and remembers the seat taken, for a reload. */
async function createOwnMatch(options: JoinOptions, seat: string, watch?: "maquis" | "occupier"): Promise<MatchRoomConnection> {
  return remember(await gameClient().create("match", withPlayer(options), MatchState), withPlayer({ seat, ...(watch ? { watch } : {}) }), true);
}

/** A match of the player's own against the AI: private (never listed, never joined by quick play), waiting for its Start. */
export function createSoloMatch(request: { scenario: string; seat: string; watch?: "maquis" | "occupier"; difficulty: "easy" | "normal" | "hard" }): Promise<MatchRoomConnection> {
  return createOwnMatch({ ...request, lobby: true, private: true }, request.seat, request.watch);
}

/** A moment of a finished match's replay (game hours from its start), and the seat to play on from it. */
export interface PlayFromRequest {
  match: string;
  hour: number;
  seat: string;
}

/**
 * "Play from here": a match of the player's own that starts from a moment of a replay, in the seat
 * chosen. The server re-runs the recorded match to that moment; the AI plays the other seats at the
 * level it played them. Private and waiting for its Start, like a solo match.
 */
export function playFromReplay(request: PlayFromRequest): Promise<MatchRoomConnection> {
  return createOwnMatch({ from: { match: request.match, hour: request.hour }, seat: request.seat }, request.seat);
}

/**
 * Joins a match by its id or invite code: in `seat` when one is given (a free seat lookUpMatch offered,
 * or "spectator" to watch), else in the seat this browser held there before, else the first free cell,
 * else among the spectators.
 */
export async function joinMatchById(roomId: string, name: string, seat?: string): Promise<MatchRoomConnection> {
  const options = withPlayer({ name, ...(seat ? { seat } : {}) });
  return remember(await gameClient().joinById(roomId, options, MatchState), options);
}

/** Says why a request to the game's own API failed, as a sentence from the server when it gave one. */
async function apiProblem(response: Response): Promise<Error> {
  const body = (await response.json().catch(() => ({}))) as { message?: unknown };
  return new Error(typeof body.message === "string" ? body.message : `the server answered ${response.status}`);
}

/**
 * What an invite code leads to before joining it: the match's title, day, whether it has started, and
 * the seats free to take. Null when no match with that code is running.
 */
export async function lookUpMatch(code: string): Promise<MatchLookup | null> {
  const response = await fetch(`/api/matches/${encodeURIComponent(code)}`);
  if (response.status === 404) return null;
  if (!response.ok) throw await apiProblem(response);
  return (await response.json()) as MatchLookup;
}

/** The unfinished matches this browser held a seat in, newest first: for the menu's "Continue". */
export async function listContinuable(): Promise<ContinueEntry[]> {
  const response = await fetch(`/api/continue?player=${encodeURIComponent(playerId())}`, { cache: "no-store" });
  if (!response.ok) throw await apiProblem(response);
  return (await response.json()) as ContinueEntry[];
}

/**
 * Back into a match from the Continue list, in the seat held there: a running match is joined; one set
 * aside is brought back by the server from its save (only for a browser that held a seat in it).
 */
export async function continueMatch(entry: Pick<ContinueEntry, "matchId" | "seat" | "running">, name: string): Promise<MatchRoomConnection> {
  const seat = entry.seat || undefined;
  const join = () => joinMatchById(entry.matchId, name, seat);
  if (entry.running) return join();
  const options = withPlayer({ continue: entry.matchId, name });
  try {
    return remember(await gameClient().create("match", options, MatchState), withPlayer({ name, ...(seat ? { seat } : {}) }));
  } catch (error) {
    // Someone (another tab) brought it back a moment ago: it runs now, so join it.
    if (/is running/.test((error as Error).message)) return join();
    throw error;
  }
}

/** Watches a finished match again, replayed on the server from its log. */
export function watchReplay(matchId: string): Promise<MatchRoomConnection> {
  return gameClient().create("replay", { match: matchId }, MatchState);
}

export function hasSavedSession(): boolean {
  return sessionStorage.getItem(SESSION_KEY) !== null;
}

/** Whether the match this tab would rejoin on a reload is a match of the player's own. */
export function savedSessionIsSolo(): boolean {
  try {
    return (JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? "null") as SavedSession | null)?.solo === true;
  } catch {
    return false;
  }
}

/**
 * The same match again, for the same seat, wherever it runs now (another server process took it over:
 * see matchRelocation.ts). What the tab remembers for a reload stays as it was, with the new token.
 */
export async function findMovedMatch(roomId: string, seat: string, name: string): Promise<MatchRoomConnection> {
  const options = withPlayer({ name, seat });
  const room = await gameClient().joinById(roomId, options, MatchState);
  let saved: SavedSession | null = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? "") as SavedSession;
  } catch {
    // Nothing remembered: the new connection is remembered with the options it was made with.
  }
  return remember(room, saved?.roomId === roomId ? saved.options : options, saved?.roomId === roomId ? saved.solo : false);
}

export function forgetSession(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

/**
 * Back to the seat this tab held before a reload: within the server's grace period by reconnecting,
 * after it by joining the same seat again (the AI has been keeping it), and once the match has been
 * set aside (nobody connected for a while) by bringing it back. Null when none of these works.
 */
export async function rejoinSavedSession(): Promise<MatchRoomConnection | null> {
  let session: SavedSession;
  try {
    session = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? "") as SavedSession;
  } catch {
    forgetSession();
    return null;
  }
  const client = gameClient();
  try {
    return remember(await client.reconnect(session.token, MatchState), session.options, session.solo);
  } catch {
    try {
      return remember(await client.joinById(session.roomId, withPlayer(session.options), MatchState), session.options, session.solo);
    } catch {
      try {
        return await continueMatch({ matchId: session.roomId, seat: session.options.seat ?? "", running: false }, session.options.name ?? "Player");
      } catch {
        forgetSession();
        return null;
      }
    }
  }
}
