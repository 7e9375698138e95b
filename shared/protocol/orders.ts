import { z } from "zod";

const ref = z.string().min(1).max(64);
const finiteCoordinate = z.number().finite().min(-1e6).max(1e6);
const shipOrder = <K extends string>(kind: K) => z.object({ kind: z.literal(kind), ship: ref }).strict();

export const moveOrderSchema = z
  .object({
    kind: z.literal("move"),
    ship: ref,
    to: z.union([z.object({ x: finiteCoordinate, y: finiteCoordinate }).strict(), z.object({ system: ref }).strict()]),
  })
  .strict();
export type MoveOrder = z.infer<typeof moveOrderSchema>;

export const patrolOrderSchema = z.object({ kind: z.literal("patrol"), ship: ref, route: z.array(ref).min(2).max(16) }).strict();
export const raidOrderSchema = z.object({ kind: z.literal("raid"), ship: ref, target: ref }).strict();
/** Strike a warship in sensor range, or the garrison of the system the ship is at. */
export const strikeOrderSchema = z.object({ kind: z.literal("strike"), ship: ref, target: z.union([z.object({ ship: ref }).strict(), z.object({ garrison: z.literal(true) }).strict()]) }).strict();
/** Assault a revealed Maquis ship in sensor range, or a located base at the system the ship is at. */
export const assaultOrderSchema = z.object({ kind: z.literal("assault"), ship: ref, target: z.union([z.object({ ship: ref }).strict(), z.object({ base: ref }).strict()]) }).strict();
export const convoyOrderSchema = z.object({ kind: z.literal("convoy"), from: ref, to: ref }).strict();
export const reinforceOrderSchema = z.object({ kind: z.literal("reinforce") }).strict();
export const chooseBaseOrderSchema = z.object({ kind: z.literal("chooseBase"), system: ref }).strict();

/** Every order a seat can send; one member per kind of order. */
export const orderSchema = z.discriminatedUnion("kind", [
  moveOrderSchema,
  patrolOrderSchema,
  shipOrder("recruit"),
  shipOrder("agitate"),
  shipOrder("smuggle"),
  raidOrderSchema,
  shipOrder("sabotage"),
  shipOrder("ambush"),
  shipOrder("evacuate"),
  shipOrder("goDark"),
  strikeOrderSchema,
  shipOrder("sweep"),
  assaultOrderSchema,
  shipOrder("garrison"),
  convoyOrderSchema,
  shipOrder("informants"),
  shipOrder("crackdown"),
  reinforceOrderSchema,
  shipOrder("breakOff"),
  chooseBaseOrderSchema,
]);
export type Order = z.infer<typeof orderSchema>;
export type OrderKind = Order["kind"];
export type OrderOf<K extends OrderKind> = Extract<Order, { kind: K }>;
