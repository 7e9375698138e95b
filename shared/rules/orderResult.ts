import type { ErrorCode } from "../protocol/errorCodes";

/** A rule either applies an order or says why not; it never throws for a player's mistake. */
export type OrderResult = { ok: true } | { ok: false; code: ErrorCode; message: string };

export const accepted: OrderResult = { ok: true };

export function refused(code: ErrorCode, message: string): OrderResult {
  return { ok: false, code, message };
}
