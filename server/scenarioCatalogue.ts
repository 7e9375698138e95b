import { parseScenarioText } from "../shared/scenario/parseScenario";
import type { Scenario } from "../shared/scenario/scenarioSchema";
import { log } from "./log";
import type { PlaytestDrafts } from "./playtestDrafts";
import { scenarioVersion } from "./rooms/matchRecorder";
import type { ScenarioLibrary } from "./scenarioLibrary";
import type { ScenarioShelf, ShelfRow } from "./store/scenarioShelf";

/** Parsed published versions kept, so lists and new matches do not parse the same file again and again. */
const PARSED_VERSIONS_KEPT = 300;

/**
 * Every scenario a match may be played on, by id, in one place: the bundled ones first, then playtest
 * drafts ("playtest-…", in memory), then the community's published ones (their latest version for a
 * new match). Ids cannot clash: a published id is refused if a bundled scenario has it or it starts
 * with "playtest-" (server/http/communityApi.ts), and a draft's id is random under that prefix.
 */
export class ScenarioCatalogue {
  /** "id@version" → the parsed scenario; published versions never change, so this never goes stale. */
  private readonly parsed = new Map<string, Scenario | null>();

  constructor(
    readonly library: ScenarioLibrary,
    readonly drafts: PlaytestDrafts,
    readonly shelf: ScenarioShelf | null,
  ) {}

  /** The scenario a new match of this id is played on. */
  async current(id: string): Promise<Scenario | undefined> {
    const known = this.library.get(id) ?? this.drafts.get(id);
    if (known) return known;
    const row = await this.shelf?.version(id);
    return row ? this.parse(row) : undefined;
  }

  /**
   * The scenario a recorded match was played on, for its resume, replay or a fork: the one whose hash is
   * the match's recorded `version`, so a match of a published version still replays after a later one
   * appears. When no version has that hash, the current one (callers that need the very version check).
   */
  async recorded(id: string, version: string): Promise<Scenario | undefined> {
    const known = this.library.get(id) ?? this.drafts.get(id);
    if (known && scenarioVersion(known) === version) return known;
    const row = await this.shelf?.versionWithHash(id, version);
    const published = row ? this.parse(row) : undefined;
    return published ?? (await this.current(id));
  }

  /** A published version's scenario, parsed once; undefined (and logged) if the parser no longer accepts its file. */
  parse(row: ShelfRow): Scenario | undefined {
    const key = `${row.id}@${row.version}`;
    let scenario = this.parsed.get(key);
    if (scenario === undefined) {
      const result = parseScenarioText(row.file);
      scenario = result.ok ? result.scenario : null;
      if (!result.ok) log.warn({ scenario: row.id, version: row.version, problems: result.problems.slice(0, 3) }, "a published scenario no longer parses");
      if (this.parsed.size >= PARSED_VERSIONS_KEPT) this.parsed.delete(this.parsed.keys().next().value!);
      this.parsed.set(key, scenario);
    }
    return scenario ?? undefined;
  }
}
