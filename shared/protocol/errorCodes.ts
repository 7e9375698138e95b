/** Codes the server sends back with a refused message; clients key their wording on these. */
export const ErrorCode = {
  InvalidMessage: "INVALID_MESSAGE",
  UnknownMessage: "UNKNOWN_MESSAGE",
  SpectatorCannotOrder: "SPECTATOR_CANNOT_ORDER",
  NotYourShip: "NOT_YOUR_SHIP",
  UnknownSystem: "UNKNOWN_SYSTEM",
  OutsideMap: "OUTSIDE_MAP",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
