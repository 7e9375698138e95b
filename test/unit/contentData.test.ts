import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../server/config";
import { factionListSchema } from "../../shared/scenario/factionSchema";
import { shipClassListSchema } from "../../shared/scenario/shipClassSchema";

const data = (file: string) => JSON.parse(readFileSync(join(repoRoot, "assets", "data", file), "utf8"));

describe("content data in assets/data", () => {
  it("every ship class validates and names a known faction", () => {
    const result = shipClassListSchema.safeParse(data("ship-classes.json"));
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it("every faction validates, with unique ids", () => {
    const result = factionListSchema.safeParse(data("factions.json"));
    expect(result.success ? [] : result.error.issues).toEqual([]);
    const ids = data("factions.json").map((faction: { id: string }) => faction.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("the canon classes of CANON.md §2 are all there", () => {
    const ids = data("ship-classes.json").map((shipClass: { id: string }) => shipClass.id);
    for (const id of ["maquis-raider", "maquis-fighter", "peregrine-courier", "freighter", "galor", "keldon", "hideki", "jemhadar-attack-ship", "klingon-bird-of-prey", "runabout"])
      expect(ids).toContain(id);
  });

  it("a class with an unknown faction or an impossible number is rejected, naming the field", () => {
    const broken = data("ship-classes.json");
    broken[0].faction = "borg";
    broken[1].speed = -3;
    const result = shipClassListSchema.safeParse(broken);
    expect(result.success).toBe(false);
    const paths = result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
    expect(paths).toContain("0.faction");
    expect(paths).toContain("1.speed");
  });
});
