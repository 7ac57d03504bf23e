import { gammaQuantile } from "../distributions/gammaQuantile.js";
import type { Bounds } from "./types.js";

/**
 * Exact Poisson bounds on a rate per case examined: lower = ½χ²(α; 2k)/n, upper = ½χ²(1 − α; 2k + 2)/n,
 * evaluated as Gamma(k) and Gamma(k + 1) quantiles; lower 0 at k = 0. Not clipped here: a rate above 1
 * is possible under this model and is reported by the caller.
 *
 * Reference: F. Garwood (1936), Biometrika 28, 437–442; AICPA *Audit Sampling* (2017), Appendix C.
 *
 * @param found - k
 * @param sample - n, exposure in cases examined
 * @param alpha - probability in each bounded tail
 */
export function poissonExact(found: number, sample: number, alpha: number): Bounds {
  return {
    lower: found === 0 ? 0 : gammaQuantile(alpha, found) / sample,
    upper: gammaQuantile(1 - alpha, found + 1) / sample,
  };
}
