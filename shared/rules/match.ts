import { ArraySchema, MapSchema } from "@colyseus/schema";
import { createMatchState } from "../scenario/createMatchState";
import type { Scenario } from "../scenario/scenarioSchema";
import { MatchState } from "../state/MatchState";
import { forgetRegions } from "./geometry";
import { createMovementWorld } from "./movement";
import type { RulesContext } from "./rulesContext";

/** A running match as the server and the simulator hold it: the synced state and what the rules need beside it. */
export interface Match {
  state: MatchState;
  ctx: RulesContext;
}

export function createMatch(scenario: Scenario, seed: number): Match {
  const state = createMatchState(scenario, seed);
  return { state, ctx: { scenario, world: createMovementWorld(state) } };
}

/** Rebuilds a match from a JSON snapshot; the physics world is derived again from the state. */
export function restoreMatch(scenario: Scenario, snapshot: unknown): Match {
  const state = new MatchState();
  state.restore(snapshot as Parameters<MatchState["restore"]>[0]);
  return { state, ctx: { scenario, world: createMovementWorld(state) } };
}

/**
 * Rebuilds a match from a JSON snapshot inside a state object that already exists (a replay room's,
 * which its viewers stay synced to): its collections are emptied, then every field is taken from the
 * snapshot, exactly as restoreMatch would build it.
 */
export function restoreMatchInto(target: MatchState, scenario: Scenario, snapshot: unknown): Match {
  const fields = (target.constructor as unknown as Record<symbol, Record<string, { name?: string }> | undefined>)[Symbol.metadata] ?? {};
  for (const field of Object.values(fields)) {
    if (typeof field !== "object" || field === null || typeof field.name !== "string") continue;
    const value = (target as unknown as Record<string, unknown>)[field.name];
    if (value instanceof MapSchema || value instanceof ArraySchema) value.clear();
  }
  target.restore(snapshot as Parameters<MatchState["restore"]>[0]);
  forgetRegions(target);
  return { state: target, ctx: { scenario, world: createMovementWorld(target) } };
}
