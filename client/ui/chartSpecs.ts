import type { HistoryPoint } from "./historyPoints";

/* What the results charts show and how their axes are sized: plain data and arithmetic, so it can be tested without a canvas. */

/** Line colours, named so each chart's title can say which line is which. */
export const LINE_COLOURS = { amber: "#f0a040", red: "#e0503c", grey: "#9aa3b5" } as const;

export interface ChartSpec {
  title: string;
  /** What the y axis measures, written along it. */
  yLabel: string;
  series: { label: string; colour: keyof typeof LINE_COLOURS; value: (point: HistoryPoint) => number | null }[];
  /** A fixed y range, for figures on a known scale; otherwise the chart fits its lines. */
  yRange?: [number, number];
}

/** The x axis of every chart: the match day, counted like the match clock (day 1 first). */
export const X_LABEL = "day";

export const CHARTS: ChartSpec[] = [
  {
    title: "Colonies",
    yLabel: "colonies",
    series: [
      { label: "with the Maquis", colour: "amber", value: (p) => p.maquisColonies },
      { label: "loyal", colour: "red", value: (p) => p.loyalColonies },
    ],
  },
  {
    title: "Standing",
    yLabel: "standing (0–100)",
    series: [
      // A sample without the figure is a gap (null), not a false zero.
      { label: "Maquis standing", colour: "amber", value: (p) => p.standing ?? null },
      { label: "occupier reputation", colour: "red", value: (p) => p.reputation ?? null },
    ],
    yRange: [0, 100],
  },
  { title: "Exposure", yLabel: "exposure %", series: [{ label: "mean exposure %", colour: "amber", value: (p) => p.exposure }] },
  {
    title: "Supplies",
    yLabel: "units",
    series: [
      { label: "Maquis supplies", colour: "amber", value: (p) => p.supplies },
      { label: "requisition", colour: "red", value: (p) => p.requisition },
    ],
  },
  {
    title: "Ships lost",
    yLabel: "ships",
    series: [
      { label: "Maquis", colour: "amber", value: (p) => p.lostMaquis },
      { label: "occupier warships", colour: "red", value: (p) => p.lostOccupier },
      { label: "convoys", colour: "grey", value: (p) => p.convoysLost },
    ],
  },
];

/** The axes' numbers and labels. */
export const AXIS_FONT_PX = 10;
export const AXIS_FONT = `${AXIS_FONT_PX}px system-ui, sans-serif`;
export const AXIS_LABEL_FONT = `${AXIS_FONT_PX}px system-ui, sans-serif`;
/** Room for an axis label: its line of text. */
export const AXIS_LABEL_SIZE = Math.ceil(AXIS_FONT_PX * 1.4);
export const TICK_SIZE = 4;
export const AXIS_GAP = 3;
/** A little room past the last number, so nothing touches the edge. */
const SLACK = 3;

/** The width a y axis needs so no number is cut: the widest tick label, plus the tick, the gap and a little slack. */
export function yAxisWidth(labels: readonly (string | null | undefined)[] | null | undefined, measure: (text: string) => number): number {
  const widest = Math.max(0, ...(labels ?? []).map((label) => (label ? measure(label) : 0)));
  return Math.ceil(TICK_SIZE + AXIS_GAP + widest + SLACK);
}

/** The height the x axis needs for its numbers: the tick, the gap and one line of text. */
export const X_AXIS_HEIGHT = Math.ceil(TICK_SIZE + AXIS_GAP + AXIS_FONT_PX * 1.5);

/** Space around the plot [top, right, bottom, left], so the top number and the last day's number are not cut at the edges. */
export const PLOT_PADDING: [number, number, number, number] = [Math.ceil(AXIS_FONT_PX * 0.8), Math.ceil(AXIS_FONT_PX * 1.2), 0, 0];
