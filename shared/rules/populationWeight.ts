import { populationWeight as tuning } from "./tuning";

/** How much a colony counts, by its people: 1 at the reference population, a third more per tenfold (see tuning). */
export function populationWeight(population: number): number {
  if (population <= 0) return 0;
  const weight = 1 + Math.log10(population / tuning.referencePopulation) * tuning.perTenfold;
  return Math.max(tuning.min, Math.min(tuning.max, weight));
}
