import { randomInt } from "node:crypto";
import { CloseCode, Room, ServerError, type AuthContext, type Client, type RoomException, type RoomMethodName } from "@colyseus/core";
import { ErrorCode } from "../../shared/protocol/errorCodes";
import type { AiSettings } from "../../shared/ai/aiPlayers";
import { joinOptionsSchema, SPECTATOR_SEAT } from "../../shared/protocol/joinOptions";
import { MessageType, orderSchema, type ErrorMessage, type WelcomeMessage } from "../../shared/protocol/messages";
import { LobbyMessageType, readySchema, startSchema, takeSeatSchema, type MatchListing } from "../../shared/protocol/lobbyMessages";
import { chatSchema, decideSpeed, MatchMessageType, voteSpeedSchema, type ChatLine } from "../../shared/protocol/matchMessages";
import { TICK_RATE } from "../../shared/rules/clock";
import { applyOrder } from "../../shared/rules/applyOrder";
import { createMatch, type Match } from "../../shared/rules/match";
import { playTick } from "../../shared/rules/playTick";
import type { MatchState } from "../../shared/state/MatchState";
import { resumeMatch, type SeatControl } from "../../shared/rules/replay";
import type { Scenario } from "../../shared/scenario/scenarioSchema";
import type { ScenarioLibrary } from "../scenarioLibrary";
import { savedMatchStart, type MatchStore } from "../store/matchStore";
import { CloseCodes } from "../../shared/protocol/closeCodes";
import { LIMITS } from "../../shared/protocol/limits";
import type { AddressLimits } from "../http/addressLimits";
import { log, type Logger } from "../log";
import { FogOfWar } from "./fogOfWar";
import { ChatRate } from "./chatRate";
import { CREATE_REFUSED_STATUS, inviteCode, JOIN_REFUSED_CODE, parseJoinOptions } from "./matchAdmission";
import { MatchRecorder } from "./matchRecorder";
import { handleRoomException, printable } from "./roomFaults";

/** How long a dropped player's seat waits for them before the AI takes it over. */
export const RECONNECT_SECONDS = 60;
/** Seconds between snapshots: a crash loses at most this much play. */
export const SNAPSHOT_SECONDS = 5;

/** What every match room of a server shares; given by the server, never by a client. */
export interface MatchServices {
  library: ScenarioLibrary;
  store: MatchStore | null;
  /** A secret that only the server knows: resuming a saved match needs it, so no client can ask for one. */
  resumeKey: string;
  /** How long a dropped player's seat waits for them (RECONNECT_SECONDS; tests shorten it). */
  reconnectSeconds: number;
  /** Per-address accounting: a match says which address opened it, for the matches-per-address limit. */
  addressLimits: AddressLimits;
}

/** What onAuth learns of a connecting client; Colyseus keeps it as `client.auth`. */
interface ClientAuth {
  /** The client's address as the server's request guard pinned it (never a header the client wrote). */
  address: string;
}


/** Options the server itself uses to bring a saved match back after a restart. */
interface ResumeOptions {
  resume: string;
  resumeKey: string;
}

/**
 * A running game. Thin by design: check the message, find the sender's seat, call the shared rule,
 * log what was accepted. Subclassed per server with its services (see createMatchRoom), so room
 * options sent by a client can never replace them.
 */
export abstract class MatchRoom extends Room<{ state: MatchState }> {
  protected abstract readonly services: MatchServices;
  maxMessagesPerSecond = LIMITS.messagesPerSecond;
  private match!: Match;
  private aiSettings!: AiSettings;
  private readonly fog = new FogOfWar();
  /** sessionId → seat id (or "spectator"); connection bookkeeping, not game state. */
  private readonly seatOf = new Map<string, string>();
  /** sessionId → what it was told on joining, to tell it again when it reconnects. */
  private readonly welcomeOf = new Map<string, WelcomeMessage>();
  private readonly nameOf = new Map<string, string>();
  private recorder!: MatchRecorder;
  /** The session that may start a lobby match: its creator, or the longest-present player after it leaves. Never sent to clients. */
  private hostSession: string | undefined;
  private readonly chatRate = new ChatRate();
  /** Sessions whose open connection is being replaced by a reconnection with their own token (see checkReconnectionToken). */
  private readonly takenOver = new Set<string>();
  /** The address that opened this match, counted against its matches-per-address limit until the match ends. */
  private openerAddress: string | undefined;
  private resumed = false;
  private faulted = false;
  private log: Logger = log.child({ roomName: "match" });

  async onCreate(options: unknown): Promise<void> {
    const resume = options as Partial<ResumeOptions> | undefined;
    const scenario =
      typeof resume?.resume === "string" && resume.resumeKey === this.services.resumeKey ? await this.resume(resume.resume) : await this.start(options);
    this.maxClients = scenario.seats.length + 8;
    this.setPatchRate(1000 / TICK_RATE);
    this.setFixedTimestep(() => this.tick(), TICK_RATE);
    this.onMessage(MessageType.order, (client, payload) => this.receiveOrder(client, payload));
    this.onMessage(LobbyMessageType.takeSeat, (client, payload) => this.takeSeat(client, payload));
    this.onMessage(LobbyMessageType.ready, (client, payload) => this.setReady(client, payload));
    this.onMessage(LobbyMessageType.start, (client, payload) => this.startFromLobby(client, payload));
    this.onMessage(MatchMessageType.chat, (client, payload) => this.relayChat(client, payload));
    this.onMessage(MatchMessageType.voteSpeed, (client, payload) => this.voteSpeed(client, payload));
    // The type reaches this handler as the client sent it, and a message typed "*" puts its payload here: untrusted.
    this.onMessage("*", (client, type) => this.refuse(client, ErrorCode.UnknownMessage, `the server does not accept "${printable(type)}" messages`));
    this.clock.setInterval(() => void this.recorder.snapshot(this.state), SNAPSHOT_SECONDS * 1000);
  }

  /** Every hook's exception lands here (Colyseus wraps handlers, lifecycle hooks, timers and the timestep). */
  onUncaughtException(error: RoomException, method: RoomMethodName): void {
    handleRoomException(error, method, { log: this.log, closeRoom: (reason) => void this.closeAfterFault(reason) });
  }

  /**
   * The tick failed, so the state can no longer be trusted: keep the last good snapshot and the order
   * log as they are (every accepted order is in it; a restart resumes from them), tell the players,
   * and close this room alone.
   */
  private async closeAfterFault(reason: string): Promise<void> {
    if (this.faulted) return;
    this.faulted = true;
    this.setTimestep();
    await this.recorder.flush();
    for (const client of this.clients) this.refuse(client, ErrorCode.ServerFault, "the match failed on the server and was closed; it was saved up to its last snapshot and resumes after a restart");
    this.log.error({ reason }, "the match was closed after a fault");
    await this.disconnect(CloseCodes.roomFault);
  }

  /** The address the request guard pinned on the connection, kept as `client.auth`. */
  onAuth(_client: Client, _options: unknown, context: AuthContext): ClientAuth {
    return { address: context.ip ?? "unknown" };
  }

  /** A new match from a client's create request: started at once, or waiting in a lobby, public or private. */
  private async start(options: unknown): Promise<Scenario> {
    const { scenario: scenarioId, difficulty, lobby, private: isPrivate } = parseJoinOptions(options, CREATE_REFUSED_STATUS);
    const scenario = this.services.library.get(scenarioId);
    if (!scenario) throw new ServerError(CREATE_REFUSED_STATUS, `no scenario has the id "${scenarioId}"`);
    const seed = randomInt(2 ** 31);
    this.match = createMatch(scenario, seed);
    this.state = this.match.state;
    if (lobby) this.state.phase = "lobby";
    if (isPrivate) {
      this.roomId = inviteCode();
      await this.setPrivate(true);
    }
    this.log = log.child({ roomName: "match", room: this.roomId });
    // The AI in free seats plays at the chosen level.
    this.aiSettings = { occupier: difficulty, maquis: difficulty };
    this.recorder = new MatchRecorder(this.services.store, this.roomId, this.log);
    void this.updateListing();
    void this.recorder.created(scenario, seed, difficulty, isPrivate, this.state);
    return scenario;
  }

  /** A saved match after a restart: its last snapshot, then the orders logged since, through the same rules. */
  private async resume(matchId: string): Promise<Scenario> {
    const saved = await this.services.store?.loadMatch(matchId);
    if (!saved) throw new ServerError(CREATE_REFUSED_STATUS, `no saved match "${matchId}"`);
    const scenario = this.services.library.get(saved.match.scenario_id);
    if (!scenario) throw new ServerError(CREATE_REFUSED_STATUS, `match "${matchId}" needs scenario "${saved.match.scenario_id}", which is not available`);
    const difficulty = joinOptionsSchema.shape.difficulty.parse(saved.match.difficulty);
    this.aiSettings = { occupier: difficulty, maquis: difficulty };
    const resumed = resumeMatch(scenario, savedMatchStart(saved), this.aiSettings, saved.orders);
    this.match = resumed.match;
    this.state = this.match.state;
    // Nobody is connected yet: every seat waits, played by the AI, for its player to come back.
    this.state.seats.forEach((seat) => (seat.occupied = false));
    this.roomId = matchId;
    this.log = log.child({ roomName: "match", room: matchId });
    this.resumed = true;
    // A private match stays private: still joined by its code only.
    if (saved.match.private) await this.setPrivate(true);
    this.recorder = new MatchRecorder(this.services.store, matchId, this.log, saved.orderLogBytes);
    void this.updateListing();
    for (const seat of resumed.humanSeats) this.recorder.logged(this.state.tick, seat, { kind: "seatControl", human: false } satisfies SeatControl);
    return scenario;
  }

  onJoin(client: Client, options: unknown): void {
    const { seat: requested, watch, name } = parseJoinOptions(options, JOIN_REFUSED_CODE);
    // Without a seat asked for: the first free Maquis cell, else a place among the spectators.
    const seatId = requested ?? this.firstFreeCell() ?? SPECTATOR_SEAT;
    let side: WelcomeMessage["side"] = "spectator";
    if (seatId !== SPECTATOR_SEAT) {
      const seat = this.state.seats.get(seatId);
      if (!seat) throw new ServerError(JOIN_REFUSED_CODE, `this scenario has no seat "${seatId}"`);
      if (seat.occupied) throw new ServerError(JOIN_REFUSED_CODE, `seat "${seatId}" is already taken`);
      seat.occupied = true;
      seat.playerName = name;
      seat.ready = false;
      side = seat.side as WelcomeMessage["side"];
      this.recorder.logged(this.state.tick, seatId, { kind: "seatControl", human: true } satisfies SeatControl);
    }
    this.seatOf.set(client.sessionId, seatId);
    this.nameOf.set(client.sessionId, name);
    const address = (client.auth as ClientAuth | undefined)?.address ?? "unknown";
    if (this.openerAddress === undefined && !this.resumed) {
      this.openerAddress = address;
      this.services.addressLimits.matchOpened(address, this.roomId);
    }
    this.log.info({ client: client.sessionId, address, seat: seatId }, "joined");
    this.fog.attach(client, side === "spectator" ? { side: watch, seat: "" } : { side, seat: seatId });
    this.fog.update(this.state, this.match.ctx);
    this.welcomeOf.set(client.sessionId, { seat: seatId, side, watching: side === "spectator" ? watch : side, host: false });
    if (this.hostSession === undefined) this.setHost(client.sessionId);
    else this.sendWelcome(client);
    void this.updateListing();
  }

  private sendWelcome(client: Client): void {
    const welcome = this.welcomeOf.get(client.sessionId);
    if (welcome) client.send(MessageType.welcome, { ...welcome, host: client.sessionId === this.hostSession } satisfies WelcomeMessage);
  }

  /**
   * A dropped connection keeps its seat for RECONNECT_SECONDS; the player comes back with the whole
   * state. A client the server threw out (flooding, garbage) gets no such grace.
   */
  onDrop(client: Client, code?: number): void {
    const takenOver = this.takenOver.delete(client.sessionId);
    if (code === CloseCode.WITH_ERROR && !takenOver) return;
    const seat = this.state.seats.get(this.seatOf.get(client.sessionId) ?? "");
    if (seat) seat.connected = false;
    // The promise fails when the window runs out or the room closes first; Colyseus then calls onLeave.
    this.allowReconnection(client, this.services.reconnectSeconds).catch(() => undefined);
  }

  /**
   * A token whose connection still looks open here means that connection went stale before the server
   * noticed (a network change): Colyseus closes it with WITH_ERROR and hands the seat to the new one, so
   * that close is a drop with the usual grace, not a client thrown out (which would free the seat).
   */
  checkReconnectionToken(reconnectionToken: string): string {
    const stale = this.clients.find((client) => client.reconnectionToken === reconnectionToken);
    if (stale) this.takenOver.add(stale.sessionId);
    return super.checkReconnectionToken(reconnectionToken);
  }

  /** A player back within the window: same seat, same view; tell the client who it is again. */
  onReconnect(client: Client): void {
    this.sendWelcome(client);
    const seat = this.state.seats.get(this.seatOf.get(client.sessionId) ?? "");
    if (seat) seat.connected = true;
  }

  /** A consented leave, or a reconnection window that ran out: the seat goes to the AI until someone takes it. */
  onLeave(client: Client): void {
    this.fog.detach(client);
    const seatId = this.seatOf.get(client.sessionId);
    this.seatOf.delete(client.sessionId);
    this.welcomeOf.delete(client.sessionId);
    this.chatRate.forget(client.sessionId);
    this.takenOver.delete(client.sessionId);
    const seat = seatId === undefined ? undefined : this.state.seats.get(seatId);
    if (seat?.occupied) this.freeSeat(seat.id);
    this.nameOf.delete(client.sessionId);
    if (this.hostSession === client.sessionId) {
      // The host role passes to whoever has been here longest.
      this.setHost(this.clients.find((other) => other.sessionId !== client.sessionId)?.sessionId);
    }
    void this.updateListing();
  }

  /** The match is saved when the room closes: its result if it ended, otherwise a snapshot to resume from. */
  async onDispose(): Promise<void> {
    // A create that was refused leaves nothing to save.
    if (!this.recorder) return;
    this.releaseOpener();
    // After a fault the state is not trusted: the last good snapshot stays, and the log holds the rest.
    if (this.state.phase === "playing" && !this.faulted) await this.recorder.snapshot(this.state);
    await this.recorder.flush();
  }

  /** The match no longer counts against the address that opened it. */
  private releaseOpener(): void {
    if (this.openerAddress !== undefined) this.services.addressLimits.matchClosed(this.openerAddress, this.roomId);
  }

  private tick(): void {
    if (this.state.phase === "lobby") {
      this.fog.update(this.state, this.match.ctx);
      return;
    }
    const freeSeats = [...this.state.seats.values()].filter((seat) => !seat.occupied).map((seat) => seat.id);
    // The voted speed runs several steps per server tick (or none while paused); orders still land between ticks.
    for (let i = 0; i < this.state.speed && this.state.phase === "playing"; i++) {
      playTick(this.match, freeSeats, this.aiSettings);
    }
    this.fog.update(this.state, this.match.ctx);
    if (this.state.phase !== "playing") {
      this.releaseOpener();
      void this.recorder.finish(this.state);
    }
  }

  /** The host is told so in its welcome; other clients see only the host's name. */
  private setHost(sessionId: string | undefined): void {
    const previous = this.clients.find((client) => client.sessionId === this.hostSession);
    this.hostSession = sessionId;
    this.state.hostName = sessionId ? (this.nameOf.get(sessionId) ?? "") : "";
    if (previous) this.sendWelcome(previous);
    const next = this.clients.find((client) => client.sessionId === sessionId);
    if (next) this.sendWelcome(next);
  }

  /** Chat goes to one's own side or to all; spectators talk only among themselves, so nothing they see reaches the players. */
  private relayChat(client: Client, payload: unknown): void {
    const parsed = chatSchema.safeParse(payload);
    if (!parsed.success) return this.refuse(client, ErrorCode.InvalidMessage, `chat: needs { to: "side" | "all", text } with 1 to ${LIMITS.chatCharacters} characters`);
    const sender = this.welcomeOf.get(client.sessionId);
    if (!sender) return;
    if (!this.chatRate.admit(client.sessionId))
      return this.refuse(client, ErrorCode.TooFast, `chat: at most ${LIMITS.chatLinesPerWindow} lines every ${LIMITS.chatWindowSeconds} seconds; wait a moment`);
    const spectator = sender.side === "spectator";
    const line: ChatLine = { from: this.nameOf.get(client.sessionId) ?? "Player", side: sender.side, to: spectator ? "spectators" : parsed.data.to, text: parsed.data.text };
    for (const other of this.clients) {
      const side = this.welcomeOf.get(other.sessionId)?.side;
      const hears = spectator ? side === "spectator" : line.to === "all" || side === sender.side;
      if (hears) other.send(MatchMessageType.chat, line);
    }
  }

  private voteSpeed(client: Client, payload: unknown): void {
    const parsed = voteSpeedSchema.safeParse(payload);
    if (!parsed.success) return this.refuse(client, ErrorCode.InvalidMessage, "voteSpeed: speed must be 0, 1, 2 or 4");
    const seat = this.state.seats.get(this.seatOf.get(client.sessionId) ?? "");
    if (!seat) return this.refuse(client, ErrorCode.SpectatorCannotOrder, "spectators do not vote on the speed");
    seat.speedVote = parsed.data.speed;
    this.recountSpeed();
  }

  private recountSpeed(): void {
    const seats = [...this.state.seats.values()].filter((seat) => seat.occupied && seat.speedVote >= 0);
    const hostSeat = this.state.seats.get(this.hostSession ? (this.seatOf.get(this.hostSession) ?? "") : "");
    const hostVote = hostSeat && hostSeat.speedVote >= 0 ? hostSeat.speedVote : undefined;
    this.state.speed = decideSpeed(seats.map((seat) => seat.speedVote), hostVote);
  }

  private freeSeat(seatId: string): void {
    const seat = this.state.seats.get(seatId)!;
    seat.occupied = false;
    seat.playerName = "";
    seat.ready = false;
    seat.connected = true;
    seat.speedVote = -1;
    this.recountSpeed();
    this.recorder.logged(this.state.tick, seatId, { kind: "seatControl", human: false } satisfies SeatControl);
  }

  /** In the lobby: move to another free seat (or to the spectators). */
  private takeSeat(client: Client, payload: unknown): void {
    const parsed = takeSeatSchema.safeParse(payload);
    if (!parsed.success) return this.refuse(client, ErrorCode.InvalidMessage, "takeSeat: needs { seat }");
    if (this.state.phase !== "lobby") return this.refuse(client, ErrorCode.NotInLobby, "seats can only change before the match starts");
    const wanted = parsed.data.seat;
    const target = this.state.seats.get(wanted);
    if (wanted !== SPECTATOR_SEAT && !target) return this.refuse(client, ErrorCode.InvalidMessage, `this scenario has no seat "${wanted}"`);
    if (target?.occupied) return this.refuse(client, ErrorCode.SeatTaken, `seat "${wanted}" is already taken`);
    const current = this.seatOf.get(client.sessionId);
    if (current && current !== SPECTATOR_SEAT) this.freeSeat(current);
    const name = this.nameOf.get(client.sessionId) ?? "Player";
    if (target) {
      target.occupied = true;
      target.playerName = name;
      this.recorder.logged(this.state.tick, wanted, { kind: "seatControl", human: true } satisfies SeatControl);
    }
    this.seatOf.set(client.sessionId, wanted);
    const side = (target?.side ?? "spectator") as WelcomeMessage["side"];
    const welcome: WelcomeMessage = { seat: wanted, side, watching: side === "spectator" ? (this.welcomeOf.get(client.sessionId)?.watching ?? "maquis") : side, host: false };
    this.welcomeOf.set(client.sessionId, welcome);
    this.fog.detach(client);
    this.fog.attach(client, side === "spectator" ? { side: welcome.watching, seat: "" } : { side, seat: wanted });
    this.sendWelcome(client);
    void this.updateListing();
  }

  private setReady(client: Client, payload: unknown): void {
    const parsed = readySchema.safeParse(payload);
    if (!parsed.success) return this.refuse(client, ErrorCode.InvalidMessage, "ready: needs { ready: true | false }");
    if (this.state.phase !== "lobby") return this.refuse(client, ErrorCode.NotInLobby, "the match has already started");
    const seat = this.state.seats.get(this.seatOf.get(client.sessionId) ?? "");
    if (!seat) return this.refuse(client, ErrorCode.SpectatorCannotOrder, "spectators have nothing to get ready");
    seat.ready = parsed.data.ready;
  }

  /** The host starts the match once every taken seat is ready; the AI takes the empty ones. */
  private startFromLobby(client: Client, payload: unknown): void {
    if (!startSchema.safeParse(payload ?? {}).success) return this.refuse(client, ErrorCode.InvalidMessage, "start: takes no fields");
    if (this.state.phase !== "lobby") return this.refuse(client, ErrorCode.NotInLobby, "the match has already started");
    if (client.sessionId !== this.hostSession) return this.refuse(client, ErrorCode.NotHost, "only the host can start the match");
    // Pressing Start is the host's own "ready"; a solo player has no one else to wait for.
    const hostSeat = this.seatOf.get(client.sessionId);
    const waiting = [...this.state.seats.values()].filter((seat) => seat.occupied && !seat.ready && seat.id !== hostSeat).map((seat) => seat.name);
    if (waiting.length > 0) return this.refuse(client, ErrorCode.NotReady, `waiting for: ${waiting.join(", ")}`);
    this.state.phase = "playing";
    void this.updateListing();
  }

  private async updateListing(): Promise<void> {
    const listing: MatchListing = {
      scenario: this.state.scenarioId,
      title: this.state.title,
      phase: this.state.phase,
      host: this.state.hostName,
      freeSeats: [...this.state.seats.values()].filter((seat) => !seat.occupied).map((seat) => seat.id),
    };
    await this.setMetadata(listing);
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
    const seat = this.seatOf.get(client.sessionId) ?? SPECTATOR_SEAT;
    // Refused before it is applied: an order that cannot be logged could not be resumed or replayed.
    if (!this.recorder.hasRoomFor(parsed.data))
      return this.refuse(client, ErrorCode.MatchLogFull, `this match has logged ${LIMITS.orderLogBytesPerMatch} bytes of orders, its limit; it plays on without more orders`);
    const result = applyOrder(this.state, seat, parsed.data, this.match.ctx);
    if (result.ok) this.recorder.logged(this.state.tick, seat, parsed.data);
    else this.refuse(client, result.code, result.message);
  }

  private refuse(client: Client, code: ErrorCode, message: string): void {
    client.send(MessageType.error, { code, message } satisfies ErrorMessage);
  }
}

export function createMatchRoom(services: MatchServices) {
  return class extends MatchRoom {
    protected readonly services = services;
  };
}
