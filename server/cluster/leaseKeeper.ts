import { describeError, log } from "../log";

/** How long a match's lease lasts unless renewed: a process that died lets go of its matches after this. */
export const LEASE_SECONDS = 6;
/** How often a process renews the leases of every match it runs (one statement for all of them). */
export const LEASE_RENEW_SECONDS = 1.5;
/**
 * A process stops saving a match this long before its lease would run out unrenewed, so its last write
 * lands before another process may take the match over (the processes' clocks agree far better than this).
 */
const LEASE_MARGIN_SECONDS = 1.5;

/** The store's side of leases (server/store/matchLeases.ts). */
export interface LeaseStore {
  claim(matchId: string, owner: string, ttlMs: number, now?: number): Promise<boolean>;
  /** Extends the owner's leases; returns the ids it no longer holds. */
  renew(owner: string, matchIds: string[], ttlMs: number, now?: number): Promise<string[]>;
  release(matchId: string, owner: string): Promise<void>;
  /** Running matches whose lease is missing or has run out. */
  orphans(owner: string, now?: number): Promise<string[]>;
  /** Forgets every lease: a process that runs alone knows any lease left in its store is from its own previous life. */
  forgetAll(): Promise<void>;
}

const LEASE_MS = LEASE_SECONDS * 1000;
/** Until when a lease asked for at `asked` may be written under. */
const writableUntilFor = (asked: number) => asked + (LEASE_SECONDS - LEASE_MARGIN_SECONDS) * 1000;

interface Held {
  /** Until when this process may write the match (the lease's end, less the margin). */
  writableUntil: number;
  /** Called once if another process took the match over: the room closes without saving. */
  onLost: () => void;
}

/**
 * The leases of every match this process runs: no match is ever run by two processes at once. A room
 * claims its match's lease before it plays, the keeper renews all of them together, and a room whose
 * lease went to another process (this one stalled, or lost the store for too long) is told to stop.
 * Without a store (tests of rooms alone) every claim succeeds.
 */
export class LeaseKeeper {
  private readonly held = new Map<string, Held>();
  private timer: NodeJS.Timeout | undefined;
  private storeDown = false;

  constructor(
    private readonly store: LeaseStore | null,
    /** This process: Colyseus' processId, known once the server listens. */
    private readonly ownerOf: () => string,
  ) {}

  get owner(): string {
    return this.ownerOf();
  }

  /** Takes the match's lease for this process; false if another live process holds it. */
  async claim(matchId: string, onLost: () => void): Promise<boolean> {
    if (!this.store) {
      this.held.set(matchId, { writableUntil: Infinity, onLost });
      return true;
    }
    const asked = Date.now();
    if (!(await this.store.claim(matchId, this.owner, LEASE_MS, asked))) return false;
    this.held.set(matchId, { writableUntil: writableUntilFor(asked), onLost });
    this.start();
    return true;
  }

  /** How many matches this process holds now. */
  get count(): number {
    return this.held.size;
  }

  /** Whether this process may still write the match: its lease is surely its own. */
  writable(matchId: string): boolean {
    const held = this.held.get(matchId);
    return held !== undefined && Date.now() < held.writableUntil;
  }

  /** The match has closed here; its last save is done. */
  async release(matchId: string): Promise<void> {
    if (!this.held.delete(matchId) || !this.store) return;
    await this.store.release(matchId, this.owner).catch((error) => log.warn({ room: matchId, error: describeError(error) }, "could not release a match's lease; it runs out by itself"));
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.renew(), LEASE_RENEW_SECONDS * 1000);
    this.timer.unref();
  }

  /** One renewal for every match held; one that lapsed is claimed again if nobody else took it meanwhile. */
  async renew(): Promise<void> {
    const store = this.store;
    if (!store || this.held.size === 0) return;
    const asked = Date.now();
    const ids = [...this.held.keys()];
    let lost: string[];
    try {
      lost = await store.renew(this.owner, ids, LEASE_MS, asked);
    } catch (error) {
      if (!this.storeDown) log.error({ error: describeError(error) }, "cannot renew match leases: the store is unreachable; matches play on and save once it is back");
      this.storeDown = true;
      return;
    }
    if (this.storeDown) log.info("the store is back: match leases renewed");
    this.storeDown = false;
    for (const id of ids) {
      const held = this.held.get(id);
      if (!held) continue;
      if (!lost.includes(id)) {
        held.writableUntil = writableUntilFor(asked);
        continue;
      }
      const again = await store.claim(id, this.owner, LEASE_MS, asked).catch(() => false);
      if (again) held.writableUntil = writableUntilFor(asked);
      else if (this.held.delete(id)) {
        log.warn({ room: id }, "another process has taken this match over; it stops here");
        held.onLost();
      }
    }
  }
}
