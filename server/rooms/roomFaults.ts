import {
  OnAuthException,
  OnCreateException,
  OnJoinException,
  OnMessageException,
  ServerError,
  TimedEventException,
  TimestepException,
  type Client,
  type RoomException,
  type RoomMethodName,
} from "@colyseus/core";
import { ErrorCode } from "../../shared/protocol/errorCodes";
import { MessageType, type ErrorMessage } from "../../shared/protocol/messages";
import { describeError, type Logger } from "../log";

/** A value a client chose, made safe to print: never call its own toString, never print much of it. */
export function printable(value: unknown): string {
  if (typeof value === "string") return value.slice(0, 40);
  if (typeof value === "number") return String(value);
  return `(a ${value === null ? "null" : typeof value})`;
}

export interface FaultHandling {
  log: Logger;
  /** Called when the room's own clock (its tick or a timer) failed: the room cannot go on. */
  closeRoom: (reason: string) => void;
  /** What the sender of a failed message is told carries on (default: "the match goes on"). */
  goesOn?: string;
}

/**
 * What a room does with an exception thrown in one of its hooks, so that no client and no fault takes
 * the process down (Colyseus calls `onUncaughtException` for every message handler, lifecycle hook,
 * clock timer and timestep once a room defines it):
 * - a message handler: logged with the client and the type, answered with SERVER_FAULT, the room goes on;
 * - a refused create or join (a ServerError): an ordinary refusal, logged at info and passed on to the client;
 * - the tick or a timer: the match's state can no longer be trusted, so the room is closed alone.
 */
export function handleRoomException(error: RoomException, method: RoomMethodName, handling: FaultHandling): void {
  const cause = (error as Error).cause ?? error;
  if (error instanceof OnMessageException) {
    const client = error.client as Client;
    handling.log.error({ client: client.sessionId, type: printable(error.type), method, error: describeError(cause) }, "a message handler failed");
    client.send(MessageType.error, { code: ErrorCode.ServerFault, message: `the server failed on your "${printable(error.type)}" message; ${handling.goesOn ?? "the match goes on"}` } satisfies ErrorMessage);
    return;
  }
  if ((error instanceof OnJoinException || error instanceof OnAuthException || error instanceof OnCreateException) && cause instanceof ServerError) {
    const client = "client" in error ? (error.client as Client | undefined)?.sessionId : undefined;
    handling.log.info({ client, method, code: cause.code }, `refused: ${cause.message}`);
    return;
  }
  const client = "client" in error ? (error.client as Client | undefined)?.sessionId : undefined;
  handling.log.error({ client, method, error: describeError(cause) }, `the room failed in ${method}`);
  if (error instanceof TimestepException || error instanceof TimedEventException) handling.closeRoom(`${method}: ${describeError(cause).message}`);
}
