import { AT_SYSTEM_RADIUS } from "../../shared/rules/tuning";
import { distance } from "../../shared/rules/geometry";
import { systemYield } from "../../shared/rules/round";
import type { MatchState } from "../../shared/state/MatchState";

/** Sympathy -2 … +2 in words, for the system card and the map key. */
export const SYMPATHY_NAMES = ["loyal to the occupier", "leaning to the occupier", "neutral", "leaning to the Maquis", "devoted to the Maquis"] as const;

export function sympathyName(sympathy: number): string {
  return SYMPATHY_NAMES[Math.max(-2, Math.min(2, sympathy)) + 2]!;
}

/** What the system card shows of one system, from this viewer's state only. */
export interface SystemFacts {
  id: string;
  name: string;
  x: number;
  y: number;
  /** "15,000 colonists", or "uninhabited". */
  people: string;
  /** Sympathy in words; "" for an empty world. */
  sympathy: string;
  sympathyLevel: number;
  controller: string;
  garrison: number;
  /** Each side's intel on the system (0–100) as this viewer knows it; a number is absent when its side's books are not this viewer's. */
  intel: { occupier?: number; maquis?: number };
  /** What it yields each round as things stand. */
  yields: string;
  /** Ships this viewer sees there. */
  ships: string[];
  notes: string[];
}

/** The facts of one system as the viewer's state holds them: nothing the server did not send. */
export function systemFacts(state: MatchState, id: string, ownBase: string): SystemFacts | undefined {
  const system = state.systems.get(id);
  if (!system) return undefined;
  const inhabited = system.population > 0;
  const yields = systemYield(state, system);
  const yieldWords: string[] = [];
  if (yields.supplies > 0) yieldWords.push(`${yields.supplies.toFixed(1)} supplies`);
  if (yields.recruits > 0) yieldWords.push(`${yields.recruits.toFixed(1)} recruits`);
  if (yieldWords.length > 0) yieldWords[0] = `to the Maquis: ${yieldWords[0]}`;
  if (yields.requisition > 0) yieldWords.push(`to the occupier: ${yields.requisition.toFixed(1)} requisition`);
  const notes: string[] = [];
  if (system.id === ownBase) notes.push("Your cell's base is hidden here.");
  if (system.hollowedMoon) notes.push("A hollowed moon: a ship parked here is all but invisible.");
  if (system.doomedAt >= 0 && inhabited) notes.push(`Doomed: its people will be lost on day ${Math.floor(system.doomedAt / 24) + 1}.`);
  return {
    id: system.id,
    name: system.name,
    x: system.x,
    y: system.y,
    people: inhabited ? `${system.population.toLocaleString("en")} colonists` : "uninhabited",
    sympathy: inhabited ? sympathyName(system.sympathy) : "",
    sympathyLevel: system.sympathy,
    controller: system.controller,
    garrison: system.garrison,
    // A field the view left out decodes as undefined: that side's intel is not this viewer's to know.
    intel: {
      ...(typeof system.intelOccupier === "number" ? { occupier: system.intelOccupier } : {}),
      ...(typeof system.intelMaquis === "number" ? { maquis: system.intelMaquis } : {}),
    },
    yields: yieldWords.length > 0 ? `${yieldWords.join(", ")} a round` : "nothing",
    ships: [...state.ships.values()].filter((ship) => distance(ship, system) <= AT_SYSTEM_RADIUS).map((ship) => ship.name),
    notes,
  };
}
