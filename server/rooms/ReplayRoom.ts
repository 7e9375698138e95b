import { Room, ServerError, type Client, type RoomException, type RoomMethodName } from "@colyseus/core";
import { z } from "zod";
import type { AiSettings } from "../../shared/ai/aiPlayers";
import { ErrorCode } from "../../shared/protocol/errorCodes";
import { MatchMessageType, REPLAY_SPEEDS, replaySpeedSchema, seekSchema, type ReplayInfo } from "../../shared/protocol/matchMessages";
import { MessageType, type ErrorMessage, type WelcomeMessage } from "../../shared/protocol/messages";
import { joinOptionsSchema } from "../../shared/protocol/joinOptions";
import { TICK_RATE } from "../../shared/rules/clock";
import { ReplayCursor, type LoggedEntry, type ReplayStart } from "../../shared/rules/replay";
import type { Scenario } from "../../shared/scenario/scenarioSchema";
import type { MatchState } from "../../shared/state/MatchState";
import { LIMITS } from "../../shared/protocol/limits";
import { log, type Logger } from "../log";
import { FogOfWar } from "./fogOfWar";
import { CloseCodes } from "../../shared/protocol/closeCodes";
import type { MatchServices } from "./MatchRoom";
import { handleRoomException, printable } from "./roomFaults";
import { playInSlices } from "./replaySlices";

const replayOptionsSchema = z.object({ match: z.string().min(1).max(64) });
const REPLAY_REFUSED_STATUS = 404;
/** A replay keeps where it stood every this many steps, so a seek back re-runs at most this many. */
export const CHECKPOINT_TICKS = 1000;
/** The name a replay shows for a seat a person held, when the log does not say who (logs from before names were kept). */
const UNNAMED_PLAYER = "a player";

type Checkpoint = NonNullable<ReplayStart["snapshot"]>;

/**
 * A finished match played again from its log, through the same rules, for anyone to watch: every
 * viewer sees everything (the match is over), and any viewer may pause it, change its speed (up to
 * 16×) or seek to another hour. Seats show who held them at that point of the match: a person (by
 * name, where the log says) or the AI.
 */
export abstract class ReplayRoom extends Room<{ state: MatchState }> {
  protected abstract readonly services: MatchServices;
  maxMessagesPerSecond = LIMITS.messagesPerSecond;
  private cursor!: ReplayCursor;
  private scenario!: Scenario;
  private ai!: AiSettings;
  private seed = 0;
  private entries: LoggedEntry[] = [];
  /** The recorded match's last tick. */
  private endTick = 0;
  /** Where the replay stood every CHECKPOINT_TICKS steps, by tick, as far as it (or a seek) has played. */
  private readonly checkpoints = new Map<number, Checkpoint>();
  /** Counts seeks: a seek still running gives up when a newer one starts. */
  private seekGeneration = 0;
  private seeking = false;
  private disposed = false;
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
    const scenario = await this.services.scenarios.recorded(saved.match.scenario_id, saved.match.scenario_version);
    if (!scenario) throw new ServerError(REPLAY_REFUSED_STATUS, `the scenario "${saved.match.scenario_id}" of that match is not available`);
    const difficulty = joinOptionsSchema.shape.difficulty.parse(saved.match.difficulty);
    this.scenario = scenario;
    this.ai = { occupier: difficulty, maquis: difficulty };
    this.seed = saved.match.seed;
    this.entries = saved.orders;
    this.endTick = saved.match.ticks;
    this.cursor = new ReplayCursor(scenario, { seed: this.seed }, this.ai, this.entries);
    this.state = this.cursor.match.state;
    this.checkpoints.set(0, this.cursor.checkpoint());
    this.showSeatHolders();
    this.setPatchRate(1000 / TICK_RATE);
    this.setFixedTimestep(() => {
      if (this.seeking) return;
      for (let i = 0; i < this.state.speed && this.state.phase === "playing"; i++) {
        this.cursor.advance();
        this.keepCheckpoint(this.cursor);
      }
      this.showSeatHolders();
      this.fog.update(this.state);
    }, TICK_RATE);
    this.onMessage(MatchMessageType.voteSpeed, (client, payload) => {
      const speed = replaySpeedSchema.safeParse(payload);
      if (speed.success) this.state.speed = speed.data.speed;
      else this.refuse(client, `voteSpeed: speed must be one of ${REPLAY_SPEEDS.join(", ")}`);
    });
    this.onMessage(MatchMessageType.seek, (client, payload) => {
      const seek = seekSchema.safeParse(payload);
      if (seek.success) void this.seek(seek.data.hour);
      else this.refuse(client, "seek: needs { hour }, a number of game hours from 0");
    });
    // The type is whatever the client sent (a message typed "*" puts its payload here): untrusted.
    this.onMessage("*", (client, type) =>
      client.send(MessageType.error, { code: ErrorCode.SpectatorCannotOrder, message: `a replay takes no "${printable(type)}" messages` } satisfies ErrorMessage),
    );
  }

  onJoin(client: Client): void {
    this.fog.attach(client, { side: "maquis", seat: "" });
    this.fog.update(this.state);
    client.send(MessageType.welcome, { seat: "spectator", side: "spectator", watching: "maquis", host: false } satisfies WelcomeMessage);
    client.send(MatchMessageType.replayInfo, { endHours: this.endTick * this.state.hoursPerTick, lengthHours: this.state.lengthHours } satisfies ReplayInfo);
  }

  onLeave(client: Client): void {
    this.fog.detach(client);
  }

  onDispose(): void {
    this.disposed = true;
  }

  private refuse(client: Client, message: string): void {
    client.send(MessageType.error, { code: ErrorCode.InvalidMessage, message } satisfies ErrorMessage);
  }

  private keepCheckpoint(cursor: ReplayCursor): void {
    const tick = cursor.match.state.tick;
    if (tick % CHECKPOINT_TICKS === 0 && !this.checkpoints.has(tick)) this.checkpoints.set(tick, cursor.checkpoint());
  }

  /** Who held each seat at this point of the match: a person (by name) or the AI. */
  private showSeatHolders(): void {
    const humans = new Set(this.cursor.humanSeats);
    this.state.seats.forEach((seat) => {
      const human = humans.has(seat.id);
      const name = human ? this.cursor.holderName(seat.id) || UNNAMED_PLAYER : "";
      if (seat.occupied !== human) seat.occupied = human;
      if (seat.playerName !== name) seat.playerName = name;
    });
  }

  /**
   * Plays the match again from the nearest moment kept at or before the hour asked for (or from where
   * the replay stands, when that is nearer), in slices so other rooms run meanwhile, then puts that
   * moment into the room's state and shows it to every viewer afresh.
   */
  private async seek(hour: number): Promise<void> {
    const generation = ++this.seekGeneration;
    const target = Math.min(this.endTick, Math.round(hour / this.state.hoursPerTick));
    let from: Checkpoint | undefined;
    for (const [tick, checkpoint] of this.checkpoints) if (tick <= target && (!from || tick > from.tick)) from = checkpoint;
    if (this.state.tick <= target && this.state.tick >= (from?.tick ?? 0)) from = this.cursor.checkpoint();
    this.seeking = true;
    const scratch = new ReplayCursor(this.scenario, { seed: this.seed, snapshot: from }, this.ai, this.entries);
    const stillWanted = () => generation === this.seekGeneration && !this.disposed;
    await playInSlices(scratch, target, { afterStep: (cursor) => this.keepCheckpoint(cursor), stillWanted });
    if (!stillWanted()) return;
    const speed = this.state.speed;
    this.cursor = new ReplayCursor(this.scenario, { seed: this.seed, snapshot: scratch.checkpoint() }, this.ai, this.entries, this.state);
    // The viewers' speed is theirs, not the recording's.
    this.state.speed = speed;
    this.showSeatHolders();
    // Every object of the state is new: each viewer's view starts again from it.
    for (const client of this.clients) {
      this.fog.detach(client);
      this.fog.attach(client, { side: "maquis", seat: "" });
    }
    this.fog.update(this.state);
    this.seeking = false;
  }
}

export function createReplayRoom(services: MatchServices) {
  return class extends ReplayRoom {
    protected readonly services = services;
  };
}
