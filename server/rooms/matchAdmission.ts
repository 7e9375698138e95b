import { matchMaker, ServerError } from "@colyseus/core";
import { randomInt } from "node:crypto";
import type { z } from "zod";
import { joinOptionsSchema } from "../../shared/protocol/joinOptions";

/* How a match is entered: invite codes for private matches, and join options checked with a clear refusal. */

const INVITE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const INVITE_LENGTH = 6;

/** A short code people can read out or type: no 0/O or 1/I to confuse, and checked not to be in use. */
export async function inviteCode(): Promise<string> {
  for (;;) {
    let code = "";
    for (let i = 0; i < INVITE_LENGTH; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
    // Colyseus would silently put the creator into an existing room with the same id (on any process: the driver lists them all).
    if (!(await matchMaker.getRoomById(code))) return code;
  }
}

/** A refused create is answered over HTTP (matchmaking), so it carries an HTTP status. */
export const CREATE_REFUSED_STATUS = 400;
/** A create refused because the match it would run is running already (here or on another process): join it instead. */
export const MATCH_RUNNING_STATUS = 409;
/** A refused join is answered on the WebSocket, so it carries an application close code. */
export const JOIN_REFUSED_CODE = 4403;

export function parseJoinOptions(options: unknown, refusalCode: number): z.output<typeof joinOptionsSchema> {
  const result = joinOptionsSchema.safeParse(options ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ServerError(refusalCode, `join options: ${issue.path.join(".") || "(options)"}: ${issue.message}`);
  }
  return result.data;
}
