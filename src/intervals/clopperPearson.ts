import { betaQuantile } from "../distributions/betaQuantile.js";
import type { Bounds } from "./types.js";

/**
 * Clopper–Pearson ("exact") bounds on a binomial rate: lower = B⁻¹(α; k, n − k + 1),
 * upper = B⁻¹(1 − α; k + 1, n − k), with lower 0 at k = 0 and upper 1 at k = n. Inclusive convention:
 * the upper bound is the rate at which P(X ≤ k) = α exactly.
 *
 * Reference: C. J. Clopper & E. S. Pearson (1934), Biometrika 26(4), 404–413.
 *
 * @param found - k, affected cases found (0 ≤ k ≤ n)
 * @param sample - n, cases examined
 * @param alpha - probability in each bounded tail
 */
export function clopperPearson(found: number, sample: number, alpha: number): Bounds {
  return {
    lower: found === 0 ? 0 : betaQuantile(alpha, found, sample - found + 1),
    upper: found === sample ? 1 : betaQuantile(1 - alpha, found + 1, sample - found),
  };
}
