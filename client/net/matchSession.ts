import { Callbacks } from "@colyseus/sdk";
import type { ContinueEntry } from "../../shared/protocol/lobbyMessages";
import type { ChatHistoryMessage, ChatLine, ReplayInfo } from "../../shared/protocol/matchMessages";
import type { ErrorMessage, Order, WelcomeMessage } from "../../shared/protocol/messages";
import { LobbyMessageType, MatchMessageType, MessageType, REPLAY_SPEEDS, SPEEDS } from "../../shared/protocol/protocolNames";
import type { MatchState, Ship } from "../../shared/state/MatchState";
import type { PlayRequest } from "../ui/BriefingScreen";
import type { CreateRequest, JoinByIdRequest } from "../ui/LobbyBrowser";
import {
  continueMatch,
  createLobbyMatch,
  findMovedMatch,
  createSoloMatch,
  forgetSession,
  joinMatch,
  joinMatchById,
  playFromReplay,
  rejoinSavedSession,
  watchReplay,
  type MatchRoomConnection,
  type PlayFromRequest,
} from "./connection";
import { LatestMessage } from "./latestMessage";
import { relocate, type Relocation } from "./matchRelocation";

/** How a player comes to a match: from the briefing, the lobby, an invite, a reload, the Continue list, a replay link, or a replay's "Play from here". */
export type MatchRequest =
  | PlayRequest
  | { solo: PlayRequest }
  | { rejoin: true }
  | { create: CreateRequest }
  | { joinById: JoinByIdRequest }
  | { continue: ContinueEntry; name: string }
  | { replay: string }
  | { playFrom: PlayFromRequest };

/** An invite without a seat: the player picks one of the match's free seats before connecting. */
function offersSeatsFirst(request: MatchRequest): boolean {
  return "joinById" in request && request.joinById.seat === undefined;
}

/**
 * The request with its connection started now, as `opening`, so the server sets the match up while the
 * page loads the game's canvas; as it is for an invite without a seat, which first offers the match's
 * free seats. A refusal is left for whoever shows the match to tell.
 */
export function connectingTo<T extends MatchRequest>(request: T): T & { opening?: Promise<MatchSession> } {
  if (offersSeatsFirst(request)) return request;
  const opening = openMatch(request);
  // Told by the match scene when it takes the connection over, not reported as unhandled meanwhile.
  opening.catch(() => {});
  return { ...request, opening };
}

/** Opens the connection a request asks for; rejects with a sentence when it cannot. */
export async function openMatch(request: MatchRequest): Promise<MatchSession> {
  const room =
    "rejoin" in request
      ? await rejoinSavedSession().then((room) => room ?? Promise.reject(new Error("the match you were in is over or gone")))
      : "solo" in request
        ? await createSoloMatch(request.solo)
        : "create" in request
          ? await createLobbyMatch(request.create)
          : "joinById" in request
            ? await joinMatchById(request.joinById.roomId, request.joinById.name, request.joinById.seat)
            : "continue" in request
              ? await continueMatch(request.continue, request.name)
            : "replay" in request
              ? await watchReplay(request.replay)
              : "playFrom" in request
                ? await playFromReplay(request.playFrom)
                : await joinMatch({ scenario: request.scenario, seat: request.seat, ...(request.watch ? { watch: request.watch } : {}), difficulty: request.difficulty });
  return new MatchSession(room, "replay" in request);
}

/**
 * One match as the client sees it: the intents it may send and what the server tells it. Scenes and
 * panels talk to the server only through this.
 */
export class MatchSession {
  /** The chat lines the server last sent as this connection's history (on joining, and again on reconnecting). */
  private readonly history = new LatestMessage<ChatLine[]>();
  private readonly replayInfo = new LatestMessage<ReplayInfo>();
  /** Who this connection is in the match (sent on joining, and again when it changes). */
  private readonly welcome = new LatestMessage<WelcomeMessage>();
  private stateSeen = false;

  constructor(
    private readonly room: MatchRoomConnection,
    /** A replay: nothing to order, and any viewer sets the speed. */
    readonly isReplay: boolean,
  ) {
    // Kept from the start, so a listener added late (a scene attaching to a connection made before it) still gets what already came.
    room.onMessage(MatchMessageType.chatHistory, (message: ChatHistoryMessage) => this.history.receive(message.lines));
    room.onMessage(MatchMessageType.replayInfo, (info: ReplayInfo) => this.replayInfo.receive(info));
    room.onMessage(MessageType.welcome, (welcome: WelcomeMessage) => this.welcome.receive(welcome));
    room.onStateChange.once(() => (this.stateSeen = true));
  }

  /** The speeds this viewer may pick: a replay goes up to 16×, a live match to 8×. */
  get speeds(): readonly number[] {
    return this.isReplay ? REPLAY_SPEEDS : SPEEDS;
  }

  get state(): MatchState {
    return this.room.state;
  }

  get roomId(): string {
    return this.room.roomId;
  }

  order(order: Order): void {
    this.room.send(MessageType.order, order);
  }

  voteSpeed(speed: number): void {
    this.room.send(MatchMessageType.voteSpeed, { speed });
  }

  chat(to: string, text: string): void {
    this.room.send(MatchMessageType.chat, { to, text });
  }

  /** Replays only: play on from this hour of the match (game hours from its start). */
  seek(hour: number): void {
    this.room.send(MatchMessageType.seek, { hour: Math.max(0, hour) });
  }

  takeSeat(seat: string): void {
    this.room.send(LobbyMessageType.takeSeat, { seat });
  }

  ready(ready: boolean): void {
    this.room.send(LobbyMessageType.ready, { ready });
  }

  start(): void {
    this.room.send(LobbyMessageType.start, {});
  }

  /** Leaves for good: a reload after this does not come back to the seat. */
  leaveForGood(): void {
    forgetSession();
    void this.room.leave();
  }

  /**
   * Looks for this match where it runs now, for the seat this connection held, after the server it ran
   * on stopped (see matchRelocation.ts). Null for a replay, or before the server said which seat this is.
   */
  relocate(): Relocation<MatchSession> | null {
    const welcome = this.welcome.latest;
    if (this.isReplay || !welcome) return null;
    const name = this.room.state.seats?.get(welcome.seat)?.playerName || "Player";
    return relocate(
      async () => new MatchSession(await findMovedMatch(this.room.roomId, welcome.seat, name), false),
      (found) => found.disconnect(),
    );
  }

  /** This connection is given up for one found elsewhere: Colyseus stops trying to reconnect it. */
  abandon(): void {
    this.room.reconnection.enabled = false;
    this.room.reconnection.maxRetries = 0;
    void this.room.leave().catch(() => undefined);
  }

  /** Leaves the connection only (the scene is closing); the saved seat stays for a reload. */
  disconnect(): void {
    void this.room.leave();
  }

  onWelcome(listener: (welcome: WelcomeMessage) => void): void {
    this.welcome.listen(listener);
  }

  onRefusal(listener: (error: ErrorMessage) => void): void {
    this.room.onMessage(MessageType.error, listener);
  }

  onChat(listener: (line: ChatLine) => void): void {
    this.room.onMessage(MatchMessageType.chat, listener);
  }

  /**
   * The chat lines this connection may read, oldest first: sent on joining and again on reconnecting
   * (a reload), so they replace what the chat shows rather than add to it.
   */
  onChatHistory(listener: (lines: ChatLine[]) => void): void {
    this.history.listen(listener);
  }

  /** Replays only: how long the recorded match ran, for the timeline. */
  onReplayInfo(listener: (info: ReplayInfo) => void): void {
    this.replayInfo.listen(listener);
  }

  onDrop(listener: () => void): void {
    this.room.onDrop(listener);
  }

  onReconnect(listener: () => void): void {
    this.room.onReconnect(listener);
  }

  onLeave(listener: (code: number) => void): void {
    this.room.onLeave(listener);
  }

  /** The first state, or at once the state there is when it came before this listener. */
  onFirstState(listener: (state: MatchState) => void): void {
    if (this.stateSeen) listener(this.room.state);
    else this.room.onStateChange.once(listener);
  }

  /** Once per patch. */
  onState(listener: (state: MatchState) => void): void {
    this.room.onStateChange(listener);
  }

  /** Ships as they come into view, change, and leave it. */
  onShips(listeners: { added(ship: Ship): void; changed(ship: Ship): void; removed(ship: Ship): void }): void {
    const callbacks = Callbacks.get(this.room);
    callbacks.onAdd("ships", (ship: Ship) => {
      listeners.added(ship);
      callbacks.onChange(ship, () => listeners.changed(ship));
    });
    // The ship as last seen: its fields keep their last values once it leaves view.
    callbacks.onRemove("ships", (ship: Ship) => listeners.removed(ship));
  }
}
