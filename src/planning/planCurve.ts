import { countInterval } from "../intervals/countInterval.js";
import { proportionInterval } from "../intervals/proportionInterval.js";
import { ceilTimes } from "../math/wholeCount.js";
import { type SampleSize, sampleSize } from "./sampleSize.js";

export interface PlanCurve {
  readonly plan: SampleSize;
  /** Affected cases found that every point assumes: the plan's allowed count, rounded up. */
  readonly found: number;
  /** The one-sided upper bound on the rate if `allowed` affected are found in `sample`. */
  readonly points: readonly { readonly sample: number; readonly upper: number }[];
}

/**
 * The upper bound on the rate against the sample size, for a fixed number found, with the plan's required
 * size: Clopper–Pearson (binomial and Poisson plans) or exact hypergeometric (with a population).
 * For plans with an expected rate, the allowed count at the planned size is used throughout.
 *
 * @throws {InputError} as {@link sampleSize}
 *
 * @example
 * planCurve({ model: "binomial", tolerable: 0.05 }).plan.sampleSize; // 59 (AICPA 2017, Appendix A)
 */
export function planCurve(options: Parameters<typeof sampleSize>[0], points = 80): PlanCurve {
  const plan = sampleSize(options);
  // The whole count found: the allowed count, or ⌈n × expected rate⌉ exactly where it is not whole (Poisson).
  const found =
    options.expectedRate === undefined || Number.isInteger(plan.allowed)
      ? plan.allowed
      : ceilTimes(plan.sampleSize, options.expectedRate);
  const last = Math.min(
    plan.population ?? Number.MAX_SAFE_INTEGER,
    Math.max(plan.sampleSize * 2, found + 10),
  );
  const first = found + 1;
  const sizes = new Set<number>([plan.sampleSize]);
  for (let i = 0; i < points; i++) sizes.add(Math.round(first + ((last - first) * i) / (points - 1)));
  const curve = [...sizes]
    .filter((n) => n >= first && n <= last)
    .sort((a, b) => a - b)
    .map((sample) => ({
      sample,
      upper:
        plan.population === undefined
          ? proportionInterval({ found, sample, confidence: plan.confidence, sided: "upper" }).upper
          : countInterval({
              found,
              sample,
              population: plan.population,
              confidence: plan.confidence,
              sided: "upper",
            }).rate.upper,
    }));
  return { plan, found, points: curve };
}
