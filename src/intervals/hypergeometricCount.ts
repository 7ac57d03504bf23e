import { hypergeometricTail } from "../distributions/hypergeometricTail.js";
import {
  hypergeometricLowerTailPrecise,
  PreciseDecimal,
} from "../distributions/hypergeometricTailPrecise.js";
import { firstTrue } from "../math/firstTrue.js";
import { decimalFraction, type Fraction } from "../math/wholeCount.js";
import type { Bounds } from "./types.js";

/**
 * Relative distance from α within which a double-precision tail does not decide: well above its error
 * (about 1e-13 relative, 1e-10 after summing 10^6 terms), far below the gap between neighbouring K except
 * at populations near 2^53, where the precise tail decides.
 */
const UNDECIDED = 1e-11;

/** Two precise tails within this (relative) of α are an exact tie: 60 digits carry about 45 to spare. */
const TIE = new PreciseDecimal(10).pow(-45);

/**
 * P > α in exact arithmetic (ties are not above). The double-precision tail decides unless it lies within
 * {@link UNDECIDED} of α; then the 60-digit tail does, against α as an exact fraction.
 */
function above(
  fast: number,
  precise: () => InstanceType<typeof PreciseDecimal>,
  alpha: number,
  exactAlpha: Fraction,
): boolean {
  if (fast > alpha * (1 + UNDECIDED)) return true;
  if (fast < alpha * (1 - UNDECIDED)) return false;
  const a = new PreciseDecimal(exactAlpha.numerator.toString()).div(exactAlpha.denominator.toString());
  return precise().minus(a).gt(a.mul(TIE));
}

/**
 * Exact hypergeometric bounds on the number K of affected cases in a population of N, after finding
 * k affected in a simple random sample of n without replacement (Buonaccorsi 1987):
 * - upper = the largest K with P(X ≤ k | N, K, n) > α;
 * - lower = the smallest K with P(X ≥ k | N, K, n) > α (0 when k = 0).
 * Both lie in [k, N − (n − k)]. This is the convention of RAT-STATS and of jfa's hypergeometric bounds.
 *
 * Method: galloping search from a rough closed-form guess, then bisection, on the exact log-space tail
 * ({@link hypergeometricTail}); about 2·log2 of the guess's error, never a scan of all K. The guess only
 * sets where the search starts; the result is exact whatever it is. A tail within 1e-9 of α is decided
 * again at 60 digits ({@link hypergeometricLowerTailPrecise}) against α as an exact fraction, so that
 * ties and near-ties are decided as in exact arithmetic even at N near 2^53.
 *
 * Reference: J. P. Buonaccorsi (1987), "A note on confidence intervals for proportions in finite
 * populations", The American Statistician 41(3), 215–218.
 *
 * @param found - k
 * @param sample - n
 * @param population - N
 * @param alpha - probability in each bounded tail
 * @param exactAlpha - the same as an exact fraction (default: the decimal `alpha` prints as)
 * @returns integer bounds { lower, upper }
 * @example
 * hypergeometricCount(1, 109, 609, 0.05).upper; // 24
 */
export function hypergeometricCount(
  found: number,
  sample: number,
  population: number,
  alpha: number,
  exactAlpha: Fraction = decimalFraction(alpha),
): Bounds {
  const unexamined = population - sample;
  const highest = found + unexamined;
  // Starting points: the observed rate moved by about z·√k cases (z ≈ 2), applied to the unexamined cases.
  const spread = 2 * Math.sqrt(found + 1) + 2;
  const upperGuess = found + Math.round((unexamined * (found + spread)) / sample);
  const lowerGuess = found + Math.round((unexamined * Math.max(0, found - spread)) / sample);
  const upper =
    firstTrue(
      found + 1,
      highest,
      (k) =>
        !above(
          hypergeometricTail(found, population, k, sample, "lower"),
          () => hypergeometricLowerTailPrecise(found, population, k, sample),
          alpha,
          exactAlpha,
        ),
      upperGuess,
    ) - 1;
  const lower =
    found === 0
      ? 0
      : firstTrue(
          found,
          highest,
          (k) =>
            above(
              hypergeometricTail(found - 1, population, k, sample, "upper"),
              () =>
                new PreciseDecimal(1).minus(hypergeometricLowerTailPrecise(found - 1, population, k, sample)),
              alpha,
              exactAlpha,
            ),
          lowerGuess,
        );
  return { lower, upper };
}
