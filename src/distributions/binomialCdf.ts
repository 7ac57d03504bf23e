import betainc from "@stdlib/math-base-special-betainc";

/**
 * Binomial CDF, P(X ≤ k) for X ~ Binomial(n, p).
 *
 * Method: the identity P(X ≤ k) = 1 − I_p(k + 1, n − k), evaluated as the upper regularized incomplete
 * beta function of `@stdlib/math-base-special-betainc`, so that the tail keeps its relative precision.
 *
 * Reference: M. Abramowitz & I. Stegun (1964), 26.5.24.
 *
 * @param k - successes (integer)
 * @param n - trials (integer ≥ 0)
 * @param p - success probability in [0, 1]
 * @returns P(X ≤ k), or NaN outside the domain
 */
export function binomialCdf(k: number, n: number, p: number): number {
  if (!Number.isInteger(n) || n < 0 || !(p >= 0 && p <= 1) || Number.isNaN(k)) return Number.NaN;
  const x = Math.floor(k);
  if (x < 0) return 0;
  if (x >= n) return 1;
  if (p === 0) return 1;
  if (p === 1) return 0;
  return betainc(p, x + 1, n - x, true, true);
}
