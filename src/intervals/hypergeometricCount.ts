import { hypergeometricTail } from "../distributions/hypergeometricTail.js";
import { exceeds } from "../math/compareProbability.js";
import { firstTrue } from "../math/firstTrue.js";

/**
 * Exact hypergeometric bounds on the number K of affected cases in a population of N, after finding
 * k affected in a simple random sample of n without replacement (Buonaccorsi 1987):
 * - upper = the largest K with P(X ≤ k | N, K, n) > α;
 * - lower = the smallest K with P(X ≥ k | N, K, n) > α (0 when k = 0).
 * Both lie in [k, N − (n − k)]. This is the convention of RAT-STATS and of jfa's hypergeometric bounds.
 *
 * Method: galloping search from a rough closed-form guess, then bisection, on the exact log-space tail
 * ({@link hypergeometricTail}); about 2·log2 of the guess's error, never a scan of all K. The guess only
 * sets where the search starts; the result is exact whatever it is.
 *
 * Reference: J. P. Buonaccorsi (1987), "A note on confidence intervals for proportions in finite
 * populations", The American Statistician 41(3), 215–218.
 *
 * @param found - k
 * @param sample - n
 * @param population - N
 * @param alpha - probability in each bounded tail
 * @returns integer bounds { lower, upper }
 */
export function hypergeometricCount(
  found: number,
  sample: number,
  population: number,
  alpha: number,
): { lower: number; upper: number } {
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
      (k) => !exceeds(hypergeometricTail(found, population, k, sample, "lower"), alpha),
      upperGuess,
    ) - 1;
  const lower =
    found === 0
      ? 0
      : firstTrue(
          found,
          highest,
          (k) => exceeds(hypergeometricTail(found - 1, population, k, sample, "upper"), alpha),
          lowerGuess,
        );
  return { lower, upper };
}
