/**
 * Whether a store error will likely pass by itself, so the write is worth retrying: the database is
 * unreachable, restarting, busy, or out of space. Anything else (a constraint, bad data) will fail
 * the same way again.
 */
export function isPassingStoreError(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? "");
  const message = String((error as { message?: unknown })?.message ?? "");
  // Node's network errors, as pg reports them.
  if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN"].includes(code)) return true;
  // PostgreSQL: connection exceptions (08), insufficient resources (53), operator intervention (57: shutting down, restarting).
  if (/^(08|53|57)[0-9A-Z]{3}$/.test(code)) return true;
  // SQLite: busy or locked, a full disk, an I/O error.
  if (/^SQLITE_(BUSY|LOCKED|FULL|IOERR)/.test(code)) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(message);
}
