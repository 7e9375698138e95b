import { Room, ServerError, type Client, type RoomException, type RoomMethodName } from "@colyseus/core";
import { z } from "zod";
import { ErrorCode } from "../../shared/protocol/errorCodes";
import { MatchMessageType, voteSpeedSchema } from "../../shared/protocol/matchMessages";
import { MessageType, type ErrorMessage, type WelcomeMessage } from "../../shared/protocol/messages";
import { joinOptionsSchema } from "../../shared/protocol/joinOptions";
import { TICK_RATE } from "../../shared/rules/clock";
import { ReplayCursor } from "../../shared/rules/replay";
import type { MatchState } from "../../shared/state/MatchState";
import { LIMITS } from "../../shared/protocol/limits";
import { log, type Logger } from "../log";
import { FogOfWar } from "./fogOfWar";
import { CloseCodes } from "../../shared/protocol/closeCodes";
import type { MatchServices } from "./MatchRoom";
import { handleRoomException, printable } from "./roomFaults";

const replayOptionsSchema = z.object({ match: z.string().min(1).max(64) });
const REPLAY_REFUSED_STATUS = 404;

/**
 * A finished match played again from its log, through the same rules, for anyone to watch: every
 * viewer sees everything (the match is over), and any viewer may pause it or change its speed.
 */
export abstract class ReplayRoom extends Room<{ state: MatchState }> {
  protected abstract readonly services: MatchServices;
  maxMessagesPerSecond = LIMITS.messagesPerSecond;
  private cursor!: ReplayCursor;
  private readonly fog = new FogOfWar(true);
  private log: Logger = log.child({ roomName: "replay" });

  /** As in a match: a failed handler is answered and logged; a failed tick closes this replay alone. */
  onUncaughtException(error: RoomException, method: RoomMethodName): void {
    handleRoomException(error, method, {
      log: this.log,
      closeRoom: () => {
        this.setTimestep();
        void this.disconnect(CloseCodes.roomFault);
      },
    });
  }

  async onCreate(options: unknown): Promise<void> {
    const parsed = replayOptionsSchema.safeParse(options);
    if (!parsed.success) throw new ServerError(REPLAY_REFUSED_STATUS, "replay options: needs { match }");
    this.log = log.child({ roomName: "replay", room: this.roomId, match: parsed.data.match });
    const saved = await this.services.store?.loadMatch(parsed.data.match);
    if (!saved || saved.match.status !== "finished") throw new ServerError(REPLAY_REFUSED_STATUS, `no finished match "${parsed.data.match}" to replay`);
    const scenario = this.services.library.get(saved.match.scenario_id);
    if (!scenario) throw new ServerError(REPLAY_REFUSED_STATUS, `the scenario "${saved.match.scenario_id}" of that match is not available`);
    const difficulty = joinOptionsSchema.shape.difficulty.parse(saved.match.difficulty);
    this.cursor = new ReplayCursor(scenario, { seed: saved.match.seed }, { occupier: difficulty, maquis: difficulty }, saved.orders);
    this.state = this.cursor.match.state;
    this.setPatchRate(1000 / TICK_RATE);
    this.setFixedTimestep(() => {
      for (let i = 0; i < this.state.speed && this.state.phase === "playing"; i++) this.cursor.advance();
      this.fog.update(this.state, this.cursor.match.ctx);
    }, TICK_RATE);
    this.onMessage(MatchMessageType.voteSpeed, (client, payload) => {
      const speed = voteSpeedSchema.safeParse(payload);
      if (speed.success) this.state.speed = speed.data.speed;
      else client.send(MessageType.error, { code: ErrorCode.InvalidMessage, message: "voteSpeed: speed must be 0, 1, 2 or 4" } satisfies ErrorMessage);
    });
    // The type is whatever the client sent (a message typed "*" puts its payload here): untrusted.
    this.onMessage("*", (client, type) =>
      client.send(MessageType.error, { code: ErrorCode.SpectatorCannotOrder, message: `a replay takes no "${printable(type)}" messages` } satisfies ErrorMessage),
    );
  }

  onJoin(client: Client): void {
    this.fog.attach(client, { side: "maquis", seat: "" });
    this.fog.update(this.state, this.cursor.match.ctx);
    client.send(MessageType.welcome, { seat: "spectator", side: "spectator", watching: "maquis", host: false } satisfies WelcomeMessage);
  }

  onLeave(client: Client): void {
    this.fog.detach(client);
  }
}

export function createReplayRoom(services: MatchServices) {
  return class extends ReplayRoom {
    protected readonly services = services;
  };
}
