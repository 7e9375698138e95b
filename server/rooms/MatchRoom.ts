import { Room, ServerError, type Client } from "@colyseus/core";
import { randomInt } from "node:crypto";
import { ErrorCode } from "../../shared/protocol/errorCodes";
import type { z } from "zod";
import { runAiSeats, type AiSettings } from "../../shared/ai/aiPlayers";
import { joinOptionsSchema, SPECTATOR_SEAT } from "../../shared/protocol/joinOptions";
import { MessageType, orderSchema, type ErrorMessage, type WelcomeMessage } from "../../shared/protocol/messages";
import { TICK_RATE } from "../../shared/rules/clock";
import { applyOrder } from "../../shared/rules/applyOrder";
import { createMatch, type Match } from "../../shared/rules/match";
import { step } from "../../shared/rules/step";
import type { MatchState } from "../../shared/state/MatchState";
import type { ScenarioLibrary } from "../scenarioLibrary";
import { FogOfWar } from "./fogOfWar";

/** A burst beyond this many messages in one second disconnects the sender (Colyseus closes it with 4002). */
const MAX_MESSAGES_PER_SECOND = 20;
/** A refused create is answered over HTTP (matchmaking), so it carries an HTTP status. */
const CREATE_REFUSED_STATUS = 400;
/** A refused join is answered on the WebSocket, so it carries an application close code. */
const JOIN_REFUSED_CODE = 4403;

function parseJoinOptions(options: unknown, refusalCode: number): z.output<typeof joinOptionsSchema> {
  const result = joinOptionsSchema.safeParse(options ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ServerError(refusalCode, `join options: ${issue.path.join(".") || "(options)"}: ${issue.message}`);
  }
  return result.data;
}

/**
 * A running game. Thin by design: check the message, find the sender's seat, call the shared rule.
 * Subclassed per server with its scenario library (see createMatchRoom), so room options sent by a
 * client can never replace it.
 */
export abstract class MatchRoom extends Room<{ state: MatchState }> {
  protected abstract readonly library: ScenarioLibrary;
  maxMessagesPerSecond = MAX_MESSAGES_PER_SECOND;
  private match!: Match;
  private aiSettings!: AiSettings;
  private readonly fog = new FogOfWar();
  /** sessionId → seat id (or "spectator"); connection bookkeeping, not game state. */
  private readonly seatOf = new Map<string, string>();

  onCreate(options: unknown): void {
    const { scenario: scenarioId, difficulty } = parseJoinOptions(options, CREATE_REFUSED_STATUS);
    const scenario = this.library.get(scenarioId);
    if (!scenario) throw new ServerError(CREATE_REFUSED_STATUS, `no scenario has the id "${scenarioId}"`);
    this.match = createMatch(scenario, randomInt(2 ** 31));
    this.state = this.match.state;
    // The AI in free seats plays at the chosen level; the Maquis AI at normal when people play the occupier.
    this.aiSettings = { occupier: difficulty, maquis: difficulty };
    this.maxClients = scenario.seats.length + 8;
    this.setPatchRate(1000 / TICK_RATE);
    this.setFixedTimestep(() => this.tick(), TICK_RATE);
    this.onMessage(MessageType.order, (client, payload) => this.receiveOrder(client, payload));
    this.onMessage("*", (client, type) =>
      this.refuse(client, ErrorCode.UnknownMessage, `the server does not accept "${String(type).slice(0, 40)}" messages`),
    );
  }

  onJoin(client: Client, options: unknown): void {
    const { seat: requested, watch } = parseJoinOptions(options, JOIN_REFUSED_CODE);
    const seatId = requested ?? this.firstFreeCell();
    if (seatId === undefined) throw new ServerError(JOIN_REFUSED_CODE, "every Maquis cell in this match is taken; join as a spectator");
    let side: WelcomeMessage["side"] = "spectator";
    if (seatId !== SPECTATOR_SEAT) {
      const seat = this.state.seats.get(seatId);
      if (!seat) throw new ServerError(JOIN_REFUSED_CODE, `this scenario has no seat "${seatId}"`);
      if (seat.occupied) throw new ServerError(JOIN_REFUSED_CODE, `seat "${seatId}" is already taken`);
      seat.occupied = true;
      side = seat.side as WelcomeMessage["side"];
    }
    this.seatOf.set(client.sessionId, seatId);
    this.fog.attach(client, side === "spectator" ? { side: watch, seat: "" } : { side, seat: seatId });
    this.fog.update(this.state, this.match.ctx);
    client.send(MessageType.welcome, { seat: seatId, side, watching: side === "spectator" ? watch : side } satisfies WelcomeMessage);
  }

  onLeave(client: Client): void {
    this.fog.detach(client);
    const seatId = this.seatOf.get(client.sessionId);
    this.seatOf.delete(client.sessionId);
    const seat = seatId === undefined ? undefined : this.state.seats.get(seatId);
    if (seat) seat.occupied = false;
  }

  private tick(): void {
    const freeSeats = [...this.state.seats.values()].filter((seat) => !seat.occupied).map((seat) => seat.id);
    runAiSeats(this.match, freeSeats, this.aiSettings);
    step(this.state, this.match.ctx);
    this.fog.update(this.state, this.match.ctx);
  }

  private firstFreeCell(): string | undefined {
    for (const seat of this.state.seats.values()) if (seat.side === "maquis" && !seat.occupied) return seat.id;
    return undefined;
  }

  private receiveOrder(client: Client, payload: unknown): void {
    const parsed = orderSchema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      this.refuse(client, ErrorCode.InvalidMessage, `order: ${issue.path.join(".") || "(message)"}: ${issue.message}`);
      return;
    }
    const result = applyOrder(this.state, this.seatOf.get(client.sessionId) ?? SPECTATOR_SEAT, parsed.data, this.match.ctx);
    if (!result.ok) this.refuse(client, result.code, result.message);
  }

  private refuse(client: Client, code: ErrorCode, message: string): void {
    client.send(MessageType.error, { code, message } satisfies ErrorMessage);
  }
}

export function createMatchRoom(library: ScenarioLibrary) {
  return class extends MatchRoom {
    protected readonly library = library;
  };
}
