import { Client, type Room } from "@colyseus/sdk";
import type { JoinOptions } from "../../shared/protocol/joinOptions";
import { MatchState } from "../../shared/state/MatchState";

export type MatchRoomConnection = Room<any, MatchState>;

/** The one place the client opens a connection: the game server is the page's own origin. */
export function joinMatch(options: JoinOptions): Promise<MatchRoomConnection> {
  const client = new Client(`${location.protocol}//${location.host}`);
  return client.joinOrCreate("match", options, MatchState);
}
