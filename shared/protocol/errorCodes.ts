/** Codes the server sends back with a refused message; clients key their wording on these. */
export const ErrorCode = {
  InvalidMessage: "INVALID_MESSAGE",
  UnknownMessage: "UNKNOWN_MESSAGE",
  SpectatorCannotOrder: "SPECTATOR_CANNOT_ORDER",
  NotYourShip: "NOT_YOUR_SHIP",
  UnknownSystem: "UNKNOWN_SYSTEM",
  OutsideMap: "OUTSIDE_MAP",
  MatchOver: "MATCH_OVER",
  NotStarted: "NOT_STARTED",
  NotHost: "NOT_HOST",
  NotInLobby: "NOT_IN_LOBBY",
  SeatTaken: "SEAT_TAKEN",
  NotReady: "NOT_READY",
  WrongSide: "WRONG_SIDE",
  ShipBusy: "SHIP_BUSY",
  ShipEngaged: "SHIP_ENGAGED",
  NotEngaged: "NOT_ENGAGED",
  NotAtSystem: "NOT_AT_SYSTEM",
  NotEnoughSupplies: "NOT_ENOUGH_SUPPLIES",
  NotEnoughWeapons: "NOT_ENOUGH_WEAPONS",
  NotEnoughRecruits: "NOT_ENOUGH_RECRUITS",
  NotEnoughRequisition: "NOT_ENOUGH_REQUISITION",
  SympathyTooLow: "SYMPATHY_TOO_LOW",
  SympathyAtMaximum: "SYMPATHY_AT_MAXIMUM",
  GarrisonTooStrong: "GARRISON_TOO_STRONG",
  NoGarrison: "NO_GARRISON",
  GarrisonFull: "GARRISON_FULL",
  NotEnoughIntel: "NOT_ENOUGH_INTEL",
  RecentlySwept: "RECENTLY_SWEPT",
  NotInCover: "NOT_IN_COVER",
  AlreadyUnderground: "ALREADY_UNDERGROUND",
  TargetNotInRange: "TARGET_NOT_IN_RANGE",
  InvalidTarget: "INVALID_TARGET",
  NoPopulation: "NO_POPULATION",
  NotTradePartner: "NOT_TRADE_PARTNER",
  TooManyConvoys: "TOO_MANY_CONVOYS",
  ConvoyOnRoute: "CONVOY_ON_ROUTE",
  NoReinforcements: "NO_REINFORCEMENTS",
  BaseLocked: "BASE_LOCKED",
  NotABaseSite: "NOT_A_BASE_SITE",
  CellEliminated: "CELL_ELIMINATED",
  /** A transfer needs a ship of the receiving cell at the same place. */
  NoRendezvous: "NO_RENDEZVOUS",
  /** Evacuation is for worlds a scenario has marked as doomed. */
  NotThreatened: "NOT_THREATENED",
  /** Aid goes to a colony once a round. */
  RecentlyAided: "RECENTLY_AIDED",
  /** Chat lines sent faster than LIMITS allows. */
  TooFast: "TOO_FAST",
  /** The match's order log reached its size limit: further orders are not accepted. */
  MatchLogFull: "MATCH_LOG_FULL",
  /** A draft change that would grow the draft past LIMITS.draftBytes: refused, the draft is as it was. */
  DraftFull: "DRAFT_FULL",
  /** One draft change larger than LIMITS.draftChangeBytes: refused, the draft is as it was. */
  ChangeTooLarge: "CHANGE_TOO_LARGE",
  /** After a refused change this editor's copy holds what the draft does not: it must open the draft again. */
  DraftOutOfStep: "DRAFT_OUT_OF_STEP",
  /** The server failed while handling the message; nothing of it was applied, and the match goes on. */
  ServerFault: "SERVER_FAULT",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
