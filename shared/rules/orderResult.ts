import type { ErrorCode } from "../protocol/errorCodes";

/** A rule either applies an order or says why not; it never throws for a player's mistake. */
export type Refusal = { ok: false; code: ErrorCode; message: string };
export type OrderResult = { ok: true } | Refusal;

export const accepted: OrderResult = { ok: true };

export function refused(code: ErrorCode, message: string): Refusal {
  return { ok: false, code, message };
}
