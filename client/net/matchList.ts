import { Client } from "@colyseus/sdk";
import type { MatchListing } from "../../shared/protocol/lobbyMessages";

export interface ListedMatch {
  roomId: string;
  clients: number;
  metadata: MatchListing;
}

/** Follows the server's list of public matches live (Colyseus' lobby room: "rooms", then "+" and "-"). */
export async function watchMatchList(onChange: (matches: ListedMatch[]) => void): Promise<() => void> {
  const lobby = await new Client(`${location.protocol}//${location.host}`).joinOrCreate("lobby");
  let matches: ListedMatch[] = [];
  const publish = () => onChange(matches.filter((match) => match.metadata?.scenario));
  lobby.onMessage("rooms", (rooms: ListedMatch[]) => {
    matches = rooms;
    publish();
  });
  lobby.onMessage("+", ([roomId, room]: [string, ListedMatch]) => {
    matches = [...matches.filter((match) => match.roomId !== roomId), room];
    publish();
  });
  lobby.onMessage("-", (roomId: string) => {
    matches = matches.filter((match) => match.roomId !== roomId);
    publish();
  });
  return () => void lobby.leave();
}
