import quantile from "@stdlib/stats-base-dists-beta-quantile";

/**
 * Quantile of the Beta(a, b) distribution: the x with I_x(a, b) = p.
 *
 * Method: `@stdlib/stats-base-dists-beta-quantile` (inverse regularized incomplete beta, Boost's
 * algorithm); checked against scipy's `beta.ppf` and mpmath in `test/fixtures/python`.
 *
 * @param p - probability in [0, 1]
 * @param a - first shape parameter (> 0)
 * @param b - second shape parameter (> 0)
 * @returns the quantile in [0, 1], or NaN outside the domain
 */
export function betaQuantile(p: number, a: number, b: number): number {
  return quantile(p, a, b);
}
