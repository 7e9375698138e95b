import pino from "pino";

/**
 * The server's structured log: one JSON object a line on stdout, each with the room and client it
 * concerns where there is one. LOG_LEVEL sets how much is written (default "info"; tests use "warn").
 */
export const log = pino(
  { level: process.env.LOG_LEVEL || "info", base: { service: "maquis" }, timestamp: pino.stdTimeFunctions.isoTime },
  // Written at once, not buffered: the lines before a crash are the ones an operator needs.
  pino.destination({ dest: 1, sync: true }),
);

export type Logger = pino.Logger;

/** What an error log line carries about an exception: its message and where it was thrown. */
export function describeError(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) return { message: error.message, stack: error.stack };
  return { message: typeof error === "string" ? error : "a non-error value was thrown" };
}
