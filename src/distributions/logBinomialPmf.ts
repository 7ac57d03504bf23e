import { LN_2PI } from "../math/constants.js";
import { binomialDeviance } from "./binomialDeviance.js";
import { stirlingError } from "./stirlingError.js";

/**
 * Natural log of the binomial probability `P(X = x)`, X ~ Binomial(n, p), with q = 1 − p given
 * separately so that callers can pass it without rounding.
 *
 * Method: Loader's saddle-point expansion (stirlingError and binomialDeviance), accurate to a few ULPs in
 * relative terms over the whole range, including n near 10^9 where ln-factorial differences lose ~7 digits.
 * Outside the support the result is −∞; parameters outside their domain give NaN (never thrown).
 *
 * Reference: C. Loader (2000), "Fast and Accurate Computation of Binomial Probabilities".
 *
 * @param x - number of successes (integer)
 * @param n - number of trials (integer)
 * @param p - success probability
 * @param q - 1 − p
 * @returns ln P(X = x)
 */
export function logBinomialPmf(x: number, n: number, p: number, q: number): number {
  if (Number.isNaN(x) || Number.isNaN(n) || Number.isNaN(p) || Number.isNaN(q)) return Number.NaN;
  if (p === 0) return x === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (q === 0) return x === n ? 0 : Number.NEGATIVE_INFINITY;
  if (x < 0 || x > n) return Number.NEGATIVE_INFINITY;
  if (x === 0) {
    if (n === 0) return 0;
    return p < 0.1 ? -binomialDeviance(n, n * q) - n * p : n * Math.log(q);
  }
  if (x === n) {
    return q < 0.1 ? -binomialDeviance(n, n * p) - n * q : n * Math.log(p);
  }
  const lc =
    stirlingError(n) -
    stirlingError(x) -
    stirlingError(n - x) -
    binomialDeviance(x, n * p) -
    binomialDeviance(n - x, n * q);
  const lf = LN_2PI + Math.log(x) + Math.log1p(-x / n);
  return lc - 0.5 * lf;
}
