import type { MethodId } from "../methods/methodRegistry.js";
import type { Warning } from "../validation/warnings.js";
import { countInterval } from "./countInterval.js";
import { PROPORTION_METHODS, proportionInterval } from "./proportionInterval.js";
import type { Interval, Sided } from "./types.js";

export interface MethodInterval extends Interval {
  readonly method: MethodId;
  readonly warnings: readonly Warning[];
}

export interface IntervalComparison {
  readonly found: number;
  readonly sample: number;
  readonly population?: number;
  readonly confidence: number;
  readonly sided: Sided;
  /** Every rate method, then the exact hypergeometric rate when a population is given. */
  readonly intervals: readonly MethodInterval[];
}

/**
 * The same data under every interval method (Clopper–Pearson, Wilson, Jeffreys, Agresti–Coull, Wald,
 * Poisson, Bayes with Beta(1, 1), and exact hypergeometric with a population), as rates, so that a reader
 * sees where methods disagree.
 *
 * @throws {InputError} as {@link proportionInterval} and {@link countInterval}
 *
 * @example
 * const comparison = compareIntervals({ found: 1, sample: 109, population: 609 });
 * comparison.intervals.find((i) => i.method === "clopper-pearson")?.upper; // 0.05005682… (scipy beta.ppf(0.975, 2, 108))
 */
export function compareIntervals(options: {
  readonly found: number;
  readonly sample: number;
  readonly population?: number;
  readonly confidence?: number;
  readonly sided?: Sided;
}): IntervalComparison {
  const confidence = options.confidence ?? 0.95;
  const sided = options.sided ?? "two";
  const intervals: MethodInterval[] = PROPORTION_METHODS.map((method) => {
    const r = proportionInterval({ found: options.found, sample: options.sample, confidence, sided, method });
    return { method, estimate: r.estimate, lower: r.lower, upper: r.upper, warnings: r.warnings };
  });
  if (options.population !== undefined) {
    const r = countInterval({
      found: options.found,
      sample: options.sample,
      population: options.population,
      confidence,
      sided,
    });
    intervals.push({
      method: "hypergeometric",
      estimate: r.rate.estimate,
      lower: r.rate.lower,
      upper: r.rate.upper,
      warnings: [],
    });
  }
  return {
    found: options.found,
    sample: options.sample,
    ...(options.population === undefined ? {} : { population: options.population }),
    confidence,
    sided,
    intervals,
  };
}
