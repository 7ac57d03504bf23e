import { sum } from "simple-statistics";
import { incompleteGamma } from "../distributions/incompleteGamma.js";
import type { MethodId } from "../methods/methodRegistry.js";

/** Whether several windows' rates of affected cases differ more than chance allows. */
export interface RateHomogeneity {
  readonly method: MethodId;
  /** Pearson's X² over the windows × {found, not found} table, without Yates' correction. */
  readonly statistic: number;
  readonly degreesOfFreedom: number;
  /** P(χ²(windows − 1) ≥ X²): small when the data contradict one rate for every window. */
  readonly pValue: number;
  /** The smallest expected count in the table; below 5 the chi-square p-value is only a rough guide. */
  readonly smallestExpected: number;
}

/**
 * Pearson's chi-square test of homogeneity (Pearson 1900) of the windows' rates: the k_i found among the n_i
 * reviewed in each window against one rate for all, X² = Σ (O − E)²/E over the windows × {found, not found}
 * table, E the counts that one pooled rate gives, with windows − 1 degrees of freedom and no continuity
 * correction (as `scipy.stats.chi2_contingency(..., correction=False)`). The sums use simple-statistics'
 * compensated `sum`; the p-value is the regularized upper incomplete gamma Q((W − 1)/2, X²/2), which
 * simple-statistics does not provide (it has only a table of critical values at fixed levels).
 *
 * Null with fewer than two windows, or when every reviewed case, or none, was affected: the table then has
 * an empty column and says nothing about a difference.
 *
 * @example
 * rateHomogeneity([{ found: 1, reviewed: 109 }, { found: 9, reviewed: 100 }])?.pValue; // 0.00624…
 */
export function rateHomogeneity(
  windows: readonly { readonly found: number; readonly reviewed: number }[],
): RateHomogeneity | null {
  if (windows.length < 2) return null;
  const found = sum(windows.map((w) => w.found));
  const reviewed = sum(windows.map((w) => w.reviewed));
  if (found === 0 || found === reviewed) return null;
  const rate = found / reviewed;
  const cells = windows.flatMap((w) => [
    { observed: w.found, expected: w.reviewed * rate },
    { observed: w.reviewed - w.found, expected: w.reviewed * (1 - rate) },
  ]);
  const statistic = sum(cells.map((c) => (c.observed - c.expected) ** 2 / c.expected));
  const degreesOfFreedom = windows.length - 1;
  return {
    method: "chi-square-homogeneity",
    statistic,
    degreesOfFreedom,
    pValue: incompleteGamma(degreesOfFreedom / 2, statistic / 2, "upper"),
    smallestExpected: Math.min(...cells.map((c) => c.expected)),
  };
}
