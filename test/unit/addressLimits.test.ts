import { describe, expect, it } from "vitest";
import { AddressLimits } from "../../server/http/addressLimits";

const settings = { matchmakingRequestsPerWindow: 5, failedJoinsPerWindow: 3, matchmakingWindowSeconds: 60, matchesPerAddress: 2, publishesPerHour: 2, playtestsPerHour: 3, draftsPerAddress: 2, draftsPerHour: 3, balanceReportsPerHour: 2 };

function limitsAt(start = 1_000_000) {
  const clock = { now: start };
  return { limits: new AddressLimits(settings, () => clock.now), clock };
}

describe("per-address limits", () => {
  it("admit the allowed scenario uploads an hour, each kind counted apart, then refuse with the wait in minutes", () => {
    const { limits, clock } = limitsAt();
    for (let i = 0; i < 2; i++) expect(limits.admitUpload("10.0.0.1", "publish")).toBeNull();
    expect(limits.admitUpload("10.0.0.1", "publish")).toEqual({
      status: 429,
      error: "too_many_uploads",
      message: "too many requests to publish a scenario from your address (2 an hour): try again in 60 min",
    });
    for (let i = 0; i < 3; i++) expect(limits.admitUpload("10.0.0.1", "playtest")).toBeNull();
    expect(limits.admitUpload("10.0.0.1", "playtest")?.message).toMatch(/too many playtest drafts sent from your address \(3 an hour\)/);
    expect(limits.admitUpload("10.0.0.2", "publish")).toBeNull();
    clock.now += 60 * 60 * 1000;
    expect(limits.admitUpload("10.0.0.1", "publish")).toBeNull();
  });

  it("admit the allowed number of matchmaking requests in a window, then refuse with the wait, then admit again", () => {
    const { limits, clock } = limitsAt();
    for (let i = 0; i < 5; i++) expect(limits.admitMatchmaking("10.0.0.1", false)).toBeNull();
    const refusal = limits.admitMatchmaking("10.0.0.1", false)!;
    expect(refusal.status).toBe(429);
    expect(refusal.message).toMatch(/too many matchmaking requests from your address \(5 in 60 s\): try again in 60 s/);
    // Another address is not affected.
    expect(limits.admitMatchmaking("10.0.0.2", false)).toBeNull();
    clock.now += 60_000;
    expect(limits.admitMatchmaking("10.0.0.1", false)).toBeNull();
  });

  it("refuse every matchmaking request of an address after its refused attempts reach the limit", () => {
    const { limits, clock } = limitsAt();
    for (let i = 0; i < 3; i++) {
      expect(limits.admitMatchmaking("10.0.0.1", false)).toBeNull();
      limits.recordFailure("10.0.0.1");
      clock.now += 1000;
    }
    expect(limits.admitMatchmaking("10.0.0.1", false)).toMatchObject({ error: "too_many_failed_joins", message: expect.stringContaining("try again in 57 s") });
    clock.now += 58_000;
    expect(limits.admitMatchmaking("10.0.0.1", false)).toBeNull();
  });

  it("count the matches an address has open, and free its place when one closes", () => {
    const { limits } = limitsAt();
    limits.matchOpened("10.0.0.1", "A");
    limits.matchOpened("10.0.0.1", "B");
    expect(limits.admitMatchmaking("10.0.0.1", false)).toBeNull();
    expect(limits.admitMatchmaking("10.0.0.1", true)).toMatchObject({ error: "too_many_matches" });
    limits.matchClosed("10.0.0.1", "A");
    expect(limits.admitMatchmaking("10.0.0.1", true)).toBeNull();
  });

  it("count the drafts an address has open apart from its matches, and free a place when one closes", () => {
    const { limits } = limitsAt();
    limits.matchOpened("10.0.0.1", "M");
    limits.matchOpened("10.0.0.1", "N");
    expect(limits.admitDraft("10.0.0.1")).toBeNull();
    limits.draftOpened("10.0.0.1", "A");
    limits.draftOpened("10.0.0.1", "B");
    expect(limits.admitDraft("10.0.0.1")).toMatchObject({ status: 429, error: "too_many_drafts", message: "your address already has 2 drafts open (the limit is 2): close one first" });
    expect(limits.admitDraft("10.0.0.2")).toBeNull();
    limits.draftClosed("10.0.0.1", "A");
    expect(limits.admitDraft("10.0.0.1")).toBeNull();
  });

  it("hold a place for each draft admitted until its room opens, so requests sent at once cannot all slip in", () => {
    const { limits, clock } = limitsAt();
    expect(limits.admitDraft("10.0.0.1")).toBeNull();
    expect(limits.admitDraft("10.0.0.1")).toBeNull();
    expect(limits.admitDraft("10.0.0.1")).toMatchObject({ error: "too_many_drafts" });
    // A create that never opened a room gives its place back after a while.
    clock.now += 31_000;
    expect(limits.admitDraft("10.0.0.1")).toBeNull();
    // The hourly count of new drafts holds whatever was opened and closed since.
    limits.draftOpened("10.0.0.1", "A");
    limits.draftClosed("10.0.0.1", "A");
    expect(limits.admitDraft("10.0.0.1")).toMatchObject({ error: "too_many_uploads", message: expect.stringMatching(/new drafts opened from your address \(3 an hour\)/) });
  });

  it("count balance reports an hour", () => {
    const { limits } = limitsAt();
    for (let i = 0; i < 2; i++) expect(limits.admitUpload("10.0.0.1", "balance")).toBeNull();
    expect(limits.admitUpload("10.0.0.1", "balance")?.message).toMatch(/too many balance reports asked for from your address \(2 an hour\)/);
  });
});
