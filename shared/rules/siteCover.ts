import type { MatchState, StarSystem } from "../state/MatchState";
import { inRegionKind } from "./geometry";
import { baseSiteCover } from "./tuning";

/** How hard a base at this system is to locate: a hollowed moon best, then asteroid belts and storm pockets (see tuning). */
export function baseSiteCoverOf(state: MatchState, system: StarSystem): number {
  if (system.hollowedMoon) return baseSiteCover.hollowedMoon;
  let cover: number = baseSiteCover.open;
  for (const kind of ["asteroid-field", "plasma-storm", "nebula"] as const)
    if (inRegionKind(state, system.x, system.y, kind)) cover = Math.min(cover, baseSiteCover[kind]);
  return cover;
}
