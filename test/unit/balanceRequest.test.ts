import { describe, expect, it } from "vitest";
import { basedOnLine, choiceProblem, endedLine, gamesInAll, progressLine } from "../../client/editor/balanceWords";
import { balancePairings, balanceRequestSchema, type BalanceLevels } from "../../shared/protocol/balanceMessages";
import { LIMITS } from "../../shared/protocol/limits";

const PLAYER = "balance-tester-0001";

describe("a balance report's rows", () => {
  it("plays each chosen level of one side against the other side at normal, normal against normal once", () => {
    expect(balancePairings({ occupier: ["easy", "normal", "hard"], maquis: ["normal", "hard"] })).toEqual([
      { occupier: "easy", maquis: "normal" },
      { occupier: "normal", maquis: "normal" },
      { occupier: "hard", maquis: "normal" },
      { occupier: "normal", maquis: "hard" },
    ]);
    expect(balancePairings({ occupier: [], maquis: ["easy"] })).toEqual([{ occupier: "normal", maquis: "easy" }]);
    expect(balancePairings({ occupier: [], maquis: [] })).toEqual([]);
  });

  it("takes a well-formed request and refuses each malformed part by its path", () => {
    const good = { scenario: {}, games: 10, levels: { occupier: ["normal"], maquis: [] }, player: PLAYER };
    expect(balanceRequestSchema.safeParse(good).success).toBe(true);
    const pathOf = (request: unknown) => {
      const parsed = balanceRequestSchema.safeParse(request);
      return parsed.success ? null : parsed.error.issues.map((issue) => issue.path.join("."));
    };
    expect(pathOf({ ...good, games: 0 })).toContain("games");
    expect(pathOf({ ...good, games: 2.5 })).toContain("games");
    expect(pathOf({ ...good, games: 70, levels: { occupier: ["easy", "normal", "hard"], maquis: [] } })).toContain("games");
    expect(pathOf({ ...good, levels: { occupier: ["normal", "normal"], maquis: [] } })).toContain("levels.occupier");
    expect(pathOf({ ...good, levels: { occupier: [], maquis: [] } })).toContain("levels");
    expect(pathOf({ ...good, player: "short" })).toContain("player");
    expect(pathOf({ ...good, extra: 1 })).not.toBeNull();
  });
});

describe("the balance panel's words", () => {
  it("counts the games in all and says when there are too many or no level", () => {
    const levels: BalanceLevels = { occupier: ["easy", "normal", "hard"], maquis: [] };
    expect(gamesInAll(50, levels)).toBe(150);
    expect(choiceProblem(50, levels)).toBeNull();
    expect(choiceProblem(50, { occupier: levels.occupier, maquis: ["easy", "hard"] })).toBe(
      `That is 250 games in all; a report may play at most ${LIMITS.balanceGamesPerJob}. Choose fewer games or fewer levels.`,
    );
    expect(choiceProblem(10, { occupier: [], maquis: [] })).toBe("Choose at least one level for one side.");
  });

  it("says how far a report has come, and how it ended without a result", () => {
    expect(progressLine({ status: "running", played: 7, total: 30 })).toBe("7/30 games played");
    expect(progressLine({ status: "queued", played: 0, total: 30 })).toMatch(/^Waiting .*0\/30/);
    expect(endedLine({ status: "cancelled", played: 7, total: 30 })).toBe("Cancelled after 7 of 30 games.");
    expect(endedLine({ status: "failed", played: 7, total: 30, message: "stopped after 15 minutes" })).toBe("The report failed: stopped after 15 minutes.");
  });

  it("says how many games the report rests on", () => {
    const row = { scenario: "x", games: 10, ai: { occupier: "normal", maquis: "normal" } as const, winRate: { maquis: 50, occupier: 50, draw: 0 }, meanDays: 9, meanMinutesAt1x: 3, endReasons: {}, objectivesMetPercent: {} };
    expect(basedOnLine({ scenario: "x", games: 30, rows: [row, row, row] })).toBe("Based on 30 games (10 for each of 3 rows), with the AI in every seat.");
    expect(basedOnLine({ scenario: "x", games: 1, rows: [{ ...row, games: 1 }] })).toBe("Based on 1 game, with the AI in every seat.");
  });
});
