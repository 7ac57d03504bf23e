import { hypergeometricLogPmf } from "./hypergeometricLogPmf.js";

/**
 * E[w(X)] for X ~ Hypergeometric(N, K, n) and a weight 0 ≤ w(x) ≤ 1.
 *
 * Method: sums P(X = x) w(x) outwards from the mode, each probability from its neighbour by the exact
 * ratio, scaled by the log-space probability at the mode (so nothing underflows), stopping each way once a
 * term falls below 1e-18 of the mode's probability. Since w ≤ 1, the mass left out is below about 1e-17
 * absolute, so small results keep their relative precision.
 *
 * Reference: N. L. Johnson, A. W. Kemp & S. Kotz (2005), *Univariate Discrete Distributions*, §6.2.
 *
 * @param population - N
 * @param successes - K
 * @param draws - n
 * @param weight - w(x), in [0, 1]
 */
export function hypergeometricExpectation(
  population: number,
  successes: number,
  draws: number,
  weight: (x: number) => number,
): number {
  const failures = population - successes;
  const low = Math.max(0, draws - failures);
  const high = Math.min(draws, successes);
  const mode = Math.min(high, Math.max(low, Math.floor(((draws + 1) * (successes + 1)) / (population + 2))));
  const scale = Math.exp(hypergeometricLogPmf(mode, population, successes, draws));
  const cutoff = 1e-18;
  let sum = weight(mode);
  let term = 1;
  for (let x = mode; x < high; x++) {
    term *= ((successes - x) * (draws - x)) / ((x + 1) * (failures - draws + x + 1));
    sum += term * weight(x + 1);
    if (term < cutoff) break;
  }
  term = 1;
  for (let x = mode; x > low; x--) {
    term *= (x * (failures - draws + x)) / ((successes - x + 1) * (draws - x + 1));
    sum += term * weight(x - 1);
    if (term < cutoff) break;
  }
  return scale * sum;
}
