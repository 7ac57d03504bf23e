import { betaQuantile } from "../distributions/betaQuantile.js";
import type { Bounds } from "./types.js";

/**
 * Jeffreys interval: equal-tailed quantiles of Beta(k + ½, n − k + ½), with lower 0 at k = 0 and upper 1
 * at k = n (the boundary modification of Brown, Cai & DasGupta).
 *
 * Reference: L. D. Brown, T. T. Cai & A. DasGupta (2001), Statistical Science 16(2), 101–133, §4.1.2.
 *
 * @param found - k
 * @param sample - n
 * @param alpha - probability in each bounded tail
 */
export function jeffreys(found: number, sample: number, alpha: number): Bounds {
  const a = found + 0.5;
  const b = sample - found + 0.5;
  return {
    lower: found === 0 ? 0 : betaQuantile(alpha, a, b),
    upper: found === sample ? 1 : betaQuantile(1 - alpha, a, b),
  };
}
