import type { CaseSummary } from "../data/readCases.js";
import { periodTotals } from "../data/scenarioFromCases.js";
import type { Bounds, Sided } from "../intervals/types.js";
import type { MethodId } from "../methods/methodRegistry.js";
import { calendarPeriods, STRATA, type Stratum } from "../scenario/calendar.js";
import { requireOneOf } from "../validation/checks.js";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
import type { Warning } from "../validation/warnings.js";
import { appraiseStrata, type StratifiedAppraisal, type StratumAppraisal } from "./appraiseStrata.js";

/** A stratum of a case file: the sampled months of one calendar period. */
export interface CaseStratum extends StratumAppraisal {
  /** The calendar month, quarter or year the stratum lies in. */
  readonly period: string;
  /** The period's months with a reviewed case, whose cases make up the stratum. */
  readonly months: readonly string[];
}

/** The months of one calendar period with cases to appraise but none reviewed. */
export interface NotSampledPart extends Bounds {
  /** The period's label, followed by its months in parentheses when the period is also partly sampled. */
  readonly label: string;
  readonly period: string;
  readonly months: readonly string[];
  readonly population: number;
  /** Assumption-free: none to every one of them could be affected. */
  readonly lower: number;
  readonly upper: number;
}

/** A stratified appraisal of a case file, with the months not sampled stated apart. */
export interface CaseAppraisal extends StratifiedAppraisal {
  readonly stratify: Stratum;
  /** What each stratum's population counts: flagged cases when the file has a flagged column, else all cases. */
  readonly counted: "flagged" | "cases";
  /** The strata: within each period, the months with a reviewed case. `combined` is over these only. */
  readonly strata: readonly CaseStratum[];
  /** The months with cases but none reviewed: no case of theirs could be selected, so nothing is known of them. */
  readonly notSampled: Bounds & {
    readonly method: MethodId;
    readonly periods: readonly NotSampledPart[];
    readonly population: number;
  };
  /**
   * Every counted case of the file: the exact limits over the sampled strata (`combined.exact`) plus the
   * assumption-free range of the part not sampled (0 to its cases). It covers the file's total at the
   * stated confidence whatever the cases not sampled are.
   */
  readonly total: Bounds & {
    readonly methods: readonly MethodId[];
    readonly population: number;
    readonly found: number;
  };
  readonly warnings: readonly Warning[];
}

/**
 * A stratified attribute appraisal from a case file's totals ({@link readCases}). A **month is sampled**
 * when one of its counted cases (flagged cases when the file has a flagged column, else all cases) was
 * reviewed; a month with such cases but none reviewed was not sampled, since none of its cases could be
 * selected. Each calendar month, quarter or year with a sampled month gives one stratum made of its sampled
 * months only (its population their counted cases, its sample the reviewed ones, its found those with
 * impact), appraised by {@link appraiseStrata}. The months not sampled are stated apart, per period, with
 * their assumption-free range (0 to their cases), and `total` bounds every counted case of the file: the
 * exact limits over the strata plus that range, with a warning naming the periods not sampled.
 *
 * Reference: as {@link appraiseStrata}; Manski (1989) for the assumption-free range.
 *
 * @throws {InputError} naming `cases` when no period has a reviewed case; as {@link appraiseStrata}
 * @example
 * ```ts
 * const summary = await readCases(["id,date,flagged,reviewed,impact\nA,2024-01-05,1,1,1\nB,2024-02-09,1,0,0\nC,2024-04-02,1,1,0\n"]);
 * const appraisal = appraiseCases(summary, { stratify: "quarter" });
 * appraisal.strata.map((s) => s.label); // ["2024-Q1 (2024-01)", "2024-Q2"]
 * appraisal.notSampled.periods.map((p) => p.label); // ["2024-Q1 (2024-02)"]
 * ```
 */
export function appraiseCases(
  summary: CaseSummary,
  options: { readonly stratify?: Stratum; readonly confidence?: number; readonly sided?: Sided } = {},
): CaseAppraisal {
  const stratify = requireOneOf("stratify", options.stratify ?? "quarter", STRATA);
  const counted = summary.hasFlagged ? "flagged" : "cases";
  const monthIntervals = calendarPeriods(summary.span, "month");
  const months = periodTotals(summary, "month").map((m, i) => ({
    ...m,
    interval: (monthIntervals[i] as (typeof monthIntervals)[number]).interval,
  }));
  type Month = (typeof months)[number];
  const strata: { period: string; months: Month[]; whole: boolean }[] = [];
  const unsampled: { period: string; months: Month[]; whole: boolean }[] = [];
  for (const period of calendarPeriods(summary.span, stratify)) {
    const inPeriod = months.filter(
      (m) =>
        m[counted] > 0 && m.interval.start >= period.interval.start && m.interval.end <= period.interval.end,
    );
    const sampled = inPeriod.filter((m) => m.reviewed > 0);
    const notSampled = inPeriod.filter((m) => m.reviewed === 0);
    const whole = sampled.length === 0 || notSampled.length === 0;
    if (sampled.length > 0) strata.push({ period: period.label, months: sampled, whole });
    if (notSampled.length > 0) unsampled.push({ period: period.label, months: notSampled, whole });
  }
  if (strata.length === 0) throw new InputError("cases", messages.noReviewedPeriod());
  const label = (part: { period: string; months: Month[]; whole: boolean }) =>
    part.whole ? part.period : messages.periodPart(part.period, monthRuns(part.months));
  const sum = (list: Month[], key: "flagged" | "cases" | "reviewed" | "found") =>
    list.reduce((t, m) => t + m[key], 0);
  const appraisal = appraiseStrata({
    strata: strata.map((s) => ({
      label: label(s),
      population: sum(s.months, counted),
      sample: sum(s.months, "reviewed"),
      found: sum(s.months, "found"),
    })),
    ...(options.confidence === undefined ? {} : { confidence: options.confidence }),
    ...(options.sided === undefined ? {} : { sided: options.sided }),
  });
  const periods = unsampled.map((part) => {
    const population = sum(part.months, counted);
    return {
      label: label(part),
      period: part.period,
      months: part.months.map((m) => m.label),
      population,
      lower: 0,
      upper: population,
    };
  });
  const outside = periods.reduce((t, p) => t + p.population, 0);
  const { exact } = appraisal.combined;
  return {
    ...appraisal,
    strata: appraisal.strata.map((s, i) => {
      const part = strata[i] as (typeof strata)[number];
      return { ...s, period: part.period, months: part.months.map((m) => m.label) };
    }),
    stratify,
    counted,
    notSampled: { method: "assumption-free", periods, population: outside, lower: 0, upper: outside },
    total: {
      methods: outside > 0 ? [exact.method, "assumption-free"] : [exact.method],
      population: appraisal.combined.population + outside,
      found: appraisal.combined.found,
      lower: exact.lower,
      upper: exact.upper + outside,
    },
    warnings:
      periods.length > 0
        ? [
            {
              id: "periods-not-sampled",
              text: messages.periodsNotSampled(
                periods.map((p) => p.label),
                outside,
                counted,
                appraisal.combined.population + outside,
              ),
            },
          ]
        : [],
  };
}

/** Month labels with consecutive months joined into runs ("2023-10 to 2023-11"). */
function monthRuns(months: readonly { label: string; interval: { start: number; end: number } }[]): string[] {
  const runs: { first: string; last: string; end: number }[] = [];
  for (const m of months) {
    const run = runs.at(-1);
    if (run !== undefined && m.interval.start === run.end + 1) {
      run.last = m.label;
      run.end = m.interval.end;
    } else runs.push({ first: m.label, last: m.label, end: m.interval.end });
  }
  return runs.map((r) => (r.first === r.last ? r.first : messages.monthRun(r.first, r.last)));
}
