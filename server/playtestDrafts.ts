import { randomBytes } from "node:crypto";
import { PLAYTEST_PREFIX } from "../shared/protocol/communityMessages";
import { LIMITS } from "../shared/protocol/limits";
import type { Scenario } from "../shared/scenario/scenarioSchema";

/** Random hex digits in a draft's id: "playtest-" and 16 digits fit a scenario id (48 characters at most). */
const DRAFT_ID_BYTES = 8;

export interface DraftLimits {
  /** Drafts kept at once; past it the oldest is dropped. */
  playtestDrafts: number;
  /** Drafts kept at once per address; past it that address's oldest is dropped. */
  playtestDraftsPerAddress: number;
}

/**
 * Scenarios sent from the editor to be played privately before they are published: kept in memory
 * only, under a fresh id of their own, never listed. Bounded: a new draft drops the oldest past the
 * limits. A match already running from a dropped draft plays on; only resuming it later needs the draft.
 */
export class PlaytestDrafts {
  /** id → draft, in the order they were added (a Map keeps insertion order). */
  private readonly drafts = new Map<string, { scenario: Scenario; address: string }>();

  constructor(private readonly limits: DraftLimits = LIMITS) {}

  /** Keeps the scenario under a new draft id (which it then carries as its own id) and returns it. */
  add(scenario: Scenario, address: string): Scenario {
    const id = PLAYTEST_PREFIX + randomBytes(DRAFT_ID_BYTES).toString("hex");
    const mine = [...this.drafts].filter(([, draft]) => draft.address === address).map(([draftId]) => draftId);
    for (const old of mine.slice(0, Math.max(0, mine.length - this.limits.playtestDraftsPerAddress + 1))) this.drafts.delete(old);
    while (this.drafts.size >= this.limits.playtestDrafts) this.drafts.delete(this.drafts.keys().next().value!);
    const draft = { ...scenario, id };
    this.drafts.set(id, { scenario: draft, address });
    return draft;
  }

  get(id: string): Scenario | undefined {
    return this.drafts.get(id)?.scenario;
  }
}
