import { z } from "zod";
import type { ErrorCode } from "./errorCodes";

/** Message names, client → server and server → client. */
export const MessageType = {
  order: "order",
  error: "error",
  welcome: "welcome",
} as const;

const shipRef = z.string().min(1).max(64);
const finiteCoordinate = z.number().finite().min(-1e6).max(1e6);

export const moveOrderSchema = z
  .object({
    kind: z.literal("move"),
    ship: shipRef,
    to: z.union([
      z.object({ x: finiteCoordinate, y: finiteCoordinate }).strict(),
      z.object({ system: z.string().min(1).max(64) }).strict(),
    ]),
  })
  .strict();
export type MoveOrder = z.infer<typeof moveOrderSchema>;

/** Every order a seat can send; one member per kind of order. */
export const orderSchema = z.discriminatedUnion("kind", [moveOrderSchema]);
export type Order = z.infer<typeof orderSchema>;

export interface ErrorMessage {
  code: ErrorCode;
  message: string;
}

/** Sent to a client once it holds its seat. */
export interface WelcomeMessage {
  seat: string;
  side: "maquis" | "occupier" | "spectator";
}
