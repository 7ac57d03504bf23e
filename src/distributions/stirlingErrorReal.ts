import gammaln from "@stdlib/math-base-special-gammaln";
import { LN_SQRT_2PI } from "../math/constants.js";
import { stirlingError } from "./stirlingError.js";

/**
 * Stirling's error term δ(x) for any real x > 0, including non-integers below 16 (the Poisson continuous
 * extension needs them): the defining difference ln Γ(x + 1) − (x + ½) ln x + x − ln √(2π) there, whose
 * absolute error (about 1e-14) is what matters in a log-probability; stirlingError elsewhere.
 *
 * Reference: C. Loader (2000).
 */
export function stirlingErrorReal(x: number): number {
  if (x > 15 || (Number.isInteger(x) && x >= 1)) return stirlingError(x);
  return gammaln(x + 1) - (x + 0.5) * Math.log(x) + x - LN_SQRT_2PI;
}
