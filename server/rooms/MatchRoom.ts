import { randomInt } from "node:crypto";
import { CloseCode, matchMaker, Room, ServerError, type AuthContext, type Client, type RoomException, type RoomMethodName } from "@colyseus/core";
import { ErrorCode } from "../../shared/protocol/errorCodes";
import type { AiSettings } from "../../shared/ai/aiPlayers";
import { joinOptionsSchema, SPECTATOR_SEAT } from "../../shared/protocol/joinOptions";
import { MessageType, orderSchema, type ErrorMessage, type WelcomeMessage } from "../../shared/protocol/messages";
import { LobbyMessageType, readySchema, startSchema, takeSeatSchema, type MatchListing } from "../../shared/protocol/lobbyMessages";
import {
  CHAT_HISTORY_LINES,
  chatSchema,
  hearsChat,
  MatchMessageType,
  SPEEDS,
  speedAfterVote,
  voteSpeedSchema,
  type ChatHistoryMessage,
  type ChatLine,
} from "../../shared/protocol/matchMessages";
import { dayOf, TICK_RATE } from "../../shared/rules/clock";
import { applyOrder } from "../../shared/rules/applyOrder";
import { createMatch, type Match } from "../../shared/rules/match";
import { playTick } from "../../shared/rules/playTick";
import type { MatchState, Seat } from "../../shared/state/MatchState";
import { resumeMatch, type SeatControl } from "../../shared/rules/replay";
import type { Scenario } from "../../shared/scenario/scenarioSchema";
import type { ScenarioCatalogue } from "../scenarioCatalogue";
import { savedMatchStart, type MatchStore, type SavedMatch } from "../store/matchStore";
import { CloseCodes } from "../../shared/protocol/closeCodes";
import { LIMITS } from "../../shared/protocol/limits";
import type { AddressLimits } from "../http/addressLimits";
import { describeError, log, type Logger } from "../log";
import { FogOfWar } from "./fogOfWar";
import { ChatRate } from "./chatRate";
import { CREATE_REFUSED_STATUS, inviteCode, JOIN_REFUSED_CODE, MATCH_RUNNING_STATUS, parseJoinOptions } from "./matchAdmission";
import type { LeaseKeeper } from "../cluster/leaseKeeper";
import { playToFork, type ForkPoint } from "./matchFork";
import { MatchRecorder } from "./matchRecorder";
import { handleRoomException, printable } from "./roomFaults";

/** A create refused because the store cannot be reached: the client may try again shortly. */
const STORE_UNAVAILABLE_STATUS = 503;

/** How long a dropped player's seat waits for them before the AI takes it over. */
export const RECONNECT_SECONDS = 60;
/** Seconds between snapshots: a crash loses at most this much play. */
export const SNAPSHOT_SECONDS = 5;
/**
 * How long a match may go with nobody connected before it is set aside: saved, closed, left out of the
 * list and of the matches a restart brings back, until one of its players continues it. (A match whose
 * last person leaves on purpose is set aside at once.) Its clock stands still while nobody is connected.
 */
export const IDLE_SET_ASIDE_SECONDS = 10 * 60;

/** Ids of the matches this process has brought back from the store and still runs: a match is never run twice. */
const runningFromStore = new Set<string>();

/** What every match room of a server shares; given by the server, never by a client. */
export interface MatchServices {
  /** Bundled, playtest and published scenarios (server/scenarioCatalogue.ts). */
  scenarios: ScenarioCatalogue;
  store: MatchStore | null;
  /** A secret that only the server knows: resuming a saved match needs it, so no client can ask for one. */
  resumeKey: string;
  /** How long a dropped player's seat waits for them (RECONNECT_SECONDS; tests shorten it). */
  reconnectSeconds: number;
  /** How long a match may go with nobody connected before it is set aside (IDLE_SET_ASIDE_SECONDS; tests shorten it). */
  idleSetAsideSeconds: number;
  /** Per-address accounting: a match says which address opened it, for the matches-per-address limit. */
  addressLimits: AddressLimits;
  /** The leases of the matches this process runs: no match runs on two processes at once. */
  leases: LeaseKeeper;
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
  /** Created private (a match of one's own, or joined by code only): never listed. */
  private isPrivate = false;
  /** Sessions connected now, players and spectators; a dropped one waiting to reconnect is not. */
  private readonly connected = new Set<string>();
  /** sessionId → the player id it joined with (never sent to anyone). */
  private readonly playerOf = new Map<string, string>();
  /** seat id → the player id of whoever holds it or last held it: they may come back to it and continue the match. */
  private readonly playerOfSeat = new Map<string, string>();
  /** The newest chat lines (CHAT_HISTORY_LINES), for players who reload or come back. */
  private chatLines: ChatLine[] = [];
  /** Runs while nobody is connected; when it fires the match is set aside. */
  private idleTimer: { clear(): void } | undefined;
  /** The match is being set aside (saved and closed because nobody plays it). */
  private settingAside = false;
  /** The room is being closed from outside (server shutdown, a test): a leave then is not a player walking away. */
  private closing = false;
  /** The day the public listing shows; it is updated when the match reaches the next. */
  private listedDay = 0;
  /** The saved match this room brought back from the store (runningFromStore), if it did. */
  private fromStore: string | undefined;
  /** The match whose lease this room holds (its id), once claimed. */
  private leased: string | undefined;
  /** Another process took the match over (this one stalled or lost the store too long): it stops here, unsaved. */
  private leaseLost = false;
  private log: Logger = log.child({ roomName: "match" });

  async onCreate(options: unknown): Promise<void> {
    const resume = options as Partial<ResumeOptions> | undefined;
    let scenario: Scenario;
    try {
      if (typeof resume?.resume === "string" && resume.resumeKey === this.services.resumeKey) {
        scenario = await this.resume(await this.claim(resume.resume));
        this.resumed = true;
      } else {
        const parsed = parseJoinOptions(options, CREATE_REFUSED_STATUS);
        if (parsed.continue !== undefined && parsed.from !== undefined)
          throw new ServerError(CREATE_REFUSED_STATUS, "join options: a new match either continues one set aside or plays on from a replay, not both");
        scenario =
          parsed.continue !== undefined
            ? await this.continueSetAside(parsed.continue, parsed.player)
            : parsed.from !== undefined
              ? await this.fork(parsed.from)
              : await this.start(parsed);
      }
    } catch (error) {
      // A refused create leaves no room behind (and no onDispose): give back the match it claimed.
      if (this.fromStore !== undefined) runningFromStore.delete(this.fromStore);
      if (this.leased !== undefined) void this.services.leases.release(this.leased);
      throw error;
    }
    // A match brought back from the store has nobody in it yet: it waits for its players, then is set aside again.
    if (this.fromStore !== undefined) {
      this.autoDispose = false;
      this.noteConnections();
    }
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
    // Each room saves at its own phase: rooms created together (all those resumed after a restart) would otherwise snapshot in the same instant and stall the loop.
    this.clock.setTimeout(() => {
      void this.recorder.snapshot(this.state);
      this.clock.setInterval(() => void this.recorder.snapshot(this.state), SNAPSHOT_SECONDS * 1000);
    }, Math.random() * SNAPSHOT_SECONDS * 1000);
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
  private async start(options: ReturnType<typeof parseJoinOptions>): Promise<Scenario> {
    const { scenario: scenarioId, difficulty, lobby, private: isPrivate } = options;
    const scenario = await this.services.scenarios.current(scenarioId);
    if (!scenario) throw new ServerError(CREATE_REFUSED_STATUS, `no scenario has the id "${scenarioId}"`);
    const seed = randomInt(2 ** 31);
    this.match = createMatch(scenario, seed);
    this.state = this.match.state;
    if (lobby) this.state.phase = "lobby";
    this.isPrivate = isPrivate;
    if (isPrivate) this.roomId = await inviteCode();
    this.log = log.child({ roomName: "match", room: this.roomId });
    await this.holdLease(this.roomId);
    // The AI in free seats plays at the chosen level.
    this.aiSettings = { occupier: difficulty, maquis: difficulty };
    this.recorder = this.newRecorder(this.roomId);
    void this.updateListing();
    void this.recorder.created(scenario, seed, difficulty, isPrivate, this.state);
    return scenario;
  }

  /**
   * A match that was set aside, brought back by one of its players (their player id held a seat in it).
   * Refused alike whether the match does not exist, is over, or the player held no seat in it.
   */
  private async continueSetAside(matchId: string, player: string | undefined): Promise<Scenario> {
    const refusal = `you have no unfinished match "${matchId}" to continue`;
    if (player === undefined) throw new ServerError(CREATE_REFUSED_STATUS, "continuing a match needs your player id");
    await this.claim(matchId);
    const store = this.services.store;
    const saved = await store?.loadMatch(matchId);
    if (!store || !saved || saved.match.status === "finished" || !Object.values(await store.seatPlayers(matchId)).includes(player))
      throw new ServerError(CREATE_REFUSED_STATUS, refusal);
    const scenario = await this.resume(matchId, saved);
    await this.recorder.continued();
    this.log.info("continued by one of its players");
    return scenario;
  }

  /** A saved match after a restart (or continued): its last snapshot, then the orders logged since, through the same rules. */
  private async resume(matchId: string, loaded?: SavedMatch): Promise<Scenario> {
    const saved = loaded ?? (await this.services.store?.loadMatch(matchId));
    if (!saved) throw new ServerError(CREATE_REFUSED_STATUS, `no saved match "${matchId}"`);
    const scenario = await this.services.scenarios.recorded(saved.match.scenario_id, saved.match.scenario_version);
    if (!scenario) throw new ServerError(CREATE_REFUSED_STATUS, `match "${matchId}" needs scenario "${saved.match.scenario_id}", which is not available`);
    const difficulty = joinOptionsSchema.shape.difficulty.parse(saved.match.difficulty);
    this.aiSettings = { occupier: difficulty, maquis: difficulty };
    const resumed = resumeMatch(scenario, savedMatchStart(saved), this.aiSettings, saved.orders);
    this.match = resumed.match;
    this.state = this.match.state;
    // Nobody is connected yet: every seat waits, played by the AI, for its player to come back.
    this.emptySeats();
    this.recountSpeed();
    this.roomId = matchId;
    this.log = log.child({ roomName: "match", room: matchId });
    // A private match stays private: still joined by its code only.
    this.isPrivate = Boolean(saved.match.private);
    this.recorder = this.newRecorder(matchId, saved.orderLogBytes);
    for (const [seat, player] of Object.entries((await this.services.store?.seatPlayers(matchId)) ?? {})) this.playerOfSeat.set(seat, player);
    this.chatLines = (await this.services.store?.chatLines(matchId, CHAT_HISTORY_LINES)) ?? [];
    void this.updateListing();
    for (const seat of resumed.humanSeats) this.recorder.logged(this.state.tick, seat, { kind: "seatControl", human: false } satisfies SeatControl);
    return scenario;
  }

  /**
   * A new private match from a moment of a finished match's replay (options.from): the recorded match
   * re-run from its seed and log to that moment, then waiting paused for its Start like a match of one's
   * own. Its record starts with the same seed and the log up to there, and says every seat a person held
   * then went to the AI: so it resumes after a restart, and replays from the start, exactly.
   */
  private async fork(from: ForkPoint): Promise<Scenario> {
    const fork = await playToFork(this.services, from);
    this.match = fork.match;
    this.state = this.match.state;
    this.emptySeats();
    this.state.speed = 1;
    this.state.phase = "lobby";
    this.isPrivate = true;
    this.roomId = await inviteCode();
    this.log = log.child({ roomName: "match", room: this.roomId, from: from.match });
    await this.holdLease(this.roomId);
    this.aiSettings = { occupier: fork.difficulty, maquis: fork.difficulty };
    this.recorder = this.newRecorder(this.roomId);
    void this.recorder.created(fork.scenario, fork.seed, fork.difficulty, true, this.state, fork.log);
    for (const seat of fork.humanSeats) this.recorder.logged(this.state.tick, seat, { kind: "seatControl", human: false } satisfies SeatControl);
    // Saved at once: a restart before the first periodic snapshot need not re-run the whole beginning.
    void this.recorder.snapshot(this.state);
    void this.updateListing();
    this.log.info({ hour: this.state.hours }, "played on from a replay");
    return fork.scenario;
  }

  /** No person in any seat (the AI plays them all), no speed vote, no host: a match before anyone has joined it. */
  private emptySeats(): void {
    this.state.seats.forEach(vacate);
    this.state.hostName = "";
  }

  onJoin(client: Client, options: unknown): void {
    const { seat: requested, watch, name, player } = parseJoinOptions(options, JOIN_REFUSED_CODE);
    // Without a seat asked for: the seat this player held before if it is free, else the first free Maquis cell, else a place among the spectators.
    const seatId = requested ?? this.freeSeatOfPlayer(player) ?? this.firstFreeCell() ?? SPECTATOR_SEAT;
    let side: WelcomeMessage["side"] = "spectator";
    if (seatId !== SPECTATOR_SEAT) {
      const seat = this.state.seats.get(seatId);
      if (!seat) throw new ServerError(JOIN_REFUSED_CODE, `this scenario has no seat "${seatId}"`);
      if (seat.occupied) throw new ServerError(JOIN_REFUSED_CODE, `seat "${seatId}" is already taken`);
      seat.occupied = true;
      seat.playerName = name;
      seat.ready = false;
      side = seat.side as WelcomeMessage["side"];
      this.recorder.logged(this.state.tick, seatId, { kind: "seatControl", human: true, name } satisfies SeatControl);
      this.noteHolder(seatId, player);
    }
    if (player !== undefined) this.playerOf.set(client.sessionId, player);
    this.seatOf.set(client.sessionId, seatId);
    this.nameOf.set(client.sessionId, name);
    const address = (client.auth as ClientAuth | undefined)?.address ?? "unknown";
    if (this.openerAddress === undefined && !this.resumed) {
      this.openerAddress = address;
      this.services.addressLimits.matchOpened(address, this.roomId);
    }
    this.log.info({ client: client.sessionId, address, seat: seatId }, "joined");
    this.fog.attach(client, side === "spectator" ? { side: watch, seat: "" } : { side, seat: seatId });
    this.fog.update(this.state);
    this.welcomeOf.set(client.sessionId, { seat: seatId, side, watching: side === "spectator" ? watch : side, host: false });
    if (this.hostSession === undefined) this.setHost(client.sessionId);
    else this.sendWelcome(client);
    this.sendChatHistory(client);
    // From the first person in, the room outlives its last connection for a while (see IDLE_SET_ASIDE_SECONDS).
    this.autoDispose = false;
    this.connected.add(client.sessionId);
    this.noteConnections();
    void this.updateListing();
  }

  /** The lines of the match's chat this client may read, oldest first; sent on joining and on reconnecting. */
  private sendChatHistory(client: Client): void {
    const side = this.welcomeOf.get(client.sessionId)?.side;
    if (side === undefined) return;
    const lines = this.chatLines.filter((line) => hearsChat(line, side));
    if (lines.length > 0) client.send(MatchMessageType.chatHistory, { lines } satisfies ChatHistoryMessage);
  }

  /** Who holds a seat now, remembered (in the store too) so they can continue the match later. */
  private noteHolder(seatId: string, player: string | undefined): void {
    if (this.playerOfSeat.get(seatId) === player) return;
    if (player === undefined) this.playerOfSeat.delete(seatId);
    else this.playerOfSeat.set(seatId, player);
    this.recorder.seatHeld(seatId, player ?? null);
  }

  /** A free seat this player held before, to put them back in it. */
  private freeSeatOfPlayer(player: string | undefined): string | undefined {
    if (player === undefined) return undefined;
    for (const [seatId, holder] of this.playerOfSeat) if (holder === player && this.state.seats.get(seatId)?.occupied === false) return seatId;
    return undefined;
  }

  /**
   * Whether anyone is connected decides whether the match runs: with nobody there it stands still, is
   * left out of the list, and after IDLE_SET_ASIDE_SECONDS is set aside.
   */
  private noteConnections(): void {
    if (this.connected.size > 0) {
      this.idleTimer?.clear();
      this.idleTimer = undefined;
    } else if (this.idleTimer === undefined) {
      this.idleTimer = this.clock.setTimeout(() => this.closeEmpty("nobody connected for a while"), this.services.idleSetAsideSeconds * 1000);
    }
  }

  /**
   * Nobody plays the match any more: an unfinished one is saved and set aside (its players find it under
   * "Continue"), a finished one just closes.
   */
  private closeEmpty(reason: string): void {
    if (this.settingAside || this.closing || this.faulted) return;
    this.settingAside = this.state.phase !== "ended";
    this.log.info({ reason }, this.settingAside ? "set aside: nobody is playing it" : "closed: the match is over and everyone has gone");
    void this.disconnect();
  }

  /** Closing from outside (server shutdown, a test, a fault): the leaves that follow are not people walking away. */
  disconnect(closeCode?: number): Promise<any> {
    if (!this.settingAside) this.closing = true;
    return super.disconnect(closeCode);
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
    this.connected.delete(client.sessionId);
    this.noteConnections();
    void this.updateListing();
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
    // A reload comes back this way too, with an empty chat: it gets the history again (it replaces what a client shows).
    this.sendChatHistory(client);
    const seat = this.state.seats.get(this.seatOf.get(client.sessionId) ?? "");
    if (seat) seat.connected = true;
    this.connected.add(client.sessionId);
    this.noteConnections();
    void this.updateListing();
  }

  /** A consented leave, or a reconnection window that ran out: the seat goes to the AI until someone takes it. */
  onLeave(client: Client, code?: number): void {
    this.connected.delete(client.sessionId);
    this.playerOf.delete(client.sessionId);
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
    this.noteConnections();
    void this.updateListing();
    // The last person left on purpose (nobody else is here, nor on their way back): set aside now. A
    // match that is over closes once its last viewer has gone, whichever way.
    if (this.seatOf.size === 0 && (code === CloseCode.CONSENTED || this.state.phase === "ended")) this.closeEmpty("its last player left");
  }

  /** The match is saved when the room closes: its result if it ended, otherwise a snapshot to resume from. */
  async onDispose(): Promise<void> {
    // A create that was refused leaves nothing to save.
    if (!this.recorder) return;
    this.idleTimer?.clear();
    // Another process runs the match now: what it resumed from must not be written over.
    if (this.leaseLost) {
      this.releaseOpener();
      if (this.fromStore !== undefined) runningFromStore.delete(this.fromStore);
      return;
    }
    // Emptied by itself (its creator never came, say) rather than closed from outside: set aside as well.
    if (!this.closing && !this.faulted && this.state.phase !== "ended") this.settingAside = true;
    this.releaseOpener();
    // After a fault the state is not trusted: the last good snapshot stays, and the log holds the rest.
    if (this.state.phase !== "ended" && !this.faulted) await this.recorder.snapshot(this.state);
    if (this.settingAside) await this.recorder.setAside();
    await this.recorder.flush();
    if (this.fromStore !== undefined) runningFromStore.delete(this.fromStore);
    // A match that failed stays leased to this process while it lives, so no process resumes it into the same fault at once.
    if (this.leased !== undefined && !this.faulted) await this.services.leases.release(this.leased);
  }

  /**
   * Claims a saved match for this room before anything is awaited, so two requests at once (two tabs
   * continuing it, a restart's resume) can never run it twice.
   */
  private async claim(matchId: string): Promise<string> {
    if (runningFromStore.has(matchId) || matchMaker.getLocalRoomById(matchId)) throw new ServerError(MATCH_RUNNING_STATUS, `match "${matchId}" is running: join it`);
    runningFromStore.add(matchId);
    this.fromStore = matchId;
    await this.holdLease(matchId);
    return matchId;
  }

  /** The match's lease, across processes: refused while another live process runs it. */
  private async holdLease(matchId: string): Promise<void> {
    let held: boolean;
    try {
      held = await this.services.leases.claim(matchId, () => this.loseLease());
    } catch (error) {
      this.log.error({ error: describeError(error) }, "cannot reach the store to start a match");
      throw new ServerError(STORE_UNAVAILABLE_STATUS, "the game's store cannot be reached just now; try again in a moment");
    }
    if (!held) throw new ServerError(MATCH_RUNNING_STATUS, `match "${matchId}" is running on another server: join it`);
    this.leased = matchId;
  }

  private newRecorder(matchId: string, orderLogBytes = 0): MatchRecorder {
    return new MatchRecorder(this.services.store, matchId, this.log, orderLogBytes, () => this.services.leases.writable(matchId));
  }

  /**
   * Another process has taken the match over: nothing more is saved from here and the players are sent
   * off with MATCH_MOVED, so their clients find the match where it runs now and take their seats again.
   */
  private loseLease(): void {
    // A room closed by a fault keeps its lease (see onDispose) but has nothing left to stop.
    if (this.faulted) return;
    this.leaseLost = true;
    this.recorder?.stop();
    this.setTimestep();
    void this.disconnect(CloseCodes.matchMoved);
  }

  /** The match no longer counts against the address that opened it. */
  private releaseOpener(): void {
    if (this.openerAddress !== undefined) this.services.addressLimits.matchClosed(this.openerAddress, this.roomId);
  }

  private tick(): void {
    // With nobody connected the match stands still: the AI does not play on for people who are not there.
    if (this.connected.size === 0) return;
    if (this.state.phase === "lobby") {
      this.fog.update(this.state);
      return;
    }
    const freeSeats = [...this.state.seats.values()].filter((seat) => !seat.occupied).map((seat) => seat.id);
    // The voted speed runs several steps per server tick (or none while paused); orders still land between ticks.
    for (let i = 0; i < this.state.speed && this.state.phase === "playing"; i++) {
      playTick(this.match, freeSeats, this.aiSettings);
    }
    this.fog.update(this.state);
    if (this.state.phase !== "playing") {
      this.releaseOpener();
      void this.recorder.finish(this.state);
      void this.updateListing();
    } else if (dayOf(this.state.hours) !== this.listedDay) void this.updateListing();
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
    this.chatLines.push(line);
    if (this.chatLines.length > CHAT_HISTORY_LINES) this.chatLines.splice(0, this.chatLines.length - CHAT_HISTORY_LINES);
    this.recorder.chat(line);
    for (const other of this.clients) {
      const side = this.welcomeOf.get(other.sessionId)?.side;
      if (side !== undefined && hearsChat(line, side)) other.send(MatchMessageType.chat, line);
    }
  }

  /** A seated player's pause stops the match for everyone at once; running again, and how fast, is by vote (speedAfterVote). */
  private voteSpeed(client: Client, payload: unknown): void {
    const parsed = voteSpeedSchema.safeParse(payload);
    if (!parsed.success) return this.refuse(client, ErrorCode.InvalidMessage, `voteSpeed: speed must be one of ${SPEEDS.join(", ")}`);
    const seat = this.state.seats.get(this.seatOf.get(client.sessionId) ?? "");
    if (!seat) return this.refuse(client, ErrorCode.SpectatorCannotOrder, "spectators do not vote on the speed");
    seat.speedVote = parsed.data.speed;
    this.recountSpeed(parsed.data.speed);
  }

  private recountSpeed(cast?: number): void {
    const seats = [...this.state.seats.values()].filter((seat) => seat.occupied && seat.speedVote >= 0);
    const hostSeat = this.state.seats.get(this.hostSession ? (this.seatOf.get(this.hostSession) ?? "") : "");
    const hostVote = hostSeat && hostSeat.speedVote >= 0 ? hostSeat.speedVote : undefined;
    this.state.speed = speedAfterVote(this.state.speed, seats.map((seat) => seat.speedVote), hostVote, cast);
  }

  private freeSeat(seatId: string): void {
    vacate(this.state.seats.get(seatId)!);
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
      this.recorder.logged(this.state.tick, wanted, { kind: "seatControl", human: true, name } satisfies SeatControl);
      this.noteHolder(wanted, this.playerOf.get(client.sessionId));
    }
    this.seatOf.set(client.sessionId, wanted);
    const side = (target?.side ?? "spectator") as WelcomeMessage["side"];
    const welcome: WelcomeMessage = { seat: wanted, side, watching: side === "spectator" ? (this.welcomeOf.get(client.sessionId)?.watching ?? "maquis") : side, host: false };
    this.welcomeOf.set(client.sessionId, welcome);
    this.fog.detach(client);
    this.fog.attach(client, side === "spectator" ? { side: welcome.watching, seat: "" } : { side, seat: wanted });
    this.sendWelcome(client);
    this.sendChatHistory(client);
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

  /**
   * What the public list shows (and an invite link looks up): scenario, day, free seats. A private
   * match is never listed; nor is any match while nobody is connected to it.
   */
  private async updateListing(): Promise<void> {
    const listing: MatchListing = {
      scenario: this.state.scenarioId,
      title: this.state.title,
      phase: this.state.phase,
      host: this.state.hostName,
      day: dayOf(this.state.hours),
      freeSeats: [...this.state.seats.values()].filter((seat) => !seat.occupied).map(({ id, name, side }) => ({ id, name, side })),
    };
    this.listedDay = listing.day;
    await this.setPrivate(this.isPrivate || this.connected.size === 0);
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

/** A seat nobody holds: the AI plays it, and it has no name, no ready flag and no speed vote. */
function vacate(seat: Seat): void {
  seat.occupied = false;
  seat.playerName = "";
  seat.ready = false;
  seat.connected = true;
  seat.speedVote = -1;
}

export function createMatchRoom(services: MatchServices) {
  return class extends MatchRoom {
    protected readonly services = services;
  };
}
