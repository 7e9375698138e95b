import { Callbacks } from "@colyseus/sdk";
import { LobbyMessageType } from "../../shared/protocol/lobbyMessages";
import { MatchMessageType, type ChatLine } from "../../shared/protocol/matchMessages";
import { MessageType, type ErrorMessage, type Order, type WelcomeMessage } from "../../shared/protocol/messages";
import type { MatchState, Ship } from "../../shared/state/MatchState";
import type { PlayRequest } from "../ui/BriefingScreen";
import type { CreateRequest, JoinByIdRequest } from "../ui/LobbyBrowser";
import {
  createLobbyMatch,
  createSoloMatch,
  forgetSession,
  joinMatch,
  joinMatchById,
  rejoinSavedSession,
  watchReplay,
  type MatchRoomConnection,
} from "./connection";

/** How a player comes to a match: from the briefing, the lobby, an invite, a reload, or a replay link. */
export type MatchRequest =
  | PlayRequest
  | { solo: PlayRequest }
  | { rejoin: true }
  | { create: CreateRequest }
  | { joinById: JoinByIdRequest }
  | { replay: string };

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
            ? await joinMatchById(request.joinById.roomId, request.joinById.name)
            : "replay" in request
              ? await watchReplay(request.replay)
              : await joinMatch({ scenario: request.scenario, seat: request.seat, ...(request.watch ? { watch: request.watch } : {}), difficulty: request.difficulty });
  return new MatchSession(room, "replay" in request);
}

/**
 * One match as the client sees it: the intents it may send and what the server tells it. Scenes and
 * panels talk to the server only through this.
 */
export class MatchSession {
  constructor(
    private readonly room: MatchRoomConnection,
    /** A replay: nothing to order, and any viewer sets the speed. */
    readonly isReplay: boolean,
  ) {}

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

  /** Leaves the connection only (the scene is closing); the saved seat stays for a reload. */
  disconnect(): void {
    void this.room.leave();
  }

  onWelcome(listener: (welcome: WelcomeMessage) => void): void {
    this.room.onMessage(MessageType.welcome, listener);
  }

  onRefusal(listener: (error: ErrorMessage) => void): void {
    this.room.onMessage(MessageType.error, listener);
  }

  onChat(listener: (line: ChatLine) => void): void {
    this.room.onMessage(MatchMessageType.chat, listener);
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

  onFirstState(listener: (state: MatchState) => void): void {
    this.room.onStateChange.once(listener);
  }

  /** Once per patch. */
  onState(listener: (state: MatchState) => void): void {
    this.room.onStateChange(listener);
  }

  /** Ships as they come into view, change, and leave it. */
  onShips(listeners: { added(ship: Ship): void; changed(ship: Ship): void; removed(id: string): void }): void {
    const callbacks = Callbacks.get(this.room);
    callbacks.onAdd("ships", (ship: Ship) => {
      listeners.added(ship);
      callbacks.onChange(ship, () => listeners.changed(ship));
    });
    callbacks.onRemove("ships", (_ship: Ship, id: string) => listeners.removed(id));
  }
}
