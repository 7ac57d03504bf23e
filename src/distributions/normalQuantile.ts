import quantile from "@stdlib/stats-base-dists-normal-quantile";

/**
 * Quantile of the standard normal distribution, Φ⁻¹(p).
 *
 * Method: `@stdlib/stats-base-dists-normal-quantile` (inverse error function).
 *
 * @param p - probability in [0, 1]
 * @returns Φ⁻¹(p), or NaN outside the domain
 */
export function normalQuantile(p: number): number {
  return quantile(p, 0, 1);
}
