import { incompleteGamma } from "./incompleteGamma.js";

/**
 * Poisson CDF, P(X ≤ k) for X ~ Poisson(mean).
 *
 * Method: the identity P(X ≤ k) = Q(k + 1, mean), the upper regularized incomplete gamma function
 * ({@link incompleteGamma}). A non-integer k gives the continuous extension Q(k + 1, mean) that
 * monetary-unit sampling tables use for fractional expected errors.
 *
 * Reference: M. Abramowitz & I. Stegun (1964), 26.4.21; AICPA *Audit Sampling* (2017), Appendix C.
 *
 * @param k - count (≥ 0; fractional values use the continuous extension)
 * @param mean - Poisson mean (≥ 0)
 * @returns P(X ≤ k), or NaN outside the domain
 */
export function poissonCdf(k: number, mean: number): number {
  if (!(mean >= 0) || Number.isNaN(k)) return Number.NaN;
  if (k < 0) return 0;
  if (mean === 0) return 1;
  return incompleteGamma(k + 1, mean, "upper");
}
