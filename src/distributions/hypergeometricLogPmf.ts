import { logBinomialPmf } from "./logBinomialPmf.js";

/**
 * Natural log of the hypergeometric probability `P(X = x)` for a sample of `draws` taken without
 * replacement from `population` items of which `successes` are marked.
 *
 * Method: the ratio of three binomial terms with p = draws/population (Loader 2000, as in R's `dhyper`),
 * each in log space; relative accuracy about 1e-13 up to population ≈ 10^15.
 * Outside the support the result is −∞.
 *
 * Reference: C. Loader (2000), "Fast and Accurate Computation of Binomial Probabilities".
 *
 * @param x - marked items in the sample
 * @param population - N
 * @param successes - K, marked items in the population
 * @param draws - n, the sample size
 * @returns ln P(X = x)
 */
export function hypergeometricLogPmf(
  x: number,
  population: number,
  successes: number,
  draws: number,
): number {
  const failures = population - successes;
  if (x < 0 || x > draws || x > successes || draws - x > failures) return Number.NEGATIVE_INFINITY;
  if (draws === 0) return x === 0 ? 0 : Number.NEGATIVE_INFINITY;
  const p = draws / population;
  const q = (population - draws) / population;
  return (
    logBinomialPmf(x, successes, p, q) +
    logBinomialPmf(draws - x, failures, p, q) -
    logBinomialPmf(draws, population, p, q)
  );
}
