/** WebSocket close codes the server uses, and what a player is told for each. */
export const CloseCodes = {
  /** The room's tick failed: the match was closed alone, saved up to its last snapshot. */
  roomFault: 4500,
  /** Colyseus' code for a client thrown out for breaking the rules (flooding, garbage). */
  withError: 4002,
  /** A message over the size limit. */
  messageTooBig: 1009,
  /** The match now runs on another server process: the client finds it there and takes its seat again. */
  matchMoved: 4409,
} as const;

export function describeCloseCode(code: number): string {
  switch (code) {
    case CloseCodes.roomFault:
      return "The match failed on the server and was closed. It was saved and comes back when the server restarts.";
    case CloseCodes.withError:
      return "The server closed the connection: too many messages, or one it could not read.";
    case CloseCodes.matchMoved:
      return "The match moved to another server and could not be found there.";
    case CloseCodes.messageTooBig:
      return "The server closed the connection: a message was larger than it accepts.";
    default:
      return `Disconnected from the match (code ${code}).`;
  }
}
