import type { Tail } from "./hypergeometricTail.js";
import { walleniusLogPmf } from "./walleniusLogPmf.js";

/**
 * A tail probability of Wallenius' noncentral hypergeometric distribution: P(X ≤ x) or P(X > x).
 *
 * Method: sums probabilities from {@link walleniusLogPmf} over the tail lying on the far side of the
 * approximate mean (Fog 2008, eq. 13: (1 − μ/m₁)^{1/ω} = (1 − (n − μ)/m₂), solved by bisection), from x
 * outwards until a term adds less than 10⁻¹⁷ of the sum while falling (the distribution is unimodal);
 * the other tail is one minus it. So the cost is a few standard deviations' worth of terms, not the
 * whole support.
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
  if (Number.isNaN(walleniusLogPmf(0, population, marked, draws, odds))) return Number.NaN;
  const k = Math.floor(x);
  const unmarked = population - marked;
  const lowest = Math.max(0, draws - unmarked);
  const highest = Math.min(draws, marked);
  if (k < lowest) return tail === "lower" ? 0 : 1;
  if (k >= highest) return tail === "lower" ? 1 : 0;
  const lowerSide = k < walleniusMean(population, marked, draws, odds);
  const sumFrom = (start: number, step: 1 | -1) => {
    let sum = 0;
    let previous = 0;
    for (let i = start; i >= lowest && i <= highest; i += step) {
      const term = Math.exp(walleniusLogPmf(i, population, marked, draws, odds));
      sum += term;
      if (term < previous && term < 1e-17 * sum) break;
      previous = term;
    }
    return sum;
  };
  const below = lowerSide ? sumFrom(k, -1) : 1 - sumFrom(k + 1, 1);
  return tail === "lower" ? below : 1 - below;
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
