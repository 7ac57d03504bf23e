import type { CaseSummary } from "../data/readCases.js";
import { periodTotals } from "../data/scenarioFromCases.js";
import type { Sided } from "../intervals/types.js";
import { STRATA, type Stratum } from "../scenario/calendar.js";
import { requireOneOf } from "../validation/checks.js";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
import { appraiseStrata, type StratifiedAppraisal } from "./appraiseStrata.js";

/** A stratified appraisal of a case file, with the periods left out because none of their cases was reviewed. */
export interface CaseAppraisal extends StratifiedAppraisal {
  readonly stratify: Stratum;
  /** What each stratum's population counts: flagged cases when the file has a flagged column, else all cases. */
  readonly counted: "flagged" | "cases";
  /** Periods with cases but none reviewed: not appraised, and not in the combined figures. */
  readonly notSampled: {
    readonly periods: readonly { readonly label: string; readonly population: number }[];
    readonly population: number;
  };
}

/**
 * A stratified attribute appraisal from a case file's totals ({@link readCases}): one stratum per calendar
 * month, quarter or year that has a reviewed case, its population the flagged cases of the period (all
 * its cases when the file has no flagged column), its sample the flagged cases reviewed and its found
 * those with impact; then {@link appraiseStrata}. Periods with cases but no reviewed case are listed apart
 * as not sampled.
 *
 * Reference: as {@link appraiseStrata}.
 *
 * @throws {InputError} naming `cases` when no period has a reviewed case; as {@link appraiseStrata}
 * @example
 * ```ts
 * const summary = await readCases(["id,date,flagged,reviewed,impact\nA,2024-01-05,1,1,1\nB,2024-01-09,1,0,0\nC,2024-04-02,1,1,0\n"]);
 * appraiseCases(summary, { stratify: "quarter" }).strata.map((s) => s.label); // ["2024-Q1", "2024-Q2"]
 * ```
 */
export function appraiseCases(
  summary: CaseSummary,
  options: { readonly stratify?: Stratum; readonly confidence?: number; readonly sided?: Sided } = {},
): CaseAppraisal {
  const stratify = requireOneOf("stratify", options.stratify ?? "quarter", STRATA);
  const counted = summary.hasFlagged ? "flagged" : "cases";
  const periods = periodTotals(summary, stratify);
  const sampled = periods.filter((p) => p.reviewed > 0);
  const notSampled = periods
    .filter((p) => p.reviewed === 0 && p[counted] > 0)
    .map((p) => ({ label: p.label, population: p[counted] }));
  if (sampled.length === 0) throw new InputError("cases", messages.noReviewedPeriod());
  const appraisal = appraiseStrata({
    strata: sampled.map((p) => ({
      label: p.label,
      population: p[counted],
      sample: p.reviewed,
      found: p.found,
    })),
    ...(options.confidence === undefined ? {} : { confidence: options.confidence }),
    ...(options.sided === undefined ? {} : { sided: options.sided }),
  });
  return {
    ...appraisal,
    stratify,
    counted,
    notSampled: { periods: notSampled, population: notSampled.reduce((t, p) => t + p.population, 0) },
  };
}
