import { LobbyRoom, type RoomException, type RoomMethodName } from "@colyseus/core";
import { LIMITS } from "../../shared/protocol/limits";
import { log } from "../log";
import { ROOM_FAULT_CLOSE_CODE } from "./MatchRoom";
import { handleRoomException } from "./roomFaults";

/** Colyseus' own live list of matches, under the same limits and fault handling as the game's rooms. */
export class GuardedLobbyRoom extends LobbyRoom {
  maxMessagesPerSecond = LIMITS.messagesPerSecond;
  private readonly log = log.child({ roomName: "lobby" });

  onUncaughtException(error: RoomException, method: RoomMethodName): void {
    handleRoomException(error, method, { log: this.log, closeRoom: () => void this.disconnect(ROOM_FAULT_CLOSE_CODE) });
  }
}
