/**
 * The load harness's baseline room: nothing of the game in it. Its state holds ENTITIES entities
 * (x, y, heading) that all move every step, at the match's step and patch rate (TICK_RATE), with no
 * physics, AI, fog of war or store. Served by scripts/load/minimalServer.ts.
 */
import { Room } from "@colyseus/core";
import { schema, t, type SchemaType } from "@colyseus/schema";
import { TICK_RATE } from "../../shared/rules/clock";

export const MINIMAL_ROOM = "minimal";
export const MINIMAL_READY_LINE = "Minimal server is running";
const ENTITIES = 20;
/** Map units per step each entity moves along its heading: enough that every field changes every step. */
const STEP_LENGTH = 0.5;
const MAP_SIZE = 1000;

const Entity = schema({ x: t.float64().default(0), y: t.float64().default(0), heading: t.float64().default(0) }, "Entity");
type Entity = SchemaType<typeof Entity>;
export const MinimalState = schema({ tick: t.uint32().default(0), entities: t.array(Entity) }, "MinimalState");
export type MinimalState = SchemaType<typeof MinimalState>;

export class MinimalRoom extends Room<{ state: MinimalState }> {
  maxClients = 64;

  onCreate(): void {
    this.state = new MinimalState();
    for (let i = 0; i < ENTITIES; i++) {
      const entity = new Entity();
      entity.x = Math.random() * MAP_SIZE;
      entity.y = Math.random() * MAP_SIZE;
      entity.heading = Math.random() * 2 * Math.PI;
      this.state.entities.push(entity);
    }
    this.setPatchRate(1000 / TICK_RATE);
    this.setFixedTimestep(() => this.step(), TICK_RATE);
  }

  private step(): void {
    this.state.tick++;
    for (const entity of this.state.entities) {
      entity.heading += 0.05;
      entity.x = (entity.x + Math.cos(entity.heading) * STEP_LENGTH + MAP_SIZE) % MAP_SIZE;
      entity.y = (entity.y + Math.sin(entity.heading) * STEP_LENGTH + MAP_SIZE) % MAP_SIZE;
    }
  }
}
