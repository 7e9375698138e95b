import { atlases } from "./atlases";
import type { InlineMap } from "./mapSchema";
import type { ScenarioFile } from "./scenarioSchema";

export interface MapProblem {
  path: (string | number)[];
  message: string;
}

/** Turns a map taken from an atlas into a map written out in full; an inline map is returned as it is. */
export function resolveMap(map: ScenarioFile["map"]): { ok: true; map: InlineMap } | { ok: false; problems: MapProblem[] } {
  if (!("atlas" in map)) return { ok: true, map };
  const atlas = atlases.get(map.atlas);
  if (!atlas) return { ok: false, problems: [{ path: ["map", "atlas"], message: `no atlas has the id "${map.atlas}" (known: ${[...atlases.keys()].join(", ")})` }] };
  const problems: MapProblem[] = [];
  const atlasSystems = new Map(atlas.systems.map((system) => [system.id, system]));
  const atlasRegions = new Map(atlas.regions.map((region) => [region.id, region]));
  map.systems?.forEach((id, i) => {
    if (!atlasSystems.has(id)) problems.push({ path: ["map", "systems", i], message: `atlas "${atlas.id}" has no system "${id}"` });
  });
  map.regions?.forEach((id, i) => {
    if (!atlasRegions.has(id)) problems.push({ path: ["map", "regions", i], message: `atlas "${atlas.id}" has no region "${id}"` });
  });
  const chosen = map.systems ? map.systems.map((id) => atlasSystems.get(id)).filter((system) => system !== undefined) : atlas.systems;
  const chosenIds = new Set(chosen.map((system) => system.id));
  for (const id of Object.keys(map.changes ?? {}))
    if (!chosenIds.has(id)) problems.push({ path: ["map", "changes", id], message: `changes a system that is not on this map ("${id}")` });
  if (problems.length > 0) return { ok: false, problems };
  const systems = chosen.map((system) => ({ ...system, ...(map.changes?.[system.id] ?? {}) }));
  const regions = map.regions ? map.regions.map((id) => atlasRegions.get(id)!) : atlas.regions;
  return {
    ok: true,
    map: { width: atlas.width, height: atlas.height, systems: [...systems, ...(map.addSystems ?? [])], regions: [...regions, ...(map.addRegions ?? [])] },
  };
}
