import { fisherTail } from "../distributions/fisherTail.js";
import { walleniusTail } from "../distributions/walleniusTail.js";
import { firstTrue } from "../math/firstTrue.js";
import { hypergeometricCount } from "./hypergeometricCount.js";

/** How a biased selection picked its cases: one after another (Wallenius') or each independently (Fisher's). */
export type BiasModel = "wallenius" | "fisher";
export const BIAS_MODELS: readonly BiasModel[] = ["wallenius", "fisher"];

/**
 * Relative width within which a noncentral tail probability counts as tied with α. The tails are
 * computed to about 10⁻¹¹ relative (tested against mpmath), not exactly, so a tie cannot be decided as in
 * exact arithmetic; a candidate within this width of α is kept, which can only widen a bound (by at most
 * one case), never narrow it below its coverage.
 */
export const NONCENTRAL_TIE_TOLERANCE = 1e-9;

function notRejected(p: number, alpha: number): boolean {
  return p > alpha * (1 - NONCENTRAL_TIE_TOLERANCE);
}

/**
 * Bounds on the number K of affected cases among N when the n examined were picked with a bias ω against
 * affected cases: an affected case is 1/ω times as likely as an unaffected one to be picked. Then X, the
 * affected cases found, follows a noncentral hypergeometric distribution with odds 1/ω — Wallenius' for
 * cases picked one after another, Fisher's for cases included independently (Fog 2008) — and the bounds
 * invert its exact tails as the hypergeometric bounds do (Buonaccorsi 1987):
 * - upper = the largest K with P(X ≤ k | N, K, n, 1/ω) > α;
 * - lower = the smallest K with P(X ≥ k | N, K, n, 1/ω) > α (0 when k = 0).
 *
 * Both tails fall monotonically in K, so a galloping search from the random-sample bound scaled by ω,
 * then bisection, finds each bound in a few dozen tail evaluations. ω = 1 is the hypergeometric bound
 * itself ({@link hypergeometricCount}), with its exact ties. Otherwise a near-tie within
 * {@link NONCENTRAL_TIE_TOLERANCE} of α keeps the candidate (the wider bound).
 *
 * Reference: A. Fog (2008), "Calculation methods for Wallenius' noncentral hypergeometric distribution",
 * Communications in Statistics — Simulation and Computation 37(2), 258–273.
 *
 * @param found - k
 * @param sample - n
 * @param population - N
 * @param alpha - probability in each bounded tail
 * @param bias - ω > 0 (1 is random selection; above 1, affected cases were less likely to be picked)
 * @param model - `wallenius` or `fisher`
 * @returns integer bounds { lower, upper }
 */
export function noncentralCount(
  found: number,
  sample: number,
  population: number,
  alpha: number,
  bias: number,
  model: BiasModel,
): { lower: number; upper: number } {
  const central = hypergeometricCount(found, sample, population, alpha);
  if (bias === 1) return central;
  const odds = 1 / bias;
  const tail = model === "wallenius" ? walleniusTail : fisherTail;
  const highest = found + population - sample;
  const scale = (count: number) =>
    Math.min(highest, Math.max(found, found + Math.round((count - found) * bias)));
  const upper =
    firstTrue(
      found + 1,
      highest,
      (k) => !notRejected(tail(found, population, k, sample, odds, "lower"), alpha),
      scale(central.upper) + 1,
    ) - 1;
  const lower =
    found === 0
      ? 0
      : firstTrue(
          found,
          highest,
          (k) => notRejected(tail(found - 1, population, k, sample, odds, "upper"), alpha),
          scale(central.lower),
        );
  return { lower, upper };
}
