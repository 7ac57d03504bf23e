import type { Tail } from "./hypergeometricTail.js";
import { lowerTailBySupport, outsideNoncentralDomain } from "./noncentralDomain.js";
import { walleniusLogPmf } from "./walleniusLogPmf.js";

/**
 * A tail probability of Wallenius' noncentral hypergeometric distribution: P(X ≤ x) or P(X > x).
 *
 * Method: the tail on the far side of the approximate mean (Fog 2008, eq. 13: (1 − μ/m₁)^{1/ω} =
 * (1 − (n − μ)/m₂), solved by bisection) is computed directly, so it keeps its full relative accuracy
 * however small it is; the other tail is one minus it. An upper tail P(X > x) is the lower tail
 * P(Y ≤ n − x − 1) of Y, the unmarked items drawn, which follows Wallenius' distribution with odds 1/ω.
 * Each lower tail comes from whichever of Fog's two methods is cheaper ({@link walleniusAtMost}): the urn
 * followed draw by draw, or the integral form of each probability summed from x outwards.
 *
 * Reference: A. Fog (2008), "Calculation methods for Wallenius' noncentral hypergeometric distribution",
 * Communications in Statistics — Simulation and Computation 37(2), 258–273.
 *
 * @param x - marked items drawn
 * @param population - N
 * @param marked - m₁
 * @param draws - n
 * @param odds - ω > 0, the weight of a marked item relative to an unmarked one
 * @param tail - `lower` for P(X ≤ x), `upper` for P(X > x)
 * @returns the probability, or NaN for parameters outside their domain
 *
 * @example
 * walleniusTail(1, 609, 24, 109, 2, "lower"); // 0.00101692… (scipy nchypergeom_wallenius.cdf(1, 609, 24, 109, 2))
 */
export function walleniusTail(
  x: number,
  population: number,
  marked: number,
  draws: number,
  odds: number,
  tail: Tail,
): number {
  if (outsideNoncentralDomain(x, population, marked, draws, odds)) return Number.NaN;
  const k = Math.floor(x);
  const decided = lowerTailBySupport(k, population, marked, draws);
  if (decided !== undefined) return tail === "lower" ? decided : 1 - decided;
  if (k < walleniusMean(population, marked, draws, odds)) {
    const below = walleniusAtMost(k, population, marked, draws, odds);
    return tail === "lower" ? below : 1 - below;
  }
  const above = walleniusAtMost(draws - k - 1, population, population - marked, draws, 1 / odds);
  return tail === "lower" ? 1 - above : above;
}

/** Which of Fog's methods computes a lower tail: the urn draw by draw, or the integral of each term. */
export type WalleniusMethod = "urn" | "integral";

/**
 * Urn steps (one draw of one state) that cost about as much as one probability by the integral form:
 * measured on this implementation (about 3 ns against 10–15 µs).
 */
const URN_STEPS_PER_TERM = 4_000;

/**
 * P(X ≤ k) of Wallenius' distribution by a chosen method of Fog (2008), or by the cheaper one: the urn
 * costs draws × (k + 1) steps; the integral form costs one integral per term, and the terms summed from
 * k downwards become negligible within about nine standard deviations.
 *
 * - `urn`: the probability of each count 0…k of marked items after each draw, a draw picking a marked
 *   item with probability ω·(marked left) / (ω·(marked left) + unmarked left). Only positive numbers are
 *   multiplied, divided and added, so each count's relative error stays below about 3 × draws × 2⁻⁵³.
 * - `integral`: the probabilities from {@link walleniusLogPmf} summed from k downwards until a term, while
 *   falling, adds less than 10⁻¹⁷ of the sum (the distribution is unimodal).
 *
 * Both are accurate relative to the tail itself, so call it for the smaller tail (k below the mean).
 *
 * @param k - at most this many marked items drawn (an integer from the lowest possible count)
 * @param population - N
 * @param marked - m₁
 * @param draws - n
 * @param odds - ω > 0
 * @param method - force one method (both are tested against each other and against mpmath)
 * @returns P(X ≤ k)
 * @example
 * walleniusAtMost(1, 609, 45, 109, 0.5, "urn"); // 0.05426…
 */
export function walleniusAtMost(
  k: number,
  population: number,
  marked: number,
  draws: number,
  odds: number,
  method?: WalleniusMethod,
): number {
  const lowest = Math.max(0, draws - (population - marked));
  const chosen =
    method ??
    (draws * (k - lowest + 1) <= URN_STEPS_PER_TERM * termsNeeded(k, lowest, population, marked, draws, odds)
      ? "urn"
      : "integral");
  return chosen === "urn"
    ? urnAtMost(k, population, marked, draws, odds)
    : integralAtMost(k, lowest, population, marked, draws, odds);
}

/** About how many terms the integral method sums: nine standard deviations, or every term up to k. */
function termsNeeded(
  k: number,
  lowest: number,
  population: number,
  marked: number,
  draws: number,
  odds: number,
): number {
  const mu = walleniusMean(population, marked, draws, odds);
  const unmarked = population - marked;
  // Fog's (2008b) approximate variance of the noncentral hypergeometric distributions, at the mean.
  const variance = 1 / (1 / mu + 1 / (marked - mu) + 1 / (draws - mu) + 1 / (unmarked - draws + mu));
  const spread = Number.isFinite(variance) && variance > 0 ? Math.sqrt(variance) : 1;
  return Math.min(k - lowest + 1, 2 + 9 * spread);
}

function urnAtMost(k: number, population: number, marked: number, draws: number, odds: number): number {
  const p = new Float64Array(k + 1);
  p[0] = 1;
  const unmarked = population - marked;
  // Counts above `marked` or below j − unmarked cannot occur (and would divide by a non-positive total).
  const top = Math.min(k, marked);
  for (let j = 0; j < draws; j++) {
    const bottom = Math.max(0, j - unmarked);
    for (let x = Math.min(j, top); x >= bottom; x--) {
      const markedLeft = marked - x;
      const unmarkedLeft = unmarked - (j - x);
      const weight = odds * markedLeft;
      // In range: 0 ≤ x ≤ top ≤ k (x + 1 ≤ k where written), and p holds k + 1. Cast, not checked with
      // math/at.ts: this loop runs k·draws times.
      const share = (p[x] as number) / (weight + unmarkedLeft);
      if (x < k) p[x + 1] = (p[x + 1] as number) + share * weight;
      p[x] = share * unmarkedLeft;
    }
  }
  return p.reduce((sum, px) => sum + px, 0);
}

function integralAtMost(
  k: number,
  lowest: number,
  population: number,
  marked: number,
  draws: number,
  odds: number,
): number {
  let sum = 0;
  let previous = 0;
  for (let i = k; i >= lowest; i--) {
    const term = Math.exp(walleniusLogPmf(i, population, marked, draws, odds));
    sum += term;
    if (term < previous && term < 1e-17 * sum) break;
    previous = term;
  }
  return sum;
}

/** The approximate mean of Wallenius' distribution (Fog 2008, eq. 13), by bisection. */
function walleniusMean(population: number, marked: number, draws: number, odds: number): number {
  const unmarked = population - marked;
  let lo = Math.max(0, draws - unmarked);
  let hi = Math.min(draws, marked);
  // g(μ) = ln(1 − μ/m₁)/ω − ln(1 − (n − μ)/m₂) falls from positive to negative across the support.
  const g = (mu: number) => Math.log1p(-mu / marked) / odds - Math.log1p(-(draws - mu) / unmarked);
  for (let i = 0; i < 100 && hi - lo > 1e-9 * (1 + hi); i++) {
    const mid = (lo + hi) / 2;
    if (g(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
