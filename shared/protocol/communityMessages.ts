import { z } from "zod";
import type { ScenarioSummary } from "../scenario/scenarioSchema";
import { LIMITS } from "./limits";

/** Playtest drafts are matched by this prefix; no published scenario may take an id that starts with it. */
export const PLAYTEST_PREFIX = "playtest-";

/** POST /api/community/scenarios: a scenario file and who publishes which version of it. The file is checked by the scenario parser. */
export const publishRequestSchema = z.object({
  scenario: z.unknown().refine((value) => value !== undefined, "is required: the scenario file's JSON"),
  author: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(LIMITS.authorCharacters)
    .regex(/^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*$/u, "must not contain control or formatting characters"),
  version: z.number().int().min(1),
  changelog: z.string().max(LIMITS.changelogCharacters).default(""),
});
export type PublishRequest = z.input<typeof publishRequestSchema>;

/** The answer to a first publish: the token that alone may publish the scenario's later versions (keep it; it is shown once). */
export interface PublishAnswer {
  id: string;
  version: number;
  editToken?: string;
}

/** POST /api/playtest: a draft to play privately, never listed. */
export const playtestRequestSchema = z.object({
  scenario: z.unknown().refine((value) => value !== undefined, "is required: the scenario file's JSON"),
});

/** The answer to a playtest draft: the id to create a private match with, and the summary its briefing shows. */
export interface PlaytestAnswer {
  scenarioId: string;
  summary: ScenarioSummary;
}

/** GET /api/community/scenarios filters: a title substring, an era (universe) and an author substring. */
export const communityQuerySchema = z.object({
  q: z.string().max(80).default(""),
  era: z.enum(["primary", "mirror", "reborn"]).optional(),
  author: z.string().max(LIMITS.authorCharacters).default(""),
});
export type CommunityQuery = z.input<typeof communityQuerySchema>;

/** One published version of a scenario, as lists show it. */
export interface PublishedVersion {
  id: string;
  version: number;
  title: string;
  universe: ScenarioSummary["universe"];
  year: number;
  author: string;
  changelog: string;
  publishedAt: string;
}

/** A published scenario in the community list: its latest version, with the summary the briefing screen shows. */
export interface CommunityEntry extends PublishedVersion {
  summary: ScenarioSummary;
}
