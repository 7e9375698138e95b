import type { BalanceReport } from "../../shared/protocol/balanceMessages";
import { LINE_COLOURS } from "../ui/chartSpecs";

/* What the balance charts show, as plain data (the panel hands it to uPlot). */

export interface BalanceChartSpec {
  title: string;
  yLabel: string;
  /** Drawn in this order, each bar from zero: stacked shares list the tallest (the running total) first. */
  series: { label: string; colour: string; values: (report: BalanceReport) => number[] }[];
  yRange?: [number, number];
}

const rowsOf = (report: BalanceReport) => report.rows;

/**
 * Win rates as one bar per row, stacked to 100 %: Maquis wins at the bottom, occupier wins above,
 * draws on top. Each bar is drawn from zero, so the running totals are drawn tallest first.
 */
export const BALANCE_CHARTS: BalanceChartSpec[] = [
  {
    title: "Who wins",
    yLabel: "% of games",
    yRange: [0, 100],
    series: [
      { label: "draws", colour: LINE_COLOURS.grey, values: (report) => rowsOf(report).map((row) => row.winRate.maquis + row.winRate.occupier + row.winRate.draw) },
      { label: "occupier wins", colour: LINE_COLOURS.red, values: (report) => rowsOf(report).map((row) => row.winRate.maquis + row.winRate.occupier) },
      { label: "Maquis wins", colour: LINE_COLOURS.amber, values: (report) => rowsOf(report).map((row) => row.winRate.maquis) },
    ],
  },
  {
    title: "Mean length",
    yLabel: "days",
    series: [{ label: "mean days", colour: LINE_COLOURS.grey, values: (report) => rowsOf(report).map((row) => row.meanDays) }],
  },
];
