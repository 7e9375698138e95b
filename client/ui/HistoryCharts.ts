import { css, html, LitElement, unsafeCSS, type PropertyValues } from "lit";
import uPlot from "uplot";
import uPlotStyles from "uplot/dist/uPlot.min.css?inline";
import { AXIS_FONT, AXIS_GAP, AXIS_LABEL_FONT, AXIS_LABEL_SIZE, CHARTS, LINE_COLOURS, PLOT_PADDING, TICK_SIZE, X_AXIS_HEIGHT, X_LABEL, yAxisWidth } from "./chartSpecs";
import { chartDay, type HistoryPoint } from "./historyPoints";

/** Measures axis numbers in CSS pixels, with the axes' own font. */
let measuring: CanvasRenderingContext2D | null = null;
function textWidth(text: string): number {
  measuring ??= document.createElement("canvas").getContext("2d");
  if (!measuring) return text.length * 6;
  measuring.font = AXIS_FONT;
  return measuring.measureText(text).width;
}

/**
 * The match day by day: small uPlot line charts of sympathy, standing, exposure, supplies and losses,
 * each with its axes labelled (the day along the bottom, what is measured up the side) and sized to
 * their numbers (chartSpecs.ts).
 */
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
    return CHARTS.map((chart) => html`<div class="chart" data-chart=${chart.title}></div>`);
  }

  protected updated(changed: PropertyValues): void {
    if (!changed.has("points")) return;
    for (const plot of this.plots) plot.destroy();
    this.plots = [];
    if (this.points.length === 0) return;
    const days = this.points.map(chartDay);
    CHARTS.forEach((chart) => {
      const target = this.renderRoot.querySelector<HTMLElement>(`[data-chart="${chart.title}"]`);
      if (!target) return;
      const axis = { stroke: "#8994ab", font: AXIS_FONT, labelFont: AXIS_LABEL_FONT, labelSize: AXIS_LABEL_SIZE, labelGap: 0, gap: AXIS_GAP, ticks: { size: TICK_SIZE } };
      const options: uPlot.Options = {
        // Legends would crowd a small chart; the title names the lines by colour.
        title: `${chart.title}: ${chart.series.map((series) => `${series.label} (${series.colour})`).join(", ")}`,
        legend: { show: false },
        width: 230,
        height: 150,
        padding: PLOT_PADDING,
        scales: { x: { time: false }, ...(chart.yRange ? { y: { range: chart.yRange } } : {}) },
        axes: [
          { ...axis, label: X_LABEL, size: X_AXIS_HEIGHT },
          // As wide as its widest number, so none is cut.
          { ...axis, label: chart.yLabel, size: (_self, values) => yAxisWidth(values, textWidth) },
        ],
        series: [{ label: X_LABEL }, ...chart.series.map((series) => ({ label: series.label, stroke: LINE_COLOURS[series.colour], width: 1.5 }))],
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
