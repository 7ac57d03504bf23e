import { calendarPeriods, type DayInterval, formatDay, formatInterval } from "../scenario/calendar.js";
import type { ScenarioInput, Selection } from "../scenario/scenario.js";
import { formatDecimal } from "../text/formatDecimal.js";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
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
  return values.subarray(from, to + 1).reduce((total, value) => total + value, 0);
}

/**
 * Totals per month, quarter or year over a case file's span.
 *
 * @example
 * const csv = "id,date,flagged,reviewed,impact\n1,2023-10-02,yes,yes,no\n2,2023-11-06,yes,yes,yes\n";
 * const summary = await readCases((async function* () { yield csv; })());
 * periodTotals(summary, "quarter")[0]?.found; // 1
 */
export function periodTotals(summary: CaseSummary, by: "month" | "quarter" | "year"): PeriodTotals[] {
  return calendarPeriods(summary.span, by).map(({ label, interval }) => ({
    label,
    period: formatInterval(interval),
    ...totalsIn(summary, interval),
  }));
}

/** Sums of the daily totals over an interval of the summary's span. */
function totalsIn(summary: CaseSummary, interval: DayInterval) {
  const from = interval.start - summary.span.start;
  const to = interval.end - summary.span.start;
  const { daily } = summary;
  return {
    cases: sum(daily.cases, from, to),
    flagged: sum(daily.flagged, from, to),
    reviewed: sum(daily.reviewed, from, to),
    found: sum(daily.found, from, to),
    unflaggedReviewed: sum(daily.unflaggedReviewed, from, to),
    unflaggedFound: sum(daily.unflaggedFound, from, to),
  };
}

/** The runs of consecutive calendar months that contain reviewed flagged cases. */
function derivedWindows(summary: CaseSummary): { label: string; period: DayInterval }[] {
  const windows: { label: string; period: DayInterval }[] = [];
  let run: { label: string; interval: DayInterval }[] = [];
  const close = () => {
    const first = run[0];
    const last = run.at(-1);
    if (first === undefined || last === undefined) return;
    windows.push({
      label: run.length === 1 ? first.label : `${first.label} to ${last.label}`,
      period: { start: first.interval.start, end: last.interval.end },
    });
    run = [];
  };
  for (const month of calendarPeriods(summary.span, "month")) {
    if (totalsIn(summary, month.interval).reviewed > 0) run.push(month);
    else close();
  }
  close();
  return windows;
}

/** The span's calendar months, split where a window starts or ends, so that each window is whole periods. */
function volumePeriods(span: DayInterval, windows: readonly DayInterval[]): DayInterval[] {
  const cuts = new Set<number>();
  for (const w of windows) {
    cuts.add(w.start);
    cuts.add(w.end + 1);
  }
  const periods: DayInterval[] = [];
  for (const { interval } of calendarPeriods(span, "month")) {
    let start = interval.start;
    for (let day = interval.start + 1; day <= interval.end; day++) {
      if (cuts.has(day)) {
        periods.push({ start, end: day - 1 });
        start = day;
      }
    }
    periods.push({ start, end: interval.end });
  }
  return periods;
}

/**
 * A scenario from case-level data, every count as the rows give it. The examined windows are those given
 * (the investigation's own), else the runs of consecutive calendar months that contain reviewed flagged
 * cases; each window's cases, flagged, reviewed and found are counted from its rows. The volume profile is
 * the cases per calendar month (split where a window starts or ends), with the flagged cases counted per
 * period when the file has a flagged column, so that nothing outside the windows is estimated. Reviewed
 * unflagged cases are an elusion sample: per window when every one of them lies in a window, else one
 * sample across the span (all its unflagged cases). `sources` says which figures were derived, and how.
 *
 * @param summary - what {@link readCases} read
 * @param options - the scenario's name; the selection of the reviewed cases; the span (else the rows'
 *   first to last date); the windows (else derived from the rows)
 * @throws {InputError} naming `windows` when a given window lies outside the span or has no reviewed
 *   flagged case, or reviewed flagged cases lie outside every given window
 * @example
 * const csv = "id,date,flagged,reviewed,impact\n1,2023-10-02,yes,yes,no\n2,2023-11-06,yes,yes,yes\n3,2023-12-04,yes,no,no\n";
 * const summary = await readCases((async function* () { yield csv; })());
 * const scenario = scenarioFromCases(summary, { name: "review" });
 * scenario.windows[0]?.period; // "2023-10-02/2023-11-30"
 * scenario.windows[0]?.found; // 1
 */
export function scenarioFromCases(
  summary: CaseSummary,
  options: {
    readonly name: string;
    readonly selection?: Selection;
    readonly span?: DayInterval;
    readonly windows?: readonly DayInterval[];
  },
): ScenarioInput {
  const span = summary.span;
  const given = options.windows !== undefined && options.windows.length > 0;
  const windowPeriods = given
    ? (options.windows as readonly DayInterval[]).map((period, i) => {
        if (period.start < span.start || period.end > span.end) {
          throw new InputError(
            `windows[${i}].period`,
            messages.withinSpan(formatInterval(period), formatInterval(span)),
          );
        }
        return { label: `window ${i + 1}`, period };
      })
    : derivedWindows(summary);
  const counted = windowPeriods.map((w) => ({ ...w, ...totalsIn(summary, w.period) }));
  if (given) {
    counted.forEach((w, i) => {
      if (w.reviewed === 0) throw new InputError(`windows[${i}]`, messages.windowWithoutReview());
    });
    const all = totalsIn(summary, span);
    const inside = counted.reduce((t, w) => t + w.reviewed, 0);
    if (inside < all.reviewed) {
      const first = firstDayOutside(
        summary,
        windowPeriods.map((w) => w.period),
      );
      throw new InputError(
        "windows",
        messages.reviewedOutsideWindows(all.reviewed - inside, formatDay(first)),
      );
    }
  }
  const all = totalsIn(summary, span);
  const unflaggedInside = counted.reduce((t, w) => t + w.unflaggedReviewed, 0);
  const perWindow = unflaggedInside === all.unflaggedReviewed;
  const windows: ScenarioInput["windows"] = counted.map((w) => ({
    label: w.label,
    period: formatInterval(w.period),
    cases: w.cases,
    ...(summary.hasFlagged ? { flagged: w.flagged } : {}),
    reviewed: w.reviewed,
    found: w.found,
    ...(perWindow && w.unflaggedReviewed > 0
      ? { unflaggedReviewed: w.unflaggedReviewed, unflaggedFound: w.unflaggedFound }
      : {}),
    // Only when given: the scenario then records random selection as a default, not as a figure given.
    ...(options.selection === undefined ? {} : { selection: options.selection }),
  }));
  const volume = volumePeriods(
    span,
    counted.map((w) => w.period),
  ).map((period) => {
    const t = totalsIn(summary, period);
    return {
      period: formatInterval(period),
      cases: t.cases,
      ...(summary.hasFlagged ? { flagged: t.flagged } : {}),
    };
  });
  const derived = (field: string, note: string) => ({ field, status: "derived" as const, note });
  return {
    name: options.name,
    description: `From case-level data: ${formatDecimal(summary.rowsUsed)} ${summary.rowsUsed === 1 ? "case" : "cases"} (${formatDecimal(summary.rowsRejected)} ${summary.rowsRejected === 1 ? "row" : "rows"} rejected).`,
    span: formatInterval(options.span ?? span),
    volume,
    windows,
    ...(all.unflaggedReviewed > 0 && !perWindow
      ? {
          unflagged: all.cases - all.flagged,
          unflaggedReviewed: all.unflaggedReviewed,
          unflaggedFound: all.unflaggedFound,
        }
      : {}),
    sources: [
      ...(options.span === undefined ? [derived("span", messages.caseFileSpanDerived())] : []),
      derived("volume", messages.caseFileVolumeCounted(summary.hasFlagged)),
      ...windows.map((_, i) =>
        derived(
          `windows[${i}].period`,
          given ? messages.caseFileWindowGiven() : messages.caseFileWindowDerived(),
        ),
      ),
      ...windows.map((_, i) => derived(`windows[${i}].reviewed`, messages.caseFileWindowCounted())),
    ],
  };
}

/** The first day with a reviewed flagged case outside every window. */
function firstDayOutside(summary: CaseSummary, windows: readonly DayInterval[]): number {
  const { daily, span } = summary;
  const outside = daily.reviewed.findIndex((reviewed, i) => {
    const day = span.start + i;
    return reviewed > 0 && !windows.some((w) => day >= w.start && day <= w.end);
  });
  return outside === -1 ? span.start : span.start + outside;
}
