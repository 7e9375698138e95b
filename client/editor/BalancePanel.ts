/**
 * <balance-panel>: the scenario editor's balance report. The modder picks how many games and which
 * AI levels; the server plays the draft headless with the AI in every seat (POST /api/balance, in
 * worker threads), this panel shows the progress with a Cancel button, then the report: win rates
 * per side and level, mean length, how often each objective was met, as a table and charts.
 *
 * Properties (set them from script; the element works on its own, in any container):
 * - `draft: () => unknown` — returns the current draft scenario file (the JSON object the editor
 *   holds). Read once when the modder starts a report, so later edits do not change a running one.
 * - `player: string` — this browser's player id (client/net/playerId.ts); defaults to `playerId()`.
 *   Only this id may cancel the report, and the server runs one report per player at a time.
 *
 * Refusals are shown as sentences; a draft that does not validate lists its problems by field path.
 */
import { css, html, LitElement, nothing, unsafeCSS, type PropertyValues } from "lit";
import uPlot from "uplot";
import uPlotStyles from "uplot/dist/uPlot.min.css?inline";
import type { Difficulty } from "../../shared/ai/difficulty";
import { difficulties } from "../../shared/ai/difficulty";
import type { BalanceJobView, BalanceLevels, BalanceReport } from "../../shared/protocol/balanceMessages";
import { BalanceRefusal, balanceReportStatus, cancelBalanceReport, startBalanceReport } from "../net/balanceReports";
import { playerId } from "../net/playerId";
import { AXIS_FONT, AXIS_GAP, AXIS_LABEL_FONT, AXIS_LABEL_SIZE, PLOT_PADDING, TICK_SIZE, X_AXIS_HEIGHT } from "../ui/chartSpecs";
import { panelStyles } from "../ui/panelStyles";
import { BALANCE_CHARTS } from "./balanceChartSpecs";
import { basedOnLine, choiceProblem, endedLine, gamesInAll, pairingLabel, progressLine } from "./balanceWords";

/** Games per row the modder may choose from. */
const GAME_CHOICES = [10, 20, 50] as const;
/** How often a running report is asked for its progress. */
const POLL_MS = 1000;
const CHART_HEIGHT = 160;
const Y_AXIS_WIDTH = 40;

type Side = keyof BalanceLevels;
const SIDE_NAMES: Record<Side, string> = { occupier: "Occupier AI", maquis: "Maquis AI" };

interface Problem {
  message: string;
  problems: { path: string; message: string }[];
}

const isActive = (view: BalanceJobView) => view.status === "queued" || view.status === "running";

export class BalancePanel extends LitElement {
  static properties = {
    draft: { attribute: false },
    player: { attribute: false },
    gamesPerRow: { state: true },
    levels: { state: true },
    view: { state: true },
    problem: { state: true },
    starting: { state: true },
  };
  declare draft: (() => unknown) | null;
  declare player: string;
  declare gamesPerRow: number;
  declare levels: BalanceLevels;
  declare view: BalanceJobView | null;
  declare problem: Problem | null;
  declare starting: boolean;
  private jobId: string | null = null;
  /** The objectives' texts of the draft the running report plays, for the report's table. */
  private objectiveTexts = new Map<string, string>();
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private plots: uPlot[] = [];

  constructor() {
    super();
    this.draft = null;
    this.player = "";
    this.gamesPerRow = GAME_CHOICES[0];
    // By default: how the draft plays against each level of the occupier's AI, the usual question.
    this.levels = { occupier: [...difficulties], maquis: [] };
    this.view = null;
    this.problem = null;
    this.starting = false;
  }

  static styles = [
    panelStyles,
    unsafeCSS(uPlotStyles),
    css`
      :host { display: block; }
      fieldset { border: 1px solid #2c3850; border-radius: 4px; margin: 6px 0; padding: 4px 8px; }
      legend { color: #8994ab; font-size: 12px; }
      label { margin-right: 10px; white-space: nowrap; }
      progress { width: 100%; }
      table { border-collapse: collapse; width: 100%; font-size: 12px; margin: 6px 0; }
      th, td { border-bottom: 1px solid #2c3850; padding: 2px 4px; text-align: right; }
      th:first-child, td:first-child, th:nth-child(2), td:nth-child(2) { text-align: left; }
      .chart { background: rgba(255, 255, 255, 0.03); border-radius: 4px; margin: 6px 0; }
      .u-title { font-size: 12px; color: #8994ab; font-weight: normal; }
      .u-legend { font-size: 11px; color: #c9d2e3; }
      ul { margin: 4px 0; padding-left: 18px; }
    `,
  ];

  disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.pollTimer);
    this.destroyPlots();
  }

  render() {
    const running = this.view !== null && isActive(this.view);
    const choice = choiceProblem(this.gamesPerRow, this.levels);
    return html`<div class="panel">
      <h3>Balance report</h3>
      <div class="meta">Plays the draft on the server with the AI in every seat. A level of one side plays against the other side's AI at normal.</div>
      <fieldset ?disabled=${running}>
        <legend>Games per row</legend>
        ${GAME_CHOICES.map(
          (games) => html`<label><input type="radio" name="games" data-games=${games} .checked=${this.gamesPerRow === games} @change=${() => (this.gamesPerRow = games)} />${games}</label>`,
        )}
      </fieldset>
      ${(["occupier", "maquis"] as const).map(
        (side) => html`<fieldset ?disabled=${running}>
          <legend>${SIDE_NAMES[side]} levels</legend>
          ${difficulties.map(
            (level) => html`<label><input type="checkbox" data-side=${side} data-level=${level} .checked=${this.levels[side].includes(level)} @change=${(event: Event) => this.toggleLevel(side, level, (event.target as HTMLInputElement).checked)} />${level}</label>`,
          )}
        </fieldset>`,
      )}
      ${choice ? html`<div class="refusal">${choice}</div>` : nothing}
      ${running
        ? html`<progress max=${this.view!.total} value=${this.view!.played}></progress>
            <div class="meta" data-progress>${progressLine(this.view!)}</div>
            <button data-cancel @click=${() => void this.cancel()}>Cancel</button>`
        : html`<button data-start ?disabled=${choice !== null || this.starting || !this.draft} @click=${() => void this.start()}>
            Play ${gamesInAll(this.gamesPerRow, this.levels)} games
          </button>`}
      ${this.problem ? this.renderProblem(this.problem) : nothing}
      ${this.view && !isActive(this.view) && !this.view.result ? html`<div class="refusal" data-ended>${endedLine(this.view)}</div>` : nothing}
      ${this.view?.result ? this.renderReport(this.view.result) : nothing}
    </div>`;
  }

  private renderProblem(problem: Problem) {
    return html`<div class="refusal" data-problem>
      ${problem.message}
      ${problem.problems.length > 0 ? html`<ul>${problem.problems.map((p) => html`<li>${p.path}: ${p.message}</li>`)}</ul>` : nothing}
    </div>`;
  }

  private renderReport(report: BalanceReport) {
    const objectiveIds = Object.keys(report.rows[0]?.objectivesMetPercent ?? {});
    return html`<div data-report>
      <div class="meta" data-based-on>${basedOnLine(report)}</div>
      <table>
        <tr><th>#</th><th>AI levels</th><th>Maquis wins</th><th>occupier wins</th><th>draws</th><th>mean days</th><th>minutes at 1×</th></tr>
        ${report.rows.map(
          (row, i) => html`<tr>
            <td>${i + 1}</td><td>${pairingLabel(row.ai)}</td><td>${row.winRate.maquis}%</td><td>${row.winRate.occupier}%</td><td>${row.winRate.draw}%</td>
            <td>${row.meanDays}</td><td>${row.meanMinutesAt1x}</td>
          </tr>`,
        )}
      </table>
      ${BALANCE_CHARTS.map((chart) => html`<div class="chart" data-chart=${chart.title}></div>`)}
      <table>
        <tr><th>objective met</th><th></th>${report.rows.map((_row, i) => html`<th>#${i + 1}</th>`)}</tr>
        ${objectiveIds.map(
          (id) => html`<tr>
            <td colspan="2">${this.objectiveTexts.get(id) ?? id}</td>
            ${report.rows.map((row) => html`<td>${row.objectivesMetPercent[id]}%</td>`)}
          </tr>`,
        )}
      </table>
    </div>`;
  }

  protected updated(changed: PropertyValues): void {
    if (changed.has("view")) this.drawCharts();
  }

  private toggleLevel(side: Side, level: Difficulty, on: boolean): void {
    const chosen = new Set(this.levels[side]);
    if (on) chosen.add(level);
    else chosen.delete(level);
    this.levels = { ...this.levels, [side]: difficulties.filter((d) => chosen.has(d)) };
  }

  private async start(): Promise<void> {
    if (!this.draft) return;
    this.problem = null;
    this.view = null;
    this.starting = true;
    const scenario = this.draft();
    this.objectiveTexts = objectiveTextsOf(scenario);
    try {
      this.jobId = await startBalanceReport({ scenario, games: this.gamesPerRow, levels: this.levels, player: this.player || playerId() });
      this.view = { status: "queued", played: 0, total: gamesInAll(this.gamesPerRow, this.levels) };
      this.schedulePoll();
    } catch (error) {
      this.problem = problemOf(error, "The report could not be started");
    } finally {
      this.starting = false;
    }
  }

  private schedulePoll(): void {
    clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(() => void this.poll(), POLL_MS);
  }

  private async poll(): Promise<void> {
    const jobId = this.jobId;
    if (!jobId) return;
    try {
      const view = await balanceReportStatus(jobId);
      // A report started since (or one cancelled meanwhile) is not this answer's to show.
      if (jobId !== this.jobId || (this.view && !isActive(this.view))) return;
      this.view = view;
      if (isActive(view)) this.schedulePoll();
    } catch (error) {
      this.problem = problemOf(error, "Lost track of the report");
      this.view = null;
    }
  }

  private async cancel(): Promise<void> {
    const jobId = this.jobId;
    if (!jobId) return;
    clearTimeout(this.pollTimer);
    try {
      this.view = await cancelBalanceReport(jobId, this.player || playerId());
    } catch (error) {
      this.problem = problemOf(error, "The report could not be cancelled");
      // It may have finished in the meantime: show what it came to.
      void this.poll();
    }
  }

  private destroyPlots(): void {
    for (const plot of this.plots) plot.destroy();
    this.plots = [];
  }

  private drawCharts(): void {
    this.destroyPlots();
    const report = this.view?.result;
    if (!report || report.rows.length === 0) return;
    const rowNumbers = report.rows.map((_row, i) => i);
    const width = Math.max(220, this.renderRoot.querySelector<HTMLElement>(".panel")?.clientWidth ?? 260) - 24;
    const axis = { stroke: "#8994ab", font: AXIS_FONT, labelFont: AXIS_LABEL_FONT, labelSize: AXIS_LABEL_SIZE, labelGap: 0, gap: AXIS_GAP, ticks: { size: TICK_SIZE } };
    for (const chart of BALANCE_CHARTS) {
      const target = this.renderRoot.querySelector<HTMLElement>(`[data-chart="${chart.title}"]`);
      if (!target) continue;
      const options: uPlot.Options = {
        title: chart.title,
        width,
        height: CHART_HEIGHT,
        padding: PLOT_PADDING,
        legend: { show: chart.series.length > 1, live: false },
        cursor: { show: false },
        // One bar per row of the table, numbered as there.
        scales: { x: { time: false, range: [-0.5, report.rows.length - 0.5] }, y: chart.yRange ? { range: chart.yRange } : { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] } },
        axes: [
          { ...axis, label: "row", size: X_AXIS_HEIGHT, splits: () => rowNumbers, values: (_u, splits) => splits.map((i) => `#${i + 1}`) },
          { ...axis, label: chart.yLabel, size: Y_AXIS_WIDTH },
        ],
        series: [{ label: "row" }, ...chart.series.map((series) => ({ label: series.label, stroke: series.colour, fill: series.colour, paths: uPlot.paths.bars!({ size: [0.6, 48] }), points: { show: false } }))],
      };
      this.plots.push(new uPlot(options, [rowNumbers, ...chart.series.map((series) => series.values(report))], target));
    }
  }
}
customElements.define("balance-panel", BalancePanel);

/** The draft's objectives by id, when it has them in the expected shape; the report falls back to ids. */
function objectiveTextsOf(scenario: unknown): Map<string, string> {
  const objectives = (scenario as { objectives?: unknown } | null)?.objectives;
  const texts = new Map<string, string>();
  if (!Array.isArray(objectives)) return texts;
  for (const objective of objectives as { id?: unknown; text?: unknown }[])
    if (typeof objective?.id === "string" && typeof objective.text === "string") texts.set(objective.id, objective.text);
  return texts;
}

function problemOf(error: unknown, what: string): Problem {
  if (error instanceof BalanceRefusal) return { message: `${what}: ${error.message}`, problems: error.problems };
  return { message: `${what}: ${(error as Error).message || "the server could not be reached"}`, problems: [] };
}
