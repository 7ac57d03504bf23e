import gammaln from "@stdlib/math-base-special-gammaln";
import { LN_2PI } from "../math/constants.js";
import { binomialDeviance } from "./binomialDeviance.js";
import { stirlingErrorReal } from "./stirlingErrorReal.js";

/**
 * ln(λ^x e^(−λ) / Γ(x + 1)) for real x ≥ 0: the Poisson log-probability, continued to non-integer x.
 *
 * Method: Loader's saddle-point form −δ(x) − bd0(x, λ) − ½ ln(2πx), accurate to a few ULPs where the
 * naive x ln λ − λ − ln Γ(x + 1) loses digits to cancellation (x and λ large and close).
 *
 * Reference: C. Loader (2000), "Fast and Accurate Computation of Binomial Probabilities".
 *
 * @param x - count (real, ≥ 0)
 * @param mean - λ ≥ 0
 */
export function poissonLogPmf(x: number, mean: number): number {
  if (Number.isNaN(x) || Number.isNaN(mean) || mean < 0) return Number.NaN;
  if (x < 0) return Number.NEGATIVE_INFINITY;
  if (mean === 0) return x === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (x === 0) return -mean;
  if (mean < x * Number.MIN_VALUE) return -mean + x * Math.log(mean) - gammaln(x + 1);
  return -stirlingErrorReal(x) - binomialDeviance(x, mean) - 0.5 * (LN_2PI + Math.log(x));
}
