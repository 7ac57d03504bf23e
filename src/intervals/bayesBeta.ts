import { betaQuantile } from "../distributions/betaQuantile.js";
import type { Bounds } from "./types.js";

/** Beta prior on the rate: Beta(alpha, beta). */
export interface BetaPrior {
  readonly alpha: number;
  readonly beta: number;
}

/**
 * Equal-tailed Bayesian credible bounds: quantiles α and 1 − α of the Beta(a + k, b + n − k) posterior
 * from a Beta(a, b) prior; the median is {@link bayesMedian}.
 *
 * Reference: A. Gelman et al. (2013), *Bayesian Data Analysis*, 3rd ed., §2.4.
 *
 * @param found - k
 * @param sample - n
 * @param alpha - probability in each bounded tail
 * @param prior - the Beta prior
 */
export function bayesBeta(found: number, sample: number, alpha: number, prior: BetaPrior): Bounds {
  const a = prior.alpha + found;
  const b = prior.beta + sample - found;
  return { lower: betaQuantile(alpha, a, b), upper: betaQuantile(1 - alpha, a, b) };
}

/** The posterior median of Beta(a + k, b + n − k), reported as the Bayesian point estimate. */
export function bayesMedian(found: number, sample: number, prior: BetaPrior): number {
  return betaQuantile(0.5, prior.alpha + found, prior.beta + sample - found);
}
