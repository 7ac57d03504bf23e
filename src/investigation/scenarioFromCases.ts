import { formatDecimal } from "../text/formatDecimal.js";
import { calendarPeriods, type DayInterval, formatInterval } from "./calendar.js";
import type { CaseSummary } from "./readCases.js";
import type { ScenarioInput, Selection } from "./scenario.js";

/** Totals of one calendar period. */
export interface PeriodTotals {
  readonly label: string;
  readonly period: string;
  readonly cases: number;
  readonly flagged: number;
  readonly reviewed: number;
  readonly found: number;
}

function sum(values: Int32Array, from: number, to: number): number {
  let total = 0;
  for (let i = from; i <= to; i++) total += values[i] as number;
  return total;
}

/** Totals per month, quarter or year over a case file's span. */
export function periodTotals(summary: CaseSummary, by: "month" | "quarter" | "year"): PeriodTotals[] {
  const { span, daily } = summary;
  return calendarPeriods(span, by).map(({ label, interval }) => {
    const from = interval.start - span.start;
    const to = interval.end - span.start;
    return {
      label,
      period: formatInterval(interval),
      cases: sum(daily.cases, from, to),
      flagged: sum(daily.flagged, from, to),
      reviewed: sum(daily.reviewed, from, to),
      found: sum(daily.found, from, to),
    };
  });
}

/**
 * A scenario from case-level data: the volume profile is the cases per month; the examined windows are
 * the runs of consecutive calendar months that contain reviewed cases, each with its cases, flagged,
 * reviewed and found totals.
 */
export function scenarioFromCases(
  summary: CaseSummary,
  options: { readonly name: string; readonly selection?: Selection; readonly span?: DayInterval },
): ScenarioInput {
  const months = periodTotals(summary, "month");
  const windows: ScenarioInput["windows"] = [];
  let run: PeriodTotals[] = [];
  const close = () => {
    if (run.length === 0) return;
    const first = (run[0] as PeriodTotals).period.split("/")[0] as string;
    const last = (run.at(-1) as PeriodTotals).period.split("/")[1] as string;
    const total = (key: "cases" | "flagged" | "reviewed" | "found") => run.reduce((t, m) => t + m[key], 0);
    windows.push({
      label:
        run.length === 1
          ? (run[0] as PeriodTotals).label
          : `${(run[0] as PeriodTotals).label} to ${(run.at(-1) as PeriodTotals).label}`,
      period: `${first}/${last}`,
      cases: total("cases"),
      ...(summary.hasFlagged ? { flagged: total("flagged") } : {}),
      reviewed: total("reviewed"),
      found: total("found"),
      selection: options.selection ?? "random",
    });
    run = [];
  };
  for (const month of months) {
    if (month.reviewed > 0) run.push(month);
    else close();
  }
  close();
  return {
    name: options.name,
    description: `From case-level data: ${formatDecimal(summary.rowsUsed)} cases (${formatDecimal(summary.rowsRejected)} rows rejected).`,
    span: formatInterval(options.span ?? summary.span),
    volume: months.map((m) => ({ period: m.period, cases: m.cases })),
    windows,
  };
}
