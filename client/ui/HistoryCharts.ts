import { css, html, LitElement, unsafeCSS, type PropertyValues } from "lit";
import uPlot from "uplot";
import uPlotStyles from "uplot/dist/uPlot.min.css?inline";
import { chartDay, type HistoryPoint } from "./historyPoints";

/** Line colours, named so each chart's title can say which line is which. */
const LINE_COLOURS = { amber: "#f0a040", red: "#e0503c", grey: "#9aa3b5" } as const;

interface ChartSpec {
  title: string;
  series: { label: string; colour: keyof typeof LINE_COLOURS; value: (point: HistoryPoint) => number | null }[];
  /** A fixed y range, for figures on a known scale; otherwise the chart fits its lines. */
  yRange?: [number, number];
}

const charts: ChartSpec[] = [
  {
    title: "Colonies",
    series: [
      { label: "with the Maquis", colour: "amber", value: (p) => p.maquisColonies },
      { label: "loyal", colour: "red", value: (p) => p.loyalColonies },
    ],
  },
  {
    title: "Standing",
    series: [
      // A sample without the figure is a gap (null), not a false zero.
      { label: "Maquis standing", colour: "amber", value: (p) => p.standing ?? null },
      { label: "occupier reputation", colour: "red", value: (p) => p.reputation ?? null },
    ],
    yRange: [0, 100],
  },
  { title: "Exposure", series: [{ label: "mean exposure %", colour: "amber", value: (p) => p.exposure }] },
  {
    title: "Supplies",
    series: [
      { label: "Maquis supplies", colour: "amber", value: (p) => p.supplies },
      { label: "requisition", colour: "red", value: (p) => p.requisition },
    ],
  },
  {
    title: "Ships lost",
    series: [
      { label: "Maquis", colour: "amber", value: (p) => p.lostMaquis },
      { label: "occupier warships", colour: "red", value: (p) => p.lostOccupier },
      { label: "convoys", colour: "grey", value: (p) => p.convoysLost },
    ],
  },
];

/** The match day by day: small uPlot line charts of sympathy, standing, exposure, supplies and losses. */
export class HistoryCharts extends LitElement {
  static properties = { points: { attribute: false } };
  declare points: HistoryPoint[];
  private plots: uPlot[] = [];

  constructor() {
    super();
    this.points = [];
  }

  static styles = [
    unsafeCSS(uPlotStyles),
    css`
      :host { display: grid; grid-template-columns: 1fr 1fr; gap: 6px; margin: 10px 0; }
      .chart { background: rgba(255, 255, 255, 0.03); border-radius: 4px; }
      .u-legend { font-size: 11px; color: #c9d2e3; }
      .u-title { font-size: 12px; color: #8994ab; font-weight: normal; }
    `,
  ];

  render() {
    return charts.map((chart) => html`<div class="chart" data-chart=${chart.title}></div>`);
  }

  protected updated(changed: PropertyValues): void {
    if (!changed.has("points")) return;
    for (const plot of this.plots) plot.destroy();
    this.plots = [];
    if (this.points.length === 0) return;
    const days = this.points.map(chartDay);
    charts.forEach((chart) => {
      const target = this.renderRoot.querySelector<HTMLElement>(`[data-chart="${chart.title}"]`);
      if (!target) return;
      const options: uPlot.Options = {
        // Legends would crowd a small chart; the title names the lines by colour.
        title: `${chart.title}: ${chart.series.map((series) => `${series.label} (${series.colour})`).join(", ")}`,
        legend: { show: false },
        width: 230,
        height: 124,
        scales: { x: { time: false }, ...(chart.yRange ? { y: { range: chart.yRange } } : {}) },
        axes: [
          { stroke: "#8994ab", size: 22, label: "day", labelSize: 14, labelGap: 0, labelFont: "11px system-ui, sans-serif" },
          { stroke: "#8994ab", size: 34 },
        ],
        series: [{ label: "day" }, ...chart.series.map((series) => ({ label: series.label, stroke: LINE_COLOURS[series.colour], width: 1.5 }))],
      };
      const data: uPlot.AlignedData = [days, ...chart.series.map((series) => this.points.map(series.value))];
      this.plots.push(new uPlot(options, data, target));
    });
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const plot of this.plots) plot.destroy();
    this.plots = [];
  }
}
customElements.define("history-charts", HistoryCharts);
