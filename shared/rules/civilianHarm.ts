import type { MatchState, StarSystem } from "../state/MatchState";
import { logEvent } from "./eventLog";
import { populationWeight } from "./populationWeight";
import { chance } from "./random";
import type { Side } from "./sides";
import { civilianHarm } from "./tuning";

export type HarmfulAct = keyof typeof civilianHarm;

const described: Record<HarmfulAct, string> = {
  fight: "Fighting",
  raid: "A raid",
  strike: "A Maquis strike",
  assault: "An assault",
  crackdown: "The crackdown",
};

/**
 * Violence at a populated world hurts its people, and they blame whoever brought it: the world may
 * turn a step against that side, which pays in standing (the occupier's reputation, the Maquis'
 * standing) by the colony's size. Nothing happens at an empty rock or in open space.
 */
export function harmCivilians(state: MatchState, system: StarSystem | undefined, side: Side, act: HarmfulAct): void {
  if (!system || system.population === 0) return;
  const { shiftChance, standing } = civilianHarm[act];
  const cost = standing * populationWeight(system.population);
  if (side === "occupier") state.reputation = Math.max(0, state.reputation - cost);
  else state.maquisStanding = Math.max(0, state.maquisStanding - cost);
  if (chance(state, shiftChance)) system.sympathy = side === "occupier" ? Math.min(2, system.sympathy + 1) : Math.max(-2, system.sympathy - 1);
  const blamed = side === "occupier" ? "the occupier" : "the Maquis";
  logEvent(state, "all", "harm", `${described[act]} at ${system.name} hurt its people; they blame ${blamed}.`, system);
}
