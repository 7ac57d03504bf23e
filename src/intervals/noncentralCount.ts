import { fisherTail } from "../distributions/fisherTail.js";
import {
  fisherLowerTailPrecise,
  NoncentralDecimal,
  walleniusLowerTailPrecise,
} from "../distributions/noncentralTailPrecise.js";
import { walleniusTail } from "../distributions/walleniusTail.js";
import { decimalFraction, type Fraction } from "../math/wholeCount.js";
import { hypergeometricCount } from "./hypergeometricCount.js";
import type { Bounds } from "./types.js";

/** How a biased selection picked its cases: one after another (Wallenius') or each independently (Fisher's). */
export type BiasModel = "wallenius" | "fisher";
export const BIAS_MODELS: readonly BiasModel[] = ["wallenius", "fisher"];

/**
 * Relative distance from α within which a double-precision noncentral tail does not decide: ten times the
 * accuracy the tails are tested to (10⁻¹⁰ relative against mpmath and exact fractions); the tail is then
 * computed again at 60 digits ({@link walleniusLowerTailPrecise}, {@link fisherLowerTailPrecise}).
 */
export const NONCENTRAL_TIE_TOLERANCE = 1e-9;

/** Two precise tails within this (relative) of α are an exact tie: 60 digits carry about 45 to spare. */
const TIE = new NoncentralDecimal(10).pow(-45);

/** A tail probability of the biased draw, in double precision and (on demand) at 60 digits. */
interface BiasedTail {
  readonly fast: number;
  readonly precise: () => InstanceType<typeof NoncentralDecimal> | null;
}

/**
 * P > α as in exact arithmetic (a tie is not above). The double-precision tail decides unless it lies
 * within {@link NONCENTRAL_TIE_TOLERANCE} of α; then the 60-digit tail does, against α as an exact
 * fraction. When even that is too costly (more than 2·10⁶ steps), the candidate is kept: the bound can
 * then only widen, by at most one case.
 */
function above(tail: BiasedTail, alpha: number, exactAlpha: Fraction): boolean {
  if (tail.fast > alpha * (1 + NONCENTRAL_TIE_TOLERANCE)) return true;
  if (tail.fast < alpha * (1 - NONCENTRAL_TIE_TOLERANCE)) return false;
  const precise = tail.precise();
  if (precise === null) return true;
  const a = new NoncentralDecimal(exactAlpha.numerator.toString()).div(exactAlpha.denominator.toString());
  return precise.minus(a).gt(a.mul(TIE));
}

/** P(X ≤ k) (lower) or P(X ≥ k) (atLeast) under odds 1/bias, both ways. */
function biasedTail(
  model: BiasModel,
  side: "atMost" | "atLeast",
  k: number,
  population: number,
  marked: number,
  draws: number,
  bias: number,
): BiasedTail {
  const tail = model === "wallenius" ? walleniusTail : fisherTail;
  const preciseTail = model === "wallenius" ? walleniusLowerTailPrecise : fisherLowerTailPrecise;
  const b = decimalFraction(bias);
  const odds = { numerator: b.denominator, denominator: b.numerator };
  if (side === "atMost") {
    return {
      fast: tail(k, population, marked, draws, 1 / bias, "lower"),
      precise: () => preciseTail(k, population, marked, draws, odds),
    };
  }
  return {
    fast: tail(k - 1, population, marked, draws, 1 / bias, "upper"),
    precise: () => {
      const below = preciseTail(k - 1, population, marked, draws, odds);
      return below === null ? null : new NoncentralDecimal(1).minus(below);
    },
  };
}

/**
 * Whether K affected cases are kept by the upper bound under selection bias ω: P(X ≤ k | N, K, n, 1/ω) > α,
 * decided as {@link noncentralCount} decides it. The upper bound is at least K exactly when this holds,
 * since the tail falls with K; so a search over ω needs one tail per step, not a bound.
 *
 * @example
 * keepsUpper(1, 109, 609, 0.05, 2, "wallenius", 45); // true: the upper bound at ω = 2 is 45
 */
export function keepsUpper(
  found: number,
  sample: number,
  population: number,
  alpha: number,
  bias: number,
  model: BiasModel,
  affected: number,
  exactAlpha: Fraction = decimalFraction(alpha),
): boolean {
  return above(biasedTail(model, "atMost", found, population, affected, sample, bias), alpha, exactAlpha);
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
 * Both tails fall monotonically in K. The search starts from the random-sample bound scaled by ω and
 * steps by the secant of ln P − ln α over K (safeguarded by bisection), so a bound takes a handful of
 * tail evaluations. ω = 1 is the hypergeometric bound itself ({@link hypergeometricCount}). Otherwise a
 * tail within {@link NONCENTRAL_TIE_TOLERANCE} of α is computed again at 60 digits and compared with α as
 * an exact fraction, so ties are decided as in exact arithmetic (up to 2·10⁶ steps of that computation;
 * beyond, the candidate is kept).
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
 * @param exactAlpha - α as an exact fraction (default: the decimal `alpha` prints as)
 * @returns integer bounds { lower, upper }
 * @example
 * noncentralCount(1, 109, 609, 0.05, 2, "wallenius"); // { lower: 1, upper: 45 }
 */
export function noncentralCount(
  found: number,
  sample: number,
  population: number,
  alpha: number,
  bias: number,
  model: BiasModel,
  exactAlpha: Fraction = decimalFraction(alpha),
  bounds: "both" | "upper" = "both",
): Bounds {
  if (bias === 1) return hypergeometricCount(found, sample, population, alpha, exactAlpha);
  const highest = found + population - sample;
  const logAlpha = Math.log(alpha);
  const upperBound = (biasModel: BiasModel, guess: number, step: number) =>
    firstTrueBySecant(found + 1, highest, guess + 1, step, (k) => {
      const tail = biasedTail(biasModel, "atMost", found, population, k, sample, bias);
      return { holds: !above(tail, alpha, exactAlpha), score: logAlpha - Math.log(tail.fast) };
    }) - 1;
  const lowerBound = (biasModel: BiasModel, guess: number, step: number) =>
    found === 0
      ? 0
      : firstTrueBySecant(found, highest, guess, step, (k) => {
          const tail = biasedTail(biasModel, "atLeast", found, population, k, sample, bias);
          return { holds: above(tail, alpha, exactAlpha), score: Math.log(tail.fast) - logAlpha };
        });
  // Fisher's tails cost microseconds: its bounds, found from a rough start, are where Wallenius' search
  // starts (the two models' bounds differ by a few per cent at most shares sampled).
  const rough = (margin: number) => {
    const rate = Math.max(0, found + margin * Math.sqrt(found + 1)) / sample;
    return Math.min(highest, found + Math.round((population - sample) * Math.min(1, rate * bias)));
  };
  const firstStep = (guess: number) => Math.max(1, Math.round(0.02 * (guess - found)));
  const fisherUpper = upperBound("fisher", rough(2), firstStep(rough(2)));
  const fisherLower = bounds === "upper" ? found : lowerBound("fisher", rough(-2), firstStep(rough(-2)));
  if (model === "fisher") return { lower: fisherLower, upper: fisherUpper };
  return {
    lower: bounds === "upper" ? found : lowerBound("wallenius", fisherLower, 1),
    upper: upperBound("wallenius", fisherUpper, 1),
  };
}

/**
 * The smallest integer in [lo, hi] at which a monotone predicate holds (hi + 1 when it holds nowhere), as
 * {@link firstTrue} finds it, when each probe also gives a score that rises through about 0 where the
 * predicate turns (here ln α against the log tail). The next probe is the secant estimate of the score's
 * root — extrapolated until the turn is bracketed, then interpolated within the bracket — and a bisection
 * whenever the bracket did not halve over two probes, so the search never takes more than about twice
 * bisection's probes, and from a close guess takes three to six. The answer depends only on the
 * predicate: the scores only choose where to look.
 */
function firstTrueBySecant(
  lo: number,
  hi: number,
  guess: number,
  firstStep: number,
  probe: (x: number) => { holds: boolean; score: number },
): number {
  let step = firstStep;
  if (lo > hi) return hi + 1;
  let below = lo - 1;
  let belowScore = Number.NaN;
  let above = hi + 1;
  let aboveScore = Number.NaN;
  let previous: { x: number; score: number } | undefined;
  let x = Math.min(hi, Math.max(lo, Math.round(guess)));
  const widths: number[] = [];
  for (;;) {
    const { holds, score } = probe(x);
    if (holds) {
      above = x;
      aboveScore = score;
    } else {
      below = x;
      belowScore = score;
    }
    if (above - below <= 1) return above;
    if (above === lo) return lo;
    if (below === hi) return hi + 1;
    let next: number;
    if (below >= lo && above <= hi) {
      const width = above - below;
      widths.push(width);
      const secant = below + ((above - below) * (0 - belowScore)) / (aboveScore - belowScore);
      const twoStepsBack = widths.at(-3);
      const stalled = twoStepsBack !== undefined && width > twoStepsBack / 2;
      next =
        Number.isFinite(secant) && !stalled ? Math.round(secant) : below + Math.floor((above - below) / 2);
      next = Math.min(above - 1, Math.max(below + 1, next));
    } else {
      // Not yet bracketed: move away from the side just seen, to the first integer past the root of the
      // secant through the last two probes when it points that way, else by a doubling step.
      const direction = holds ? -1 : 1;
      let move = step;
      if (previous !== undefined && Number.isFinite(score) && Number.isFinite(previous.score)) {
        const root = x + ((x - previous.x) * (0 - score)) / (score - previous.score);
        const towards = (root - x) * direction;
        if (Number.isFinite(root) && towards > 0) move = Math.min(Math.ceil(towards), 64 * step);
      }
      step = Math.max(step * 2, move);
      next = x + direction * move;
      next = direction > 0 ? Math.min(next, above - 1, hi) : Math.max(next, below + 1, lo);
    }
    previous = { x, score };
    x = next;
  }
}
