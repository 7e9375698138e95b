/**
 * fast-check arbitraries for hostile client traffic: message types a room never declared (Colyseus'
 * own internals and JavaScript's prototype names among them), every declared message with wrong
 * shapes, numbers and strings at and past every limit, raw and malformed WebSocket frames, floods.
 * The driver that sends them is fuzzAttackers.ts; the room tests and `npm run soak` share both.
 */
import { Protocol } from "@colyseus/sdk";
import fc from "fast-check";
import { LobbyMessageType } from "../../shared/protocol/lobbyMessages";
import { LIMITS } from "../../shared/protocol/limits";
import { MatchMessageType } from "../../shared/protocol/matchMessages";
import { MessageType, orderSchema } from "../../shared/protocol/messages";

/** What a room accepts by name: the fuzzer sends these with wrong shapes most of the time. */
export const MATCH_MESSAGE_TYPES = [MessageType.order, LobbyMessageType.takeSeat, LobbyMessageType.ready, LobbyMessageType.start, MatchMessageType.chat, MatchMessageType.voteSpeed];
export const REPLAY_MESSAGE_TYPES = [MatchMessageType.voteSpeed, MatchMessageType.seek];
/** Colyseus' LobbyRoom declares one message. */
export const LOBBY_MESSAGE_TYPES = ["filter"];

/**
 * Names no room declares but that reach code keyed by message type: the catch-all, JavaScript's
 * inherited members, Colyseus' internal prefixes (`_$b` routes raw bytes) and its playground, and the
 * names the server itself sends.
 */
export const RESERVED_MESSAGE_TYPES = [
  "*",
  "_",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "__defineGetter__",
  "__playground_message_types",
  "_$b",
  "_$border",
  "_$b*",
  "_$b__proto__",
  "",
  " ",
  "error",
  "welcome",
  "rooms",
  "+",
  "-",
  "onMessage",
  "restart",
];

/** Every order kind the protocol knows, read from its schema so a new kind is fuzzed too. */
export const ORDER_KINDS: string[] = orderSchema.options.map((option) => option.shape.kind.value);

/** Ids the fuzzer mixes into payloads: real ones (other seats' ships included) get past shape checks. */
export interface FuzzTargets {
  declaredTypes: readonly string[];
  ships: readonly string[];
  seats: readonly string[];
  systems: readonly string[];
}

/** One hostile act of one client. */
export type HostileMessage =
  | { mode: "send"; type: string | number; payload: unknown }
  | { mode: "request"; type: string | number; payload: unknown }
  | { mode: "sendBytes"; type: string | number; bytes: Uint8Array }
  /** A frame written straight to the WebSocket, bypassing the SDK's encoder. */
  | { mode: "raw"; bytes: Uint8Array }
  /** A text frame where Colyseus expects binary. */
  | { mode: "text"; text: string }
  /** More than LIMITS.messagesPerSecond at once: the server is expected to close the sender (4002). */
  | { mode: "flood"; count: number; type: string; payload: unknown };

const hostileNumber = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -1e308, -0, 2 ** 53 + 2, -(2 ** 31), 2 ** 32, 5e-324, -1, 3, 0.5, 1e6 + 1),
  fc.double(),
  fc.integer(),
);

/** Near and past the 4 KiB message limit (the socket is closed with 1009 past it). */
const hugeString = fc.integer({ min: 3000, max: 6000 }).map((length) => "x".repeat(length));
const hugeArray = fc.integer({ min: 500, max: 5000 }).map((length) => new Array<number>(length).fill(0));

/** Around a thousand levels of nesting: cheap on the wire, expensive for naive recursive code. */
const deepNesting = fc.tuple(fc.integer({ min: 200, max: 1200 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value };
  return value;
});

/** Objects whose keys shadow what code may call on them; built fresh each time (some are mutable). */
const trickyObject = fc.constantFrom(
  () => JSON.parse('{"__proto__":{"polluted":"yes"},"kind":"move"}') as unknown,
  () => ({ toString: 1, valueOf: 1, toJSON: 1 }),
  () => ({ constructor: { prototype: { polluted: "yes" } } }),
  () => ({ hasOwnProperty: "x", length: 1e9, then: 1 }),
  () => Object.assign(Object.create(null) as object, { kind: "move", ship: "x" }),
  () => ({ kind: { toString: 1 } }),
).map((make) => make());

const hostileString = fc.oneof(
  fc.constantFrom("", " ", "*", "__proto__", "constructor", "toString", "spectator", "\u0000", "\u202e", "a\nb", "%s%n", "${x}", "<script>"),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  hugeString,
);

/** Any value fast-check can build that a client's encoder might put on the wire. */
const anyValue = fc.anything({
  maxDepth: 3,
  maxKeys: 6,
  withNullPrototype: true,
  withTypedArray: true,
  withSparseArray: true,
  withObjectString: true,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withBoxedValues: true,
});

function reference(targets: FuzzTargets) {
  const known = [...targets.ships, ...targets.systems, ...targets.seats];
  return fc.oneof(
    { weight: 4, arbitrary: known.length > 0 ? fc.constantFrom(...known) : hostileString },
    { weight: 2, arbitrary: hostileString },
    { weight: 1, arbitrary: hostileNumber },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, [], {}) },
    { weight: 1, arbitrary: trickyObject },
  );
}

/** Orders that pass the schema, with real ids: other seats' ships and the sender's own. */
function wellFormedOrder(targets: FuzzTargets): fc.Arbitrary<unknown> {
  const ship = targets.ships.length > 0 ? fc.constantFrom(...targets.ships) : fc.constant("raider-1");
  const system = targets.systems.length > 0 ? fc.constantFrom(...targets.systems) : fc.constant("dorvan-v");
  const coordinate = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  const shipKinds = ["recruit", "agitate", "smuggle", "sabotage", "ambush", "evacuate", "goDark", "sweep", "garrison", "informants", "crackdown", "breakOff"];
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant("move"), ship, to: fc.oneof(fc.record({ system }), fc.record({ x: coordinate, y: coordinate })) }) },
    fc.record({ kind: fc.constant("patrol"), ship, route: fc.array(system, { minLength: 2, maxLength: 16 }) }),
    fc.record({ kind: fc.constantFrom(...shipKinds), ship }),
    fc.record({ kind: fc.constant("raid"), ship, target: system }),
    fc.record({ kind: fc.constant("strike"), ship, target: fc.oneof(fc.record({ ship }), fc.constant({ garrison: true })) }),
    fc.record({ kind: fc.constant("assault"), ship, target: fc.oneof(fc.record({ ship }), fc.record({ base: system })) }),
    fc.record({ kind: fc.constant("convoy"), from: system, to: system }),
    fc.constant({ kind: "reinforce" }),
    fc.record({ kind: fc.constant("chooseBase"), system }),
  );
}

/** Orders of every kind with fields missing, mistyped, out of range or extra. */
function malformedOrder(targets: FuzzTargets): fc.Arbitrary<unknown> {
  const ref = reference(targets);
  return fc.record(
    {
      kind: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ORDER_KINDS) }, { weight: 1, arbitrary: hostileString }, { weight: 1, arbitrary: hostileNumber }),
      ship: ref,
      to: fc.oneof(fc.record({ x: hostileNumber, y: hostileNumber }), fc.record({ system: ref }), fc.record({ x: hostileNumber, y: hostileNumber, system: ref }), ref),
      route: fc.oneof(fc.array(ref, { maxLength: 24 }), ref),
      target: fc.oneof(ref, fc.record({ ship: ref }), fc.record({ garrison: anyValue }), fc.record({ base: ref })),
      from: ref,
      system: ref,
      hull: hostileNumber,
      seat: ref,
    },
    { requiredKeys: ["kind"] },
  );
}

/**
 * For each declared message, payloads of its own shape, wrong somewhere (and, for orders, also right:
 * accepted orders from the attackers' own ships keep the simulation honest about what it took).
 */
function shapesByType(targets: FuzzTargets): Record<string, fc.Arbitrary<unknown>> {
  const ref = reference(targets);
  const seat = fc.oneof(targets.seats.length > 0 ? fc.constantFrom(...targets.seats, "spectator") : fc.constant("spectator"), ref);
  return {
    [MessageType.order]: fc.oneof({ weight: 1, arbitrary: malformedOrder(targets) }, { weight: 2, arbitrary: wellFormedOrder(targets) }),
    [LobbyMessageType.takeSeat]: fc.oneof(fc.record({ seat }), fc.record({ seat, extra: anyValue }, { requiredKeys: [] })),
    [LobbyMessageType.ready]: fc.record({ ready: fc.oneof(fc.boolean(), anyValue), extra: anyValue }, { requiredKeys: [] }),
    [LobbyMessageType.start]: fc.oneof(fc.constant({}), fc.constant(undefined), fc.record({ force: anyValue })),
    [MatchMessageType.chat]: fc.record({ to: fc.oneof(fc.constantFrom("side", "all", "spectators"), hostileString), text: fc.oneof(hostileString, fc.string({ maxLength: 310 })) }, { requiredKeys: [] }),
    [MatchMessageType.voteSpeed]: fc.record({ speed: fc.oneof(fc.constantFrom(0, 1, 2, 4, 8, 16), hostileNumber), extra: anyValue }, { requiredKeys: [] }),
    [MatchMessageType.seek]: fc.record({ hour: fc.oneof(fc.integer({ min: 0, max: 48 }), hostileNumber), extra: anyValue }, { requiredKeys: [] }),
    filter: fc.oneof(
      fc.record({ name: fc.oneof(fc.constantFrom("match", "replay", "lobby"), hostileString), metadata: fc.oneof(fc.dictionary(hostileString, anyValue, { maxKeys: 4 }), trickyObject, hostileString, anyValue) }, { requiredKeys: [] }),
      anyValue,
    ),
  };
}

function shapedPayload(targets: FuzzTargets): fc.Arbitrary<unknown> {
  return fc.oneof(...Object.values(shapesByType(targets)));
}

/** A declared type with a payload of its own shape: the deepest way into a handler. */
function declaredMessage(targets: FuzzTargets): fc.Arbitrary<{ type: string; payload: unknown }> {
  const shapes = shapesByType(targets);
  // Orders are a match's widest surface (twenty kinds, other seats' ships): they get more of the plan.
  const type = fc.oneof(...targets.declaredTypes.map((name) => ({ weight: name === MessageType.order ? 3 : 1, arbitrary: fc.constant(name) })));
  return type.chain((name) => fc.record({ type: fc.constant(name), payload: shapes[name] ?? hostilePayload(targets) }));
}

/** Any payload for any type: declared shapes gone wrong, odd values, deep nesting, oversized data. */
export function hostilePayload(targets: FuzzTargets): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: shapedPayload(targets) },
    { weight: 2, arbitrary: anyValue },
    { weight: 1, arbitrary: hostileNumber },
    { weight: 1, arbitrary: hostileString },
    { weight: 1, arbitrary: deepNesting },
    { weight: 1, arbitrary: hugeArray },
    { weight: 1, arbitrary: trickyObject },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 5000 }) },
  );
}

export function hostileType(targets: FuzzTargets): fc.Arbitrary<string | number> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...targets.declaredTypes) },
    { weight: 3, arbitrary: fc.constantFrom(...RESERVED_MESSAGE_TYPES) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 1, arbitrary: fc.integer({ min: -(2 ** 31), max: 2 ** 31 }) },
    { weight: 1, arbitrary: fc.integer({ min: 200, max: 5000 }).map((length) => "t".repeat(length)) },
  );
}

const utf8 = new TextEncoder();

/** A msgpack str8 header and the string: the form Colyseus' decoder reads message types in. */
function encodedType(type: string): number[] {
  const bytes = [...utf8.encode(type)].slice(0, 255);
  return [0xd9, bytes.length, ...bytes];
}

const PROTOCOL_CODES = Object.values(Protocol) as number[];

/** Frames the SDK would never write: unknown codes, truncated headers, random msgpack after a real type. */
function rawFrame(targets: FuzzTargets): fc.Arbitrary<Uint8Array> {
  const anyCode = fc.oneof(fc.constantFrom(...PROTOCOL_CODES, 0, 31, 0x20 | Protocol.ROOM_DATA, 255), fc.nat(255));
  const type = fc.oneof(fc.constantFrom(...targets.declaredTypes, ...RESERVED_MESSAGE_TYPES), fc.string({ maxLength: 20 }));
  return fc.oneof(
    fc.tuple(anyCode, fc.uint8Array({ maxLength: 64 })).map(([code, rest]) => Uint8Array.of(code, ...rest)),
    fc.tuple(fc.constantFrom(Protocol.ROOM_DATA, Protocol.ROOM_DATA_BYTES), type, fc.uint8Array({ maxLength: 200 })).map(([code, name, rest]) => Uint8Array.of(code, ...encodedType(name), ...rest)),
    fc.tuple(type, fc.nat(), fc.uint8Array({ maxLength: 200 })).map(([name, id, rest]) => Uint8Array.of(Protocol.ROOM_REQUEST, 0xce, id & 0xff, (id >> 8) & 0xff, 0, 0, ...encodedType(name), ...rest)),
    fc.constantFrom(new Uint8Array(0), Uint8Array.of(Protocol.ROOM_DATA), Uint8Array.of(Protocol.ROOM_DATA, 0xd9), Uint8Array.of(Protocol.ROOM_REQUEST), Uint8Array.of(Protocol.ROOM_DATA, 0xdb, 255, 255, 255, 255)),
    fc.integer({ min: 3500, max: 6000 }).map((length) => new Uint8Array(length).fill(Protocol.ROOM_DATA)),
  );
}

/** One hostile act, in every way a client can put bytes on the wire. */
export function hostileMessage(targets: FuzzTargets): fc.Arbitrary<HostileMessage> {
  const type = hostileType(targets);
  const payload = hostilePayload(targets);
  return fc.oneof(
    { weight: 16, arbitrary: declaredMessage(targets).map((message) => ({ mode: "send" as const, ...message })) },
    { weight: 6, arbitrary: fc.record({ mode: fc.constant("send" as const), type, payload }) },
    { weight: 2, arbitrary: declaredMessage(targets).map((message) => ({ mode: "request" as const, ...message })) },
    { weight: 3, arbitrary: fc.record({ mode: fc.constant("request" as const), type, payload }) },
    { weight: 2, arbitrary: fc.record({ mode: fc.constant("sendBytes" as const), type, bytes: fc.uint8Array({ maxLength: 5000 }) }) },
    { weight: 3, arbitrary: fc.record({ mode: fc.constant("raw" as const), bytes: rawFrame(targets) }) },
    { weight: 1, arbitrary: fc.record({ mode: fc.constant("text" as const), text: fc.oneof(fc.string({ maxLength: 100 }), hugeString) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        mode: fc.constant("flood" as const),
        // Twice the limit: over it even if the server's one-second window restarts mid-burst.
        count: fc.integer({ min: LIMITS.messagesPerSecond * 2 + 2, max: LIMITS.messagesPerSecond * 3 }),
        message: declaredMessage(targets),
      }).map(({ mode, count, message }) => ({ mode, count, ...message })),
    },
  );
}

/** A run's plan: which attacker does what, in order. */
export function attackPlan(targets: FuzzTargets, attackers: number, messages: number): fc.Arbitrary<[number, HostileMessage][]> {
  return fc.array(fc.tuple(fc.nat(attackers - 1), hostileMessage(targets)), { minLength: messages, maxLength: messages });
}

/** FUZZ_SEED replays a run; otherwise the suite's fixed seed keeps `npm test` repeatable. */
export function fuzzSeed(fallback: number): number {
  const given = process.env.FUZZ_SEED;
  if (given === undefined || given === "") return fallback;
  const seed = Number(given);
  if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer (got "${given}")`);
  return seed;
}
