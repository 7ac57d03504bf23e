import gammaln from "@stdlib/math-base-special-gammaln";
import { LN_SQRT_2PI } from "../math/constants.js";

const S0 = 1 / 12;
const S1 = 1 / 360;
const S2 = 1 / 1260;
const S3 = 1 / 1680;
const S4 = 1 / 1188;

/**
 * Stirling's error term, `δ(n) = ln n! − ln(√(2πn) (n/e)^n)`.
 *
 * Method: the asymptotic series of Loader (2000) for n > 15; below that the defining difference, whose
 * absolute error (about 1e-14) is what matters, since δ enters a log-probability additively.
 * Hand-written because no maintained JavaScript package exposes δ(n), and the exact log-space
 * hypergeometric probabilities below depend on it.
 *
 * Reference: C. Loader (2000), "Fast and Accurate Computation of Binomial Probabilities".
 *
 * @param n - a non-negative real number
 * @returns δ(n)
 */
export function stirlingError(n: number): number {
  if (n <= 15) {
    return gammaln(n + 1) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI;
  }
  const nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}
