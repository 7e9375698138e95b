import { LIMITS } from "../../shared/protocol/limits";

export type AddressLimitSettings = Record<
  | "matchmakingRequestsPerWindow"
  | "failedJoinsPerWindow"
  | "matchmakingWindowSeconds"
  | "matchesPerAddress"
  | "publishesPerHour"
  | "playtestsPerHour"
  | "draftsPerAddress"
  | "draftsPerHour"
  | "balanceReportsPerHour",
  number
>;

/** Scenario files an address sends: versions it publishes, and drafts it playtests. */
export type UploadKind = "publish" | "playtest" | "draft" | "balance";
const HOUR_MS = 60 * 60 * 1000;
/** How long a draft admitted by the guard counts as opening, if its room never says it opened (the create failed). */
const DRAFT_PENDING_MS = 30_000;

/** Each kind of upload: its hourly limit, and what the refusal calls it. */
const UPLOADS: Record<UploadKind, { perHour: (settings: AddressLimitSettings) => number; what: string }> = {
  publish: { perHour: (settings) => settings.publishesPerHour, what: "requests to publish a scenario" },
  playtest: { perHour: (settings) => settings.playtestsPerHour, what: "playtest drafts sent" },
  draft: { perHour: (settings) => settings.draftsPerHour, what: "new drafts opened" },
  balance: { perHour: (settings) => settings.balanceReportsPerHour, what: "balance reports asked for" },
};

/** For harnesses whose many clients all come from one address (room tests, the benchmark); never for a real server. */
export const ONE_ADDRESS_HARNESS_LIMITS: AddressLimitSettings = {
  ...LIMITS,
  matchmakingRequestsPerWindow: 1_000_000,
  failedJoinsPerWindow: 1_000_000,
  matchesPerAddress: 1_000_000,
  publishesPerHour: 1_000_000,
  playtestsPerHour: 1_000_000,
  draftsPerAddress: 1_000_000,
  draftsPerHour: 1_000_000,
  balanceReportsPerHour: 1_000_000,
};

/** Times of recent events per address, forgotten once they leave the window. */
class SlidingWindow {
  private readonly times = new Map<string, number[]>();

  constructor(private readonly windowMs: number) {}

  count(address: string, now: number): number {
    const recent = (this.times.get(address) ?? []).filter((time) => now - time < this.windowMs);
    if (recent.length === 0) this.times.delete(address);
    else this.times.set(address, recent);
    return recent.length;
  }

  add(address: string, now: number): void {
    const times = this.times.get(address) ?? [];
    times.push(now);
    this.times.set(address, times);
  }

  /** Seconds until the oldest event in the window drops out of it. */
  secondsUntilFree(address: string, now: number): number {
    const oldest = this.times.get(address)?.[0] ?? now;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  /** Forgets the oldest event of an address (one held for a while, now settled). */
  removeOne(address: string): void {
    const times = this.times.get(address);
    times?.shift();
    if (times?.length === 0) this.times.delete(address);
  }

  /** Drops addresses with nothing recent, so a stream of new addresses cannot grow memory for good. */
  prune(now: number): void {
    for (const address of [...this.times.keys()]) this.count(address, now);
  }
}

/** Why a request is refused before it is acted on. */
export interface Refusal {
  status: 429;
  error: string;
  message: string;
}

/**
 * What each client address may do: matchmaking requests per window, refused ones per window (so
 * invite codes cannot be guessed at speed), and matches open at once. Shared by the HTTP guard, which
 * asks before each request, and the match rooms, which say which address opened them.
 */
export class AddressLimits {
  private readonly requests: SlidingWindow;
  private readonly failures: SlidingWindow;
  private readonly openMatches = new Map<string, Set<string>>();
  private readonly uploads: Record<UploadKind, SlidingWindow> = {
    publish: new SlidingWindow(HOUR_MS),
    playtest: new SlidingWindow(HOUR_MS),
    draft: new SlidingWindow(HOUR_MS),
    balance: new SlidingWindow(HOUR_MS),
  };
  /** Drafts admitted but not yet opened by their room: they count against draftsPerAddress until then (or for DRAFT_PENDING_MS). */
  private readonly pendingDrafts = new SlidingWindow(DRAFT_PENDING_MS);
  private readonly openDrafts = new Map<string, Set<string>>();

  constructor(
    readonly settings: AddressLimitSettings = LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.requests = new SlidingWindow(settings.matchmakingWindowSeconds * 1000);
    this.failures = new SlidingWindow(settings.matchmakingWindowSeconds * 1000);
  }

  /** Checks a matchmaking request and counts it; `creates` when it may open a new match. */
  admitMatchmaking(address: string, creates: boolean): Refusal | null {
    const now = this.now();
    const { settings } = this;
    if (this.failures.count(address, now) >= settings.failedJoinsPerWindow) {
      const wait = this.failures.secondsUntilFree(address, now);
      return { status: 429, error: "too_many_failed_joins", message: `too many refused join attempts from your address (${settings.failedJoinsPerWindow} in ${settings.matchmakingWindowSeconds} s): try again in ${wait} s` };
    }
    if (this.requests.count(address, now) >= settings.matchmakingRequestsPerWindow) {
      const wait = this.requests.secondsUntilFree(address, now);
      return { status: 429, error: "too_many_requests", message: `too many matchmaking requests from your address (${settings.matchmakingRequestsPerWindow} in ${settings.matchmakingWindowSeconds} s): try again in ${wait} s` };
    }
    const open = this.openMatches.get(address)?.size ?? 0;
    if (creates && open >= settings.matchesPerAddress) {
      return { status: 429, error: "too_many_matches", message: `your address already has ${open} matches open (the limit is ${settings.matchesPerAddress}): finish or leave one first` };
    }
    this.requests.add(address, now);
    return null;
  }

  /** Checks a scenario upload (a published version or a playtest draft) and counts it. */
  admitUpload(address: string, kind: UploadKind): Refusal | null {
    const now = this.now();
    const limit = UPLOADS[kind].perHour(this.settings);
    const window = this.uploads[kind];
    if (window.count(address, now) >= limit) {
      const wait = Math.ceil(window.secondsUntilFree(address, now) / 60);
      const what = UPLOADS[kind].what;
      return { status: 429, error: "too_many_uploads", message: `too many ${what} from your address (${limit} an hour): try again in ${wait} min` };
    }
    window.add(address, now);
    return null;
  }

  /** A matchmaking request the matchmaker refused (no such code, seat taken, bad options). */
  recordFailure(address: string): void {
    this.failures.add(address, this.now());
  }

  matchOpened(address: string, matchId: string): void {
    opened(this.openMatches, address, matchId);
  }

  matchClosed(address: string, matchId: string): void {
    closed(this.openMatches, address, matchId);
  }

  /** Checks a request that would open a scenario draft (a new one, or one brought back from the store). */
  admitDraft(address: string): Refusal | null {
    const now = this.now();
    const open = (this.openDrafts.get(address)?.size ?? 0) + this.pendingDrafts.count(address, now);
    if (open >= this.settings.draftsPerAddress)
      return { status: 429, error: "too_many_drafts", message: `your address already has ${open} drafts open (the limit is ${this.settings.draftsPerAddress}): close one first` };
    const hourly = this.admitUpload(address, "draft");
    if (hourly) return hourly;
    // Held for the room until it opens: requests sent at once cannot all slip in before the first room counts.
    this.pendingDrafts.add(address, now);
    return null;
  }

  draftOpened(address: string, draftId: string): void {
    this.pendingDrafts.removeOne(address);
    opened(this.openDrafts, address, draftId);
  }

  draftClosed(address: string, draftId: string): void {
    closed(this.openDrafts, address, draftId);
  }

  prune(): void {
    const now = this.now();
    this.requests.prune(now);
    this.failures.prune(now);
    this.uploads.publish.prune(now);
    this.uploads.playtest.prune(now);
    this.uploads.draft.prune(now);
    this.uploads.balance.prune(now);
    this.pendingDrafts.prune(now);
  }
}

function opened(open: Map<string, Set<string>>, address: string, id: string): void {
  const ids = open.get(address) ?? new Set<string>();
  ids.add(id);
  open.set(address, ids);
}

function closed(open: Map<string, Set<string>>, address: string, id: string): void {
  const ids = open.get(address);
  ids?.delete(id);
  if (ids?.size === 0) open.delete(address);
}
