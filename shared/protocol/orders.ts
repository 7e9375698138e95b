import { z } from "zod";
import { LIMITS } from "./limits";

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
/** Raid a convoy (by ship id) in sensor range, or the depot of the occupier system the ship is at. */
export const raidOrderSchema = z.object({ kind: z.literal("raid"), ship: ref, target: z.union([ref, z.object({ depot: z.literal(true) }).strict()]) }).strict();
/** Smuggle arms in (supplies for weapons), or run relief to the colonists of the system the ship is at. */
export const smuggleOrderSchema = z.object({ kind: z.literal("smuggle"), ship: ref, goods: z.enum(["arms", "relief"]).optional() }).strict();
const amount = z.number().int().min(0).max(10_000);
/** Hand supplies and weapons to a fellow cell whose ship is at the same place. */
export const transferOrderSchema = z.object({ kind: z.literal("transfer"), ship: ref, to: ref, supplies: amount, weapons: amount }).strict();
/** Strike a warship in sensor range, or the garrison of the system the ship is at. */
export const strikeOrderSchema = z.object({ kind: z.literal("strike"), ship: ref, target: z.union([z.object({ ship: ref }).strict(), z.object({ garrison: z.literal(true) }).strict()]) }).strict();
/** Assault a revealed Maquis ship in sensor range, or a located base at the system the ship is at. */
export const assaultOrderSchema = z.object({ kind: z.literal("assault"), ship: ref, target: z.union([z.object({ ship: ref }).strict(), z.object({ base: ref }).strict()]) }).strict();
export const convoyOrderSchema = z.object({ kind: z.literal("convoy"), from: ref, to: ref }).strict();
export const reinforceOrderSchema = z.object({ kind: z.literal("reinforce") }).strict();
export const chooseBaseOrderSchema = z.object({ kind: z.literal("chooseBase"), system: ref }).strict();
/** The council: a note pinned to a point of the map for the ordering side only ("hit the convoy here at dawn"). */
export const markOrderSchema = z
  .object({ kind: z.literal("mark"), x: finiteCoordinate, y: finiteCoordinate, text: z.string().trim().min(1).max(LIMITS.markCharacters) })
  .strict();

/** Every order a seat can send; one member per kind of order. */
export const orderSchema = z.discriminatedUnion("kind", [
  moveOrderSchema,
  patrolOrderSchema,
  shipOrder("recruit"),
  shipOrder("agitate"),
  smuggleOrderSchema,
  transferOrderSchema,
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
  shipOrder("aid"),
  reinforceOrderSchema,
  shipOrder("breakOff"),
  chooseBaseOrderSchema,
  markOrderSchema,
]);
export type Order = z.infer<typeof orderSchema>;
export type OrderKind = Order["kind"];
export type OrderOf<K extends OrderKind> = Extract<Order, { kind: K }>;
