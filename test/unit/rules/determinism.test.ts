import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../../server/config";
import type { AiSettings } from "../../../shared/ai/aiPlayers";
import { restoreMatch } from "../../../shared/rules/match";
import { simulate } from "../../../shared/rules/simulate";
import { stateHash } from "../../../shared/rules/stateHash";
import { step } from "../../../shared/rules/step";
import { bundledScenario } from "../../support/scenarios";

const normal: AiSettings = { occupier: "normal", maquis: "normal" };
const TICKS = 600;

describe("determinism", () => {
  const dorvan = bundledScenario("dorvan-2370");

  it("the same seed gives the same state hash; different seeds give different ones", () => {
    const hashOf = (seed: number) => stateHash(simulate(dorvan, seed, normal, TICKS).match.state);
    const first = hashOf(11);
    expect(hashOf(11)).toBe(first);
    const others = [12, 13, 14].map(hashOf);
    expect(new Set([first, ...others]).size).toBe(4);
  });

  it("a simulated match is more than its seed: the AI's play shows in the state", () => {
    const { match, ticks } = simulate(dorvan, 11, normal, TICKS);
    expect(ticks).toBe(TICKS);
    expect(match.state.tick).toBe(TICKS);
    // Ships moved off their start systems and operations were run.
    expect(match.state.log.length).toBeGreaterThan(3);
    expect(match.state.nextId).toBeGreaterThan(1);
  });

  it("the hash covers hidden fields: the random generator, the id counter, fired triggers, a cell's exposure", () => {
    const { state } = simulate(dorvan, 3, normal, 50).match;
    const base = stateHash(state);
    const changes: [string, () => void, () => void][] = [
      ["rngState", () => (state.rngState = (state.rngState + 1) >>> 0), () => (state.rngState = (state.rngState - 1) >>> 0)],
      ["nextId", () => (state.nextId += 1), () => (state.nextId -= 1)],
      ["firedTriggers", () => state.firedTriggers.push("x"), () => state.firedTriggers.pop()],
      ["exposure", () => (state.cells.get("cell-1")!.exposure += 1), () => (state.cells.get("cell-1")!.exposure -= 1)],
      ["darkHours", () => (state.ships.get("raider-1")!.darkHours += 0.25), () => (state.ships.get("raider-1")!.darkHours -= 0.25)],
    ];
    for (const [name, change, undo] of changes) {
      change();
      expect(stateHash(state), name).not.toBe(base);
      undo();
      expect(stateHash(state), name).toBe(base);
    }
  });

  it("a match restored from its JSON snapshot plays on exactly as the original", () => {
    const original = simulate(dorvan, 21, normal, 300).match;
    const copy = restoreMatch(dorvan, JSON.parse(JSON.stringify(original.state.toJSON())));
    expect(stateHash(copy.state)).toBe(stateHash(original.state));
    for (let i = 0; i < 300; i++) {
      step(original.state, original.ctx);
      step(copy.state, copy.ctx);
    }
    expect(stateHash(copy.state)).toBe(stateHash(original.state));
  });

  it("`npm run sim` prints the same hash in two processes, and the one simulate() gives here", { timeout: 120_000 }, () => {
    const run = () => {
      const result = spawnSync("npm", ["run", "--silent", "sim", "--", "--scenario", "dorvan-2370", "--seed", "5", "--ticks", "2000"], {
        cwd: repoRoot,
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(result.status, result.stderr).toBe(0);
      const lines = result.stdout.trim().split("\n");
      return JSON.parse(lines[lines.length - 1]!) as { scenario: string; seed: number; ticks: number; hash: string };
    };
    const [first, second] = [run(), run()];
    expect(first).toMatchObject({ scenario: "dorvan-2370", seed: 5, ticks: 2000 });
    expect(first.hash).toMatch(/^[0-9a-f]{14}$/);
    expect(second.hash).toBe(first.hash);
    expect(stateHash(simulate(dorvan, 5, normal, 2000).match.state)).toBe(first.hash);
  });
});
