import dmzPrimary from "../../assets/data/atlases/dmz-primary.json" with { type: "json" };
import mirrorEmpire from "../../assets/data/atlases/mirror-empire.json" with { type: "json" };
import reborn2390s from "../../assets/data/atlases/reborn-2390s.json" with { type: "json" };
import { atlasSchema, type Atlas } from "./atlasSchema";

/** The bundled atlases, validated once when first imported (a broken atlas fails loudly here and in the tests). */
export const atlases: ReadonlyMap<string, Atlas> = new Map([dmzPrimary, mirrorEmpire, reborn2390s].map((data) => {
  const atlas = atlasSchema.parse(data);
  return [atlas.id, atlas];
}));
