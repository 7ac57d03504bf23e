import { calendarPeriods, type DayInterval, formatInterval } from "../scenario/calendar.js";
import type { ScenarioInput, Selection } from "../scenario/scenario.js";
import { formatDecimal } from "../text/formatDecimal.js";
import type { CaseSummary } from "./readCases.js";

/** Totals of one calendar period. */
export interface PeriodTotals {
  readonly label: string;
  readonly period: string;
  readonly cases: number;
  readonly flagged: number;
  readonly reviewed: number;
  readonly found: number;
  /** Unflagged cases reviewed (an elusion sample) and found affected. */
  readonly unflaggedReviewed: number;
  readonly unflaggedFound: number;
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
      unflaggedReviewed: sum(daily.unflaggedReviewed, from, to),
      unflaggedFound: sum(daily.unflaggedFound, from, to),
    };
  });
}

/**
 * A scenario from case-level data: the volume profile is the cases per month; the examined windows are
 * the runs of consecutive calendar months that contain reviewed flagged cases, each with its cases,
 * flagged, reviewed and found totals. Reviewed unflagged cases are an elusion sample: per window when
 * every one of them lies in a window's months, else one sample across the span (all its unflagged cases).
 */
export function scenarioFromCases(
  summary: CaseSummary,
  options: { readonly name: string; readonly selection?: Selection; readonly span?: DayInterval },
): ScenarioInput {
  const months = periodTotals(summary, "month");
  const unflaggedReviewed = months.reduce((t, m) => t + m.unflaggedReviewed, 0);
  const perWindow = months.every((m) => m.unflaggedReviewed === 0 || m.reviewed > 0);
  const windows: ScenarioInput["windows"] = [];
  let run: PeriodTotals[] = [];
  const close = () => {
    if (run.length === 0) return;
    const first = (run[0] as PeriodTotals).period.split("/")[0] as string;
    const last = (run.at(-1) as PeriodTotals).period.split("/")[1] as string;
    const total = (key: Exclude<keyof PeriodTotals, "label" | "period">) =>
      run.reduce((t, m) => t + m[key], 0);
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
      ...(perWindow && total("unflaggedReviewed") > 0
        ? { unflaggedReviewed: total("unflaggedReviewed"), unflaggedFound: total("unflaggedFound") }
        : {}),
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
    ...(unflaggedReviewed > 0 && !perWindow
      ? {
          unflagged: months.reduce((t, m) => t + m.cases - m.flagged, 0),
          unflaggedReviewed,
          unflaggedFound: months.reduce((t, m) => t + m.unflaggedFound, 0),
        }
      : {}),
  };
}
