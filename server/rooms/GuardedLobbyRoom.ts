import { LobbyRoom, type RoomException, type RoomMethodName } from "@colyseus/core";
import { CloseCodes } from "../../shared/protocol/closeCodes";
import { ErrorCode } from "../../shared/protocol/errorCodes";
import { LIMITS } from "../../shared/protocol/limits";
import { MessageType, type ErrorMessage } from "../../shared/protocol/messages";
import { log } from "../log";
import { handleRoomException, printable } from "./roomFaults";

/** Colyseus' own live list of matches, under the same limits and fault handling as the game's rooms. */
export class GuardedLobbyRoom extends LobbyRoom {
  maxMessagesPerSecond = LIMITS.messagesPerSecond;
  private readonly log = log.child({ roomName: "lobby" });

  async onCreate(options: unknown): Promise<void> {
    await super.onCreate(options);
    // Without a catch-all Colyseus closes the sender with the type in the close reason; a type of
    // ~100 characters makes that reason too long for a WebSocket close, ws throws, and the process stops.
    this.onMessage("*", (client, type) =>
      client.send(MessageType.error, { code: ErrorCode.UnknownMessage, message: `the lobby does not accept "${printable(type)}" messages` } satisfies ErrorMessage),
    );
  }

  onUncaughtException(error: RoomException, method: RoomMethodName): void {
    handleRoomException(error, method, { log: this.log, closeRoom: () => void this.disconnect(CloseCodes.roomFault) });
  }
}
