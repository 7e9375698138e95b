import type { Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import type { Side } from "../../shared/rules/sides";
import { visibleShipIds } from "../../shared/rules/visibility";
import type { MatchState } from "../../shared/state/MatchState";
import { MAQUIS_INTEL_TAG, OCCUPIER_INTEL_TAG, OWN_SIDE_TAG } from "../../shared/state/viewTags";

/** Who a connection is, for deciding what it may see. */
export interface Viewer {
  side: Side;
  /** The seat played, or "" for a spectator watching `side`. */
  seat: string;
}

interface ViewerState extends Viewer {
  view: StateView;
  shownShips: Set<string>;
  shownEngagements: Set<string>;
  /** Log entries already judged for this viewer (entries are immutable once written). */
  judgedLog: WeakSet<object>;
  setUp: boolean;
  revealedAll: boolean;
}

const intelTagOf = (side: Side) => (side === "occupier" ? OCCUPIER_INTEL_TAG : MAQUIS_INTEL_TAG);

/**
 * Fog of war on the wire: every connection has its own StateView holding only what its side senses.
 * Ships, cells, the occupier's books, engagements and log lines live in view-only collections, so
 * anything not added here never leaves the server. When the match ends, everything is revealed.
 */
export class FogOfWar {
  private readonly viewers = new Map<string, ViewerState>();

  /** `revealEverything` for replays: the match is over, so nothing is hidden from anyone. */
  constructor(private readonly revealEverything = false) {}

  attach(client: Client, viewer: Viewer): void {
    const view = new StateView();
    client.view = view;
    this.viewers.set(client.sessionId, {
      ...viewer,
      view,
      shownShips: new Set(),
      shownEngagements: new Set(),
      judgedLog: new WeakSet(),
      setUp: false,
      revealedAll: false,
    });
  }

  detach(client: Client): void {
    this.viewers.get(client.sessionId)?.view.dispose();
    this.viewers.delete(client.sessionId);
  }

  /** Brings every view up to date; call once per tick, after the rules ran. (What a side sees needs nothing of the rules' context.) */
  update(state: MatchState): void {
    if (this.viewers.size === 0) return;
    const ended = this.revealEverything || state.phase === "ended";
    const visible: Record<Side, Set<string>> = {
      maquis: visibleShipIds(state, "maquis"),
      occupier: visibleShipIds(state, "occupier"),
    };
    for (const viewer of this.viewers.values()) {
      if (!viewer.setUp) this.setUp(state, viewer);
      if (ended && !viewer.revealedAll) this.revealAll(state, viewer);
      this.updateShips(state, viewer, ended ? null : visible[viewer.side]);
      this.updateEngagements(state, viewer, ended);
      this.updateLog(state, viewer, ended);
    }
  }

  private setUp(state: MatchState, viewer: ViewerState): void {
    viewer.setUp = true;
    state.systems.forEach((system) => viewer.view.add(system, intelTagOf(viewer.side)));
    if (viewer.side === "occupier") viewer.view.add(state.occupier);
    // Each side follows its own objectives' counts; the other side's could count what it cannot see.
    state.objectives.forEach((objective) => {
      if (objective.side === viewer.side) viewer.view.add(objective, OWN_SIDE_TAG);
    });
    state.cells.forEach((cell) => {
      // A cell's holdings are its own; a spectator of the Maquis side sees every cell's.
      if (cell.id === viewer.seat || (viewer.seat === "" && viewer.side === "maquis")) viewer.view.add(cell);
    });
  }

  private revealAll(state: MatchState, viewer: ViewerState): void {
    viewer.revealedAll = true;
    const other: Side = viewer.side === "maquis" ? "occupier" : "maquis";
    state.systems.forEach((system) => viewer.view.add(system, intelTagOf(other)));
    if (!viewer.view.has(state.occupier)) viewer.view.add(state.occupier);
    state.cells.forEach((cell) => {
      if (!viewer.view.has(cell)) viewer.view.add(cell);
    });
    state.objectives.forEach((objective) => viewer.view.add(objective, OWN_SIDE_TAG));
    // The day-by-day figures would give away hidden holdings during play; they are for the results screen.
    state.history.forEach((sample) => viewer.view.add(sample));
  }

  /** `visible` null means everything (the match is over). */
  private updateShips(state: MatchState, viewer: ViewerState, visible: Set<string> | null): void {
    for (const id of viewer.shownShips) if (!state.ships.has(id)) viewer.shownShips.delete(id);
    state.ships.forEach((ship, id) => {
      const wanted = visible === null || visible.has(id);
      const shown = viewer.shownShips.has(id);
      if (wanted && !shown) {
        viewer.view.add(ship);
        if (visible === null || ship.side === viewer.side) viewer.view.add(ship, OWN_SIDE_TAG);
        viewer.shownShips.add(id);
      } else if (!wanted && shown) {
        viewer.view.remove(ship);
        viewer.shownShips.delete(id);
      }
    });
  }

  private updateEngagements(state: MatchState, viewer: ViewerState, ended: boolean): void {
    for (const id of viewer.shownEngagements) if (!state.engagements.has(id)) viewer.shownEngagements.delete(id);
    state.engagements.forEach((engagement, id) => {
      if (viewer.shownEngagements.has(id)) return;
      if (ended || viewer.shownShips.has(engagement.attacker) || viewer.shownShips.has(engagement.defender)) {
        viewer.view.add(engagement);
        viewer.shownEngagements.add(id);
      }
    });
  }

  private updateLog(state: MatchState, viewer: ViewerState, ended: boolean): void {
    // New entries are at the end: walk back until one already judged.
    for (let i = state.log.length - 1; i >= 0; i--) {
      const entry = state.log[i]!;
      if (viewer.judgedLog.has(entry) && !ended) break;
      if (viewer.judgedLog.has(entry) && viewer.view.has(entry)) continue;
      viewer.judgedLog.add(entry);
      const audience = entry.audience;
      const readable = ended || audience === "all" || audience === viewer.side || (audience === viewer.seat && viewer.seat !== "");
      const spectatorOfSide = viewer.seat === "" && state.seats.get(audience)?.side === viewer.side;
      if (readable || spectatorOfSide) viewer.view.add(entry);
    }
  }
}
