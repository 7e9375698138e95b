import type { Scenario } from "../scenario/scenarioSchema";
import type { MovementWorld } from "./movement";

/** What the rules need beyond the state: the scenario's static data and, on the server, the physics world. */
export interface RulesContext {
  scenario: Scenario;
  /** Absent when a client previews an order's checks on its own copy of the state. */
  world: MovementWorld | null;
}
