import type { ErrorCode } from "./errorCodes";

export { orderSchema, moveOrderSchema, type Order, type MoveOrder, type OrderKind, type OrderOf } from "./orders";

/** Message names, client → server and server → client. */
export { MessageType } from "./protocolNames";

export interface ErrorMessage {
  code: ErrorCode;
  message: string;
}

/** Sent to a client once it holds its seat. */
export interface WelcomeMessage {
  seat: string;
  side: "maquis" | "occupier" | "spectator";
  /** The side whose view this connection receives. */
  watching: "maquis" | "occupier";
  /** Whether this connection is the host (who starts a lobby match); sent again when the role passes. */
  host: boolean;
}
