import { Client, type Room } from "@colyseus/sdk";
import type { JoinOptions } from "../../shared/protocol/joinOptions";
import { MatchState } from "../../shared/state/MatchState";

export type MatchRoomConnection = Room<any, MatchState>;

/** Per tab (sessionStorage), so two tabs of one browser can hold two seats; it survives a page reload. */
const SESSION_KEY = "maquis.session";

interface SavedSession {
  token: string;
  roomId: string;
  options: JoinOptions;
}

/** The one place the client opens a connection: the game server is the page's own origin. */
function gameClient(): Client {
  return new Client(`${location.protocol}//${location.host}`);
}

function remember(room: MatchRoomConnection, options: JoinOptions): MatchRoomConnection {
  const session: SavedSession = { token: room.reconnectionToken, roomId: room.roomId, options };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  // The token changes when the SDK reconnects by itself after a network drop.
  room.onReconnect(() => sessionStorage.setItem(SESSION_KEY, JSON.stringify({ ...session, token: room.reconnectionToken })));
  return room;
}

export async function joinMatch(options: JoinOptions): Promise<MatchRoomConnection> {
  return remember(await gameClient().joinOrCreate("match", options, MatchState), options);
}

/** A match that waits in a lobby for its host to start it; its creator takes the first free cell. */
export async function createLobbyMatch(request: { scenario: string; difficulty: "easy" | "normal" | "hard"; private: boolean; name: string }): Promise<MatchRoomConnection> {
  const options: JoinOptions = { ...request, lobby: true };
  return remember(await gameClient().create("match", options, MatchState), { name: request.name });
}

/** A match of the player's own against the AI: private (never listed, never joined by quick play), waiting for its Start. */
export async function createSoloMatch(request: { scenario: string; seat: string; watch?: "maquis" | "occupier"; difficulty: "easy" | "normal" | "hard" }): Promise<MatchRoomConnection> {
  const options: JoinOptions = { ...request, lobby: true, private: true };
  return remember(await gameClient().create("match", options, MatchState), { seat: request.seat, ...(request.watch ? { watch: request.watch } : {}) });
}

/** Joins a match by its id or invite code, in the first free cell or else among the spectators. */
export async function joinMatchById(roomId: string, name: string): Promise<MatchRoomConnection> {
  return remember(await gameClient().joinById(roomId, { name }, MatchState), { name });
}

/** Watches a finished match again, replayed on the server from its log. */
export function watchReplay(matchId: string): Promise<MatchRoomConnection> {
  return gameClient().create("replay", { match: matchId }, MatchState);
}

export function hasSavedSession(): boolean {
  return sessionStorage.getItem(SESSION_KEY) !== null;
}

export function forgetSession(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

/**
 * Back to the seat this tab held before a reload: within the server's grace period by reconnecting,
 * after it by joining the same seat again (the AI has been keeping it). Null when neither works.
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
    return remember(await client.reconnect(session.token, MatchState), session.options);
  } catch {
    try {
      return remember(await client.joinById(session.roomId, session.options, MatchState), session.options);
    } catch {
      forgetSession();
      return null;
    }
  }
}
