import type { ObjectiveGoal } from "../scenario/objectiveSchema";
import type { RulesContext } from "../rules/rulesContext";
import type { Side } from "../rules/sides";
import type { MatchState } from "../state/MatchState";
import { PATH_SAMPLE_SPACING } from "./difficulty";

/** An objective of the AI's side that is still open, with its goal to plan for. */
export interface OpenGoal {
  id: string;
  points: number;
  goal: ObjectiveGoal;
}

/** The side's objectives still open, most points first: what the AI plans for. Objectives are public. */
export function openGoals(state: MatchState, ctx: RulesContext, side: Side): OpenGoal[] {
  return ctx.scenario.objectives
    .map((definition, i) => ({ definition, status: state.objectives[i]?.status }))
    .filter(({ definition, status }) => definition.side === side && status === "open")
    .map(({ definition }) => ({ id: definition.id, points: definition.points, goal: definition.goal }))
    .sort((a, b) => b.points - a.points || (a.id < b.id ? -1 : 1));
}

/** Whether every point on the straight way from one point to another passes the test (sampled every PATH_SAMPLE_SPACING). */
export function pathIsClear(from: { x: number; y: number }, to: { x: number; y: number }, ok: (x: number, y: number) => boolean): boolean {
  const samples = Math.max(1, Math.ceil(Math.hypot(to.x - from.x, to.y - from.y) / PATH_SAMPLE_SPACING));
  for (let i = 1; i <= samples; i++) if (!ok(from.x + ((to.x - from.x) * i) / samples, from.y + ((to.y - from.y) * i) / samples)) return false;
  return true;
}
