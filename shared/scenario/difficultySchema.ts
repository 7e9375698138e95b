import { z } from "zod";

/*
 * How hard a scenario is for the player of each side, as its author labels it from measured balance
 * (docs/modding.md, "Labelling the difficulty"). The label is chosen by difficultyFromBalance below, from
 * the row of `npm run balance` in which both sides' AIs play at normal: the AI stands in for the player.
 */

export const DIFFICULTY_LABELS = ["gentle", "fair", "hard"] as const;
export type DifficultyLabel = (typeof DIFFICULTY_LABELS)[number];

export const scenarioDifficultySchema = z
  .object({
    maquis: z.enum(DIFFICULTY_LABELS),
    occupier: z.enum(DIFFICULTY_LABELS),
  })
  .strict();
export type ScenarioDifficulty = z.infer<typeof scenarioDifficultySchema>;

/**
 * Where the labels part, on a side's score in percent (its wins plus half the draws: a draw is neither
 * won nor lost). Above 60 the side's player wins more often than not by a clear margin; below 40 it
 * loses so. The modding guide's 30–70% target at normal spans all three labels.
 */
export const DIFFICULTY_SCORE = { gentleAbove: 60, hardBelow: 40 } as const;

/** Win rates in percent, as `npm run balance` reports them. */
export interface WinRate {
  maquis: number;
  occupier: number;
  draw: number;
}

/** A side's score in percent: its wins plus half the draws. */
export function sideScore(winRate: WinRate, side: "maquis" | "occupier"): number {
  return winRate[side] + winRate.draw / 2;
}

/** The label for one side from the normal-against-normal balance row. */
export function difficultyFromScore(score: number): DifficultyLabel {
  if (score > DIFFICULTY_SCORE.gentleAbove) return "gentle";
  if (score < DIFFICULTY_SCORE.hardBelow) return "hard";
  return "fair";
}

/** Both sides' labels from the normal-against-normal balance row. */
export function difficultyFromBalance(winRate: WinRate): ScenarioDifficulty {
  return { maquis: difficultyFromScore(sideScore(winRate, "maquis")), occupier: difficultyFromScore(sideScore(winRate, "occupier")) };
}
