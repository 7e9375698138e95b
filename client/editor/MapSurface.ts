import { css, html, LitElement, nothing, svg, unsafeCSS, type PropertyValues } from "lit";
import { palette } from "../theme";
import { entriesOf, freeId, idsOf, indexOf, sameSelected, type EditorModel, type Selected } from "./editorModel";
import { EDITOR_TUNING } from "./editorTuning";

export type MapTool = "select" | "system" | "region" | "force" | "base";
export type RegionKind = "plasma-storm" | "nebula" | "asteroid-field" | "treaty-border" | "zone";

/** Another modder's pointer and selection, drawn in their colour (from the co-editing session's awareness). */
export interface RemoteEditor {
  name: string;
  color: string;
  cursor: { x: number; y: number } | null;
  selection: Selected[];
}

interface Point {
  x: number;
  y: number;
}

const hex = (colour: number) => `#${colour.toString(16).padStart(6, "0")}`;
const num = (value: unknown, fallback = 0) => (typeof value === "number" && Number.isFinite(value) ? value : fallback);
const pointOf = (value: unknown): Point | null =>
  typeof value === "object" && value !== null && "x" in value && "y" in value ? { x: num((value as Point).x), y: num((value as Point).y) } : null;

type Gesture =
  | { kind: "pan"; from: Point; view: View; moved: boolean; pointer: number }
  | { kind: "box"; from: Point; to: Point; pointer: number }
  | { kind: "move"; from: Point; starts: Map<string, Point>; moved: boolean; pointer: number; clicked: Selected; additive: boolean }
  | { kind: "vertex"; region: string; vertex: number; pointer: number }
  | { kind: "force"; id: string; from: Point; moved: boolean; pointer: number }
  | { kind: "pinch"; distance: number; view: View };

/** The part of the map in view, in map units. */
interface View {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The map being edited, drawn as SVG: systems, regions with their vertices, starting ships and the
 * Maquis cells' candidate base sites. Place, drag (snapping to a grid), select several (Shift, or a box
 * with Shift-drag), reshape regions by their vertices, pan by dragging and zoom with the wheel or a pinch,
 * as on the match's map. Every change goes through the model, so it is undoable and checked.
 */
export class MapSurface extends LitElement {
  static properties = {
    model: { attribute: false },
    tool: {},
    regionKind: { attribute: false },
    forceSeat: { attribute: false },
    forceClass: { attribute: false },
    remotes: { attribute: false },
  };
  declare model: EditorModel;
  declare tool: MapTool;
  declare regionKind: RegionKind;
  declare forceSeat: string;
  declare forceClass: string;
  declare remotes: RemoteEditor[];
  /** Vertices of the region being drawn with the region tool. */
  private drawing: Point[] = [];
  private hover: Point | null = null;
  private view: View | null = null;
  private gesture: Gesture | null = null;
  private readonly pointers = new Map<number, Point>();
  private unsubscribe: (() => void) | null = null;

  constructor() {
    super();
    this.tool = "select";
    this.regionKind = "nebula";
    this.forceSeat = "";
    this.forceClass = "";
    this.remotes = [];
  }

  static styles = css`
    :host { display: block; position: relative; overflow: hidden; background: #05070d; touch-action: none; user-select: none; }
    svg { width: 100%; height: 100%; display: block; cursor: default; }
    :host([tool="system"]) svg, :host([tool="region"]) svg, :host([tool="force"]) svg { cursor: crosshair; }
    .label { fill: ${unsafeCSS(palette.systemLabel)}; font: 13px system-ui, sans-serif; pointer-events: none; paint-order: stroke; stroke: #05070d; stroke-width: 3px; }
    .region-label { font: 11px system-ui, sans-serif; pointer-events: none; paint-order: stroke; stroke: #05070d; opacity: 0.85; }
    .remote-name { font: 12px system-ui, sans-serif; pointer-events: none; paint-order: stroke; stroke: #05070d; stroke-width: 3px; }
    [data-system], [data-force], [data-region] { cursor: pointer; }
    [data-vertex], [data-midpoint] { cursor: move; }
  `;

  connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = this.model.onChange(() => this.requestUpdate());
    this.addEventListener("wheel", this.onWheel, { passive: false });
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.removeEventListener("wheel", this.onWheel);
  }

  protected updated(changed: PropertyValues): void {
    if (changed.has("tool")) {
      this.setAttribute("tool", this.tool);
      if (this.tool !== "region") this.drawing = [];
    }
  }

  /** The map's size from the draft, or a default while the draft has none. */
  private get mapSize(): { width: number; height: number } {
    const map = this.model.draft.map as Record<string, unknown> | undefined;
    return { width: num(map?.width, 1000), height: num(map?.height, 700) };
  }

  /** Shows the whole map. */
  frameAll(): void {
    const { width, height } = this.mapSize;
    const margin = Math.max(width, height) * 0.04;
    this.view = { x: -margin, y: -margin, width: width + 2 * margin, height: height + 2 * margin };
    this.requestUpdate();
  }

  /** Centres the view on a point of the map, keeping the zoom. */
  centreOn(point: Point): void {
    const view = this.currentView();
    this.view = { ...view, x: point.x - view.width / 2, y: point.y - view.height / 2 };
    this.requestUpdate();
  }

  /** Ends the region being drawn, if it has enough vertices (Enter); Escape calls `cancelDrawing`. */
  finishDrawing(): void {
    if (this.drawing.length < 3) return;
    const regions = idsOf(this.model.draft, "region");
    const id = freeId(regions, this.regionKind);
    const names: Record<RegionKind, string> = { "plasma-storm": "Plasma storm", nebula: "Nebula", "asteroid-field": "Asteroid field", "treaty-border": "Treaty border", zone: "Demilitarized Zone" };
    const count = entriesOf(this.model.draft, "region").length;
    this.model.insert(["map", "regions"], count, [{ id, name: names[this.regionKind], kind: this.regionKind, outline: this.drawing }]);
    this.drawing = [];
    this.pick([{ kind: "region", id }]);
  }

  cancelDrawing(): boolean {
    const was = this.drawing.length > 0;
    this.drawing = [];
    this.requestUpdate();
    return was;
  }

  private currentView(): View {
    if (!this.view) this.frameAll();
    return this.view!;
  }

  /** The map point under a screen position. */
  private toMap(clientX: number, clientY: number): Point {
    const svgElement = this.renderRoot.querySelector("svg");
    const matrix = svgElement?.getScreenCTM();
    if (!svgElement || !matrix) return { x: 0, y: 0 };
    const point = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    return { x: point.x, y: point.y };
  }

  /** Map units per screen pixel at the current zoom. */
  private unitsPerPixel(): number {
    const box = this.getBoundingClientRect();
    const view = this.currentView();
    return Math.max(view.width / Math.max(box.width, 1), view.height / Math.max(box.height, 1));
  }

  private snap(point: Point, free: boolean): Point {
    const { width, height } = this.mapSize;
    const step = free ? 1 : EDITOR_TUNING.snapUnits;
    const clamp = (value: number, max: number) => Math.min(max, Math.max(0, Math.round(value / step) * step));
    return { x: clamp(point.x, width), y: clamp(point.y, height) };
  }

  private readonly onWheel = (event: WheelEvent) => {
    event.preventDefault();
    this.zoomAround(this.toMap(event.clientX, event.clientY), event.deltaY > 0 ? EDITOR_TUNING.wheelZoomStep : 1 / EDITOR_TUNING.wheelZoomStep);
  };

  /** Scales the view by `factor` (above 1 shows more) keeping `centre` under the same screen point. */
  private zoomAround(centre: Point, factor: number, from = this.currentView()): void {
    const { width, height } = this.mapSize;
    const whole = Math.max(width, height);
    const widthAfter = Math.min(whole / EDITOR_TUNING.minZoom, Math.max(whole / EDITOR_TUNING.maxZoom, from.width * factor));
    const scale = widthAfter / from.width;
    this.view = { x: centre.x - (centre.x - from.x) * scale, y: centre.y - (centre.y - from.y) * scale, width: from.width * scale, height: from.height * scale };
    this.requestUpdate();
  }

  private systemPositions(): Map<string, Point> {
    return new Map(entriesOf(this.model.draft, "system").map(({ item }) => [String(item.id), { x: num(item.x), y: num(item.y) }]));
  }

  private nearestSystem(point: Point, within: number): string | null {
    let best: string | null = null;
    let bestDistance = within;
    for (const [id, at] of this.systemPositions()) {
      const distance = Math.hypot(at.x - point.x, at.y - point.y);
      if (distance <= bestDistance) [best, bestDistance] = [id, distance];
    }
    return best;
  }

  private onPointerDown(event: PointerEvent): void {
    (event.currentTarget as Element).setPointerCapture(event.pointerId);
    const at = this.toMap(event.clientX, event.clientY);
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      this.gesture = { kind: "pinch", distance: Math.hypot(a!.x - b!.x, a!.y - b!.y), view: this.currentView() };
      return;
    }
    const target = event.target as Element;
    const hit = (name: string) => target.closest(`[${name}]`)?.getAttribute(name) ?? null;
    const system = hit("data-system");
    const force = hit("data-force");
    const region = hit("data-region");
    const vertex = hit("data-vertex");
    const midpoint = hit("data-midpoint");
    if (this.tool === "system" && !system) return this.addSystem(this.snap(at, event.altKey));
    if (this.tool === "region") return this.addVertex(at, event);
    if (this.tool === "force") return this.addForce(at, system, event.altKey);
    if (this.tool === "base") {
      if (system) this.toggleBaseSite(system);
      return;
    }
    const selectedRegion = this.model.selection.find((item) => item.kind === "region");
    if (selectedRegion && vertex !== null) {
      this.model.beginGesture();
      this.gesture = { kind: "vertex", region: selectedRegion.id, vertex: Number(vertex), pointer: event.pointerId };
      return;
    }
    if (selectedRegion && midpoint !== null) {
      const index = indexOf(this.model.draft, selectedRegion);
      this.model.beginGesture();
      this.model.insert(["map", "regions", index, "outline"], Number(midpoint) + 1, [this.snap(at, event.altKey)]);
      this.gesture = { kind: "vertex", region: selectedRegion.id, vertex: Number(midpoint) + 1, pointer: event.pointerId };
      return;
    }
    if (force) {
      this.pick([{ kind: "force", id: force }]);
      this.model.beginGesture();
      this.gesture = { kind: "force", id: force, from: at, moved: false, pointer: event.pointerId };
      return;
    }
    if (system || region) {
      const clicked: Selected = system ? { kind: "system", id: system } : { kind: "region", id: region! };
      const already = this.model.selection.some((item) => sameSelected(item, clicked));
      if (event.shiftKey) this.model.select(already ? this.model.selection.filter((item) => !sameSelected(item, clicked)) : [...this.model.selection, clicked]);
      else if (!already) this.pick([clicked]);
      this.model.beginGesture();
      this.gesture = { kind: "move", from: at, starts: this.startsOfSelection(), moved: false, pointer: event.pointerId, clicked, additive: event.shiftKey };
      return;
    }
    this.gesture = event.shiftKey ? { kind: "box", from: at, to: at, pointer: event.pointerId } : { kind: "pan", from: { x: event.clientX, y: event.clientY }, view: this.currentView(), moved: false, pointer: event.pointerId };
  }

  /** Where each selected system and each vertex of each selected region starts a move. */
  private startsOfSelection(): Map<string, Point> {
    const starts = new Map<string, Point>();
    for (const item of this.model.selection) {
      const entry = entriesOf(this.model.draft, item.kind).find(({ item: thing }) => thing.id === item.id)?.item;
      if (!entry) continue;
      if (item.kind === "system") starts.set(`system:${item.id}`, { x: num(entry.x), y: num(entry.y) });
      if (item.kind === "region" && Array.isArray(entry.outline))
        entry.outline.forEach((vertex, i) => {
          const point = pointOf(vertex);
          if (point) starts.set(`region:${item.id}:${i}`, point);
        });
    }
    return starts;
  }

  private onPointerMove(event: PointerEvent): void {
    const at = this.toMap(event.clientX, event.clientY);
    this.hover = at;
    this.dispatchEvent(new CustomEvent<Point>("cursor", { detail: at }));
    if (this.pointers.has(event.pointerId)) this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const gesture = this.gesture;
    if (!gesture) {
      if (this.tool === "region" && this.drawing.length > 0) this.requestUpdate();
      return;
    }
    if (gesture.kind === "pinch") {
      const [a, b] = [...this.pointers.values()];
      if (!a || !b) return;
      const distance = Math.hypot(a.x - b.x, a.y - b.y);
      const centre = this.toMap((a.x + b.x) / 2, (a.y + b.y) / 2);
      this.zoomAround(centre, gesture.distance / Math.max(distance, 1), gesture.view);
      return;
    }
    if (gesture.pointer !== event.pointerId) return;
    const far = (from: Point) => Math.hypot(at.x - from.x, at.y - from.y) / this.unitsPerPixel() >= EDITOR_TUNING.dragThresholdPx;
    if (gesture.kind === "pan") {
      const box = this.getBoundingClientRect();
      const scale = gesture.view.width / Math.max(box.width, 1);
      const dx = event.clientX - gesture.from.x;
      const dy = event.clientY - gesture.from.y;
      if (Math.hypot(dx, dy) >= EDITOR_TUNING.dragThresholdPx) gesture.moved = true;
      this.view = { ...gesture.view, x: gesture.view.x - dx * scale, y: gesture.view.y - dy * scale };
      this.requestUpdate();
    } else if (gesture.kind === "box") {
      gesture.to = at;
      this.requestUpdate();
    } else if (gesture.kind === "move") {
      if (!gesture.moved && !far(gesture.from)) return;
      gesture.moved = true;
      const delta = { x: at.x - gesture.from.x, y: at.y - gesture.from.y };
      this.model.batch(() => {
        for (const [key, start] of gesture.starts) {
          const [kind, id, vertex] = key.split(":");
          const target = this.snap({ x: start.x + delta.x, y: start.y + delta.y }, event.altKey);
          const index = indexOf(this.model.draft, { kind: kind as Selected["kind"], id: id! });
          if (index < 0) continue;
          if (kind === "system") {
            this.model.set(["map", "systems", index, "x"], target.x);
            this.model.set(["map", "systems", index, "y"], target.y);
          } else this.model.set(["map", "regions", index, "outline", Number(vertex)], target);
        }
      });
    } else if (gesture.kind === "vertex") {
      const index = indexOf(this.model.draft, { kind: "region", id: gesture.region });
      if (index >= 0) this.model.set(["map", "regions", index, "outline", gesture.vertex], this.snap(at, event.altKey));
    } else if (gesture.kind === "force") {
      if (!gesture.moved && !far(gesture.from)) return;
      gesture.moved = true;
      this.hover = at;
      this.requestUpdate();
    }
  }

  private onPointerUp(event: PointerEvent): void {
    this.pointers.delete(event.pointerId);
    const gesture = this.gesture;
    if (!gesture) return;
    if (gesture.kind === "pinch") {
      if (this.pointers.size < 2) this.gesture = null;
      return;
    }
    if (gesture.pointer !== event.pointerId) return;
    this.gesture = null;
    const at = this.toMap(event.clientX, event.clientY);
    if (gesture.kind === "pan" && !gesture.moved) this.model.select([]);
    if (gesture.kind === "box") this.selectInBox(gesture.from, gesture.to);
    if (gesture.kind === "move" && !gesture.moved && !gesture.additive) this.pick([gesture.clicked]);
    if (gesture.kind === "force" && gesture.moved) {
      const index = indexOf(this.model.draft, { kind: "force", id: gesture.id });
      const system = this.nearestSystem(at, EDITOR_TUNING.dropOnSystemUnits);
      if (index >= 0) this.model.set(["forces", index, "at"], system ?? this.snap(at, event.altKey));
    }
    if (gesture.kind === "move" || gesture.kind === "vertex" || gesture.kind === "force") this.model.endGesture();
    this.requestUpdate();
  }

  /** Ends the region being drawn; on a selected region's corner, removes that corner (a region keeps at least three). */
  private onDoubleClick(event: MouseEvent): void {
    if (this.tool === "region") return this.finishDrawing();
    const vertex = (event.target as Element).closest("[data-vertex]")?.getAttribute("data-vertex");
    const region = this.model.selection.find((item) => item.kind === "region");
    if (vertex === null || vertex === undefined || !region) return;
    const index = indexOf(this.model.draft, region);
    const outline = entriesOf(this.model.draft, "region").find((entry) => entry.index === index)?.item.outline;
    if (index >= 0 && Array.isArray(outline) && outline.length > 3) this.model.remove(["map", "regions", index, "outline"], Number(vertex));
  }

  /** Selects what the modder picked on the map, and says so (the editor shows its form). */
  private pick(selection: Selected[]): void {
    this.model.select(selection);
    if (selection.length > 0) this.dispatchEvent(new CustomEvent("picked"));
  }

  private selectInBox(from: Point, to: Point): void {
    const inside = (point: Point) => point.x >= Math.min(from.x, to.x) && point.x <= Math.max(from.x, to.x) && point.y >= Math.min(from.y, to.y) && point.y <= Math.max(from.y, to.y);
    const systems = [...this.systemPositions()].filter(([, point]) => inside(point)).map(([id]): Selected => ({ kind: "system", id }));
    this.model.select([...this.model.selection.filter((item) => item.kind !== "system"), ...systems]);
  }

  private addSystem(at: Point): void {
    const taken = idsOf(this.model.draft, "system");
    const id = freeId(taken, "system");
    const count = entriesOf(this.model.draft, "system").length;
    this.model.insert(["map", "systems"], count, [{ id, name: "New system", x: at.x, y: at.y, population: 0, sympathy: 0, controller: "independent" }]);
    this.pick([{ kind: "system", id }]);
  }

  private addVertex(at: Point, event: PointerEvent): void {
    const first = this.drawing[0];
    if (first && this.drawing.length >= 3 && Math.hypot(at.x - first.x, at.y - first.y) / this.unitsPerPixel() <= EDITOR_TUNING.closeRegionPx) return this.finishDrawing();
    this.drawing = [...this.drawing, this.snap(at, event.altKey)];
    this.requestUpdate();
  }

  private addForce(at: Point, system: string | null, free: boolean): void {
    if (!this.forceSeat || !this.forceClass) return;
    const id = freeId(idsOf(this.model.draft, "force"), "ship");
    const count = entriesOf(this.model.draft, "force").length;
    this.model.insert(["forces"], count, [{ id, name: "New ship", class: this.forceClass, seat: this.forceSeat, at: system ?? this.snap(at, free) }]);
    this.pick([{ kind: "force", id }]);
  }

  /** Adds the system to (or takes it from) the candidate base sites of the Maquis cell chosen in the toolbar. */
  private toggleBaseSite(system: string): void {
    const seats = Array.isArray(this.model.draft.seats) ? (this.model.draft.seats as Record<string, unknown>[]) : [];
    const index = seats.findIndex((seat) => seat?.id === this.forceSeat && seat.side === "maquis");
    if (index < 0) return;
    const candidates = Array.isArray(seats[index]!.baseCandidates) ? (seats[index]!.baseCandidates as unknown[]) : [];
    const at = candidates.indexOf(system);
    if (at >= 0) this.model.remove(["seats", index, "baseCandidates"], at);
    else this.model.insert(["seats", index, "baseCandidates"], candidates.length, [system]);
  }

  render() {
    const view = this.currentView();
    const unit = this.unitsPerPixel();
    const { width, height } = this.mapSize;
    const draft = this.model.draft;
    const selected = (kind: Selected["kind"], id: string) => this.model.selection.some((item) => item.kind === kind && item.id === id);
    const positions = this.systemPositions();
    const seats = Array.isArray(draft.seats) ? (draft.seats as Record<string, unknown>[]) : [];
    const sideOf = new Map(seats.map((seat) => [String(seat?.id), String(seat?.side)]));
    const baseSites = new Set(seats.flatMap((seat) => (Array.isArray(seat?.baseCandidates) ? (seat.baseCandidates as string[]) : [])));
    const shipsAt = new Map<string, number>();
    // Ships whose system is gone wait in a row along the map's top edge, marked, to be dragged onto a system.
    let stranded = 0;
    const remoteSelections = this.remotes.flatMap((remote) => remote.selection.map((item) => ({ item, color: remote.color })));
    return html`<svg
      viewBox="${view.x} ${view.y} ${view.width} ${view.height}"
      preserveAspectRatio="xMidYMid meet"
      @pointerdown=${(event: PointerEvent) => this.onPointerDown(event)}
      @pointermove=${(event: PointerEvent) => this.onPointerMove(event)}
      @pointerup=${(event: PointerEvent) => this.onPointerUp(event)}
      @pointercancel=${(event: PointerEvent) => this.onPointerUp(event)}
      @dblclick=${(event: MouseEvent) => this.onDoubleClick(event)}
    >
      <rect x="0" y="0" width=${width} height=${height} fill="#0a0f1c" stroke="#2a3550" stroke-width=${unit} />
      ${entriesOf(draft, "region").map(({ item }) => {
        const outline = Array.isArray(item.outline) ? item.outline.map(pointOf).filter((point): point is Point => point !== null) : [];
        const style = palette.region[String(item.kind)] ?? palette.region.zone!;
        const isSelected = selected("region", String(item.id));
        const remote = remoteSelections.find(({ item: other }) => other.kind === "region" && other.id === item.id);
        return svg`<polygon data-region=${String(item.id)} points=${outline.map((point) => `${point.x},${point.y}`).join(" ")}
          fill=${hex(style.fill)} fill-opacity=${Math.max(style.alpha, 0.04)} stroke=${isSelected ? "#ffffff" : (remote?.color ?? hex(style.line))}
          stroke-width=${(isSelected || remote ? 2.5 : 1.5) * unit} stroke-dasharray=${item.kind === "treaty-border" ? `${6 * unit} ${4 * unit}` : "none"} />
          ${outline[0] ? svg`<text class="region-label" x=${outline[0].x + 6 * unit} y=${outline[0].y + 16 * unit} fill=${hex(style.line)} style="font-size:${11 * unit}px; stroke-width:${3 * unit}px">${String(item.name ?? item.id)}</text>` : nothing}`;
      })}
      ${entriesOf(draft, "system").map(({ item }) => {
        const id = String(item.id);
        const x = num(item.x);
        const y = num(item.y);
        const sympathy = Math.max(-2, Math.min(2, Math.round(num(item.sympathy))));
        const remote = remoteSelections.find(({ item: other }) => other.kind === "system" && other.id === id);
        return svg`<g data-system=${id} transform="translate(${x} ${y})">
          <circle r=${14 * unit} fill="transparent" />
          ${baseSites.has(id) ? svg`<circle r=${12 * unit} fill="none" stroke=${hex(palette.maquis)} stroke-width=${1.5 * unit} stroke-dasharray="${3 * unit} ${2 * unit}" data-base-site />` : nothing}
          <circle r=${6 * unit} fill=${hex(palette.systemStar)} stroke=${hex(palette.sympathy[sympathy + 2]!)} stroke-width=${2.5 * unit} />
          ${selected("system", id) ? svg`<circle r=${16 * unit} fill="none" stroke="#ffffff" stroke-width=${2 * unit} />` : nothing}
          ${remote ? svg`<circle data-remote-selected r=${19 * unit} fill="none" stroke=${remote.color} stroke-width=${2 * unit} />` : nothing}
          <text class="label" x=${10 * unit} y=${-9 * unit} style="font-size:${13 * unit}px; stroke-width:${3 * unit}px">${String(item.name ?? id)}</text>
        </g>`;
      })}
      ${entriesOf(draft, "force").map(({ item }) => {
        const id = String(item.id);
        const systemAt = typeof item.at === "string" ? positions.get(item.at) : undefined;
        const dragging = this.gesture?.kind === "force" && this.gesture.id === id && this.gesture.moved && this.hover;
        const lost = !dragging && !systemAt && pointOf(item.at) === null;
        let at = dragging ? this.hover! : (systemAt ?? pointOf(item.at) ?? { x: 12 * unit + stranded++ * 18 * unit, y: 12 * unit });
        if (systemAt && !dragging) {
          const n = shipsAt.get(String(item.at)) ?? 0;
          shipsAt.set(String(item.at), n + 1);
          const angle = Math.PI / 4 + n * (Math.PI / 3);
          at = { x: at.x + Math.cos(angle) * 20 * unit, y: at.y + Math.sin(angle) * 20 * unit };
        }
        const side = sideOf.get(String(item.seat));
        const colour = side === "maquis" ? hex(palette.maquis) : side === "occupier" ? hex(palette.occupier) : "#aaaaaa";
        const s = 6 * unit;
        const route = selected("force", id) && Array.isArray(item.route) ? item.route.map((stop) => positions.get(String(stop))).filter((point): point is Point => point !== undefined) : [];
        return svg`${route.length > 1 ? svg`<polyline points=${[...route, route[0]!].map((point) => `${point.x},${point.y}`).join(" ")} fill="none" stroke=${colour} stroke-width=${1.5 * unit} stroke-dasharray="${5 * unit} ${4 * unit}" />` : nothing}
          <g data-force=${id} transform="translate(${at.x} ${at.y})">
            <circle r=${10 * unit} fill="transparent" />
            <polygon points="0,${-s} ${s},${s} ${-s},${s}" fill=${colour} stroke=${selected("force", id) ? "#ffffff" : "#05070d"} stroke-width=${1.5 * unit} />
            ${lost ? svg`<circle data-stranded r=${9 * unit} fill="none" stroke="#ff7a5c" stroke-width=${1.5 * unit} stroke-dasharray="${2 * unit} ${2 * unit}" />` : nothing}
          </g>`;
      })}
      ${this.renderSelectedRegionHandles(unit)}
      ${this.renderDrawing(unit)}
      ${this.gesture?.kind === "box"
        ? svg`<rect x=${Math.min(this.gesture.from.x, this.gesture.to.x)} y=${Math.min(this.gesture.from.y, this.gesture.to.y)}
            width=${Math.abs(this.gesture.to.x - this.gesture.from.x)} height=${Math.abs(this.gesture.to.y - this.gesture.from.y)}
            fill="#ffffff" fill-opacity="0.06" stroke="#ffffff" stroke-width=${unit} stroke-dasharray="${4 * unit} ${3 * unit}" />`
        : nothing}
      ${this.remotes.map((remote) =>
        remote.cursor
          ? svg`<g data-remote-cursor=${remote.name} transform="translate(${remote.cursor.x} ${remote.cursor.y})">
              <path d="M0 0 L0 ${16 * unit} L${4.5 * unit} ${12 * unit} L${8 * unit} ${19 * unit} L${10.5 * unit} ${18 * unit} L${7 * unit} ${11 * unit} L${12 * unit} ${11 * unit} Z" fill=${remote.color} stroke="#05070d" stroke-width=${unit} />
              <text class="remote-name" x=${14 * unit} y=${22 * unit} fill=${remote.color} style="font-size:${12 * unit}px; stroke-width:${3 * unit}px">${remote.name}</text>
            </g>`
          : nothing,
      )}
    </svg>`;
  }

  /** A selected region's vertices to drag, and a handle halfway along each edge to add one there. */
  private renderSelectedRegionHandles(unit: number) {
    const region = this.model.selection.find((item) => item.kind === "region");
    const entry = region && entriesOf(this.model.draft, "region").find(({ item }) => item.id === region.id)?.item;
    if (!entry || !Array.isArray(entry.outline)) return nothing;
    const outline = entry.outline.map(pointOf);
    return svg`${outline.map((point, i) => {
      const next = outline[(i + 1) % outline.length];
      if (!point || !next) return nothing;
      return svg`<circle data-midpoint=${i} cx=${(point.x + next.x) / 2} cy=${(point.y + next.y) / 2} r=${4 * unit} fill="#05070d" stroke="#ffffff" stroke-opacity="0.6" stroke-width=${unit} />`;
    })}
    ${outline.map((point, i) => (point ? svg`<circle data-vertex=${i} cx=${point.x} cy=${point.y} r=${6 * unit} fill="#ffffff" stroke="#05070d" stroke-width=${1.5 * unit} />` : nothing))}`;
  }

  private renderDrawing(unit: number) {
    if (this.tool !== "region" || this.drawing.length === 0) return nothing;
    const points = this.hover ? [...this.drawing, this.hover] : this.drawing;
    return svg`<polyline data-drawing points=${points.map((point) => `${point.x},${point.y}`).join(" ")} fill="none" stroke="#ffffff" stroke-width=${1.5 * unit} stroke-dasharray="${4 * unit} ${3 * unit}" />
      ${this.drawing.map((point) => svg`<circle cx=${point.x} cy=${point.y} r=${4 * unit} fill="#ffffff" />`)}`;
  }
}

customElements.define("map-surface", MapSurface);
