import betainc from "@stdlib/math-base-special-betainc";
import { hypergeometricLogPmf } from "./hypergeometricLogPmf.js";
import { hypergeometricTail, type Tail } from "./hypergeometricTail.js";

/**
 * A tail probability of the thinned hypergeometric distribution: Y counts the marked items of a sample
 * that are also recognised, where X ~ Hypergeometric(N, K, n) marked items are drawn and each is
 * recognised independently with probability s, so Y | X ~ Binomial(X, s). Returns P(Y ≤ y) (`lower`) or
 * P(Y > y) (`upper`).
 *
 * Method: P(Y ≤ y) = P(X ≤ y) + Σ_{x > y} P(X = x)·P(Binomial(x, s) ≤ y) and P(Y > y) =
 * Σ_{x > y} P(X = x)·P(Binomial(x, s) > y), each summed directly so that both tails keep their relative
 * precision: P(X ≤ y) from {@link hypergeometricTail}, P(X = x) from Loader's log-space terms, the binomial
 * tails as regularized incomplete beta functions (`@stdlib/math-base-special-betainc`). The sum walks from
 * the mode of X outwards and stops once the hypergeometric terms no longer change it (they decrease
 * away from the mode and the binomial factor is at most 1). Hand-written: no maintained library offers
 * this mixture.
 *
 * Reference: N. L. Johnson, A. W. Kemp & S. Kotz (2005), Univariate Discrete Distributions, 3rd ed.,
 * §6.9 (mixtures of binomial distributions; binomial thinning).
 *
 * @param y - recognised marked items in the sample (integer)
 * @param population - N (integer ≥ 0)
 * @param successes - K (integer, 0 ≤ K ≤ N)
 * @param draws - n (integer, 0 ≤ n ≤ N)
 * @param recognition - s, the chance that a drawn marked item is recognised, in [0, 1]
 * @param tail - `lower` for P(Y ≤ y), `upper` for P(Y > y)
 * @returns the probability, or NaN for parameters outside their domain
 * @example
 * thinnedHypergeometricTail(0, 609, 24, 109, 0.5, "lower"); // 0.1033: P(no affected case recognised)
 */
export function thinnedHypergeometricTail(
  y: number,
  population: number,
  successes: number,
  draws: number,
  recognition: number,
  tail: Tail,
): number {
  if (!(recognition >= 0 && recognition <= 1) || Number.isNaN(y)) return Number.NaN;
  const base = hypergeometricTail(y, population, successes, draws, "lower");
  if (Number.isNaN(base)) return base;
  const k = Math.floor(y);
  if (recognition === 1)
    return tail === "lower" ? base : hypergeometricTail(y, population, successes, draws, "upper");
  const lower = tail === "lower";
  if (k < 0) return lower ? 0 : 1;
  const from = Math.max(k + 1, draws - (population - successes));
  const to = Math.min(draws, successes);
  if (recognition === 0 || from > to) return lower ? 1 : 0;
  // P(Binomial(x, s) ≤ k) for lower, P(Binomial(x, s) > k) = I_s(k + 1, x − k) for upper.
  const factor = (x: number) => betainc(recognition, k + 1, x - k, true, lower);
  const mode = Math.floor(((draws + 1) * (successes + 1)) / (population + 2));
  const start = Math.min(to, Math.max(from, mode));
  // Terms below this share of the result cannot change it.
  const negligible = () => Number.EPSILON * 1e-3 * (lower ? sum + base : sum);
  let sum = 0;
  for (let x = start; x <= to; x++) {
    const mass = Math.exp(hypergeometricLogPmf(x, population, successes, draws));
    sum += mass * factor(x);
    if (x > mode && mass <= negligible()) break;
  }
  for (let x = start - 1; x >= from; x--) {
    const mass = Math.exp(hypergeometricLogPmf(x, population, successes, draws));
    sum += mass * factor(x);
    if (mass <= negligible()) break;
  }
  return lower ? Math.min(1, base + sum) : Math.min(1, sum);
}
