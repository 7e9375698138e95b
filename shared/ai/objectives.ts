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

/** Points along the straight way from one point to another, about PATH_SAMPLE_SPACING apart (the start left out), and the spacing. */
export function pathSamples(from: { x: number; y: number }, to: { x: number; y: number }): { points: { x: number; y: number }[]; spacing: number } {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  const samples = Math.max(1, Math.ceil(length / PATH_SAMPLE_SPACING));
  const points = Array.from({ length: samples }, (_, i) => ({ x: from.x + ((to.x - from.x) * (i + 1)) / samples, y: from.y + ((to.y - from.y) * (i + 1)) / samples }));
  return { points, spacing: length / samples };
}
