import { createMatchState } from "../scenario/createMatchState";
import type { Scenario } from "../scenario/scenarioSchema";
import { MatchState } from "../state/MatchState";
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
