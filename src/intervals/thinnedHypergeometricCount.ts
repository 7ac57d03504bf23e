import { logBinomialPmf } from "../distributions/logBinomialPmf.js";
import { thinnedHypergeometricTail } from "../distributions/thinnedHypergeometricTail.js";
import { exceeds } from "../math/compareProbability.js";
import { firstTrue } from "../math/firstTrue.js";

/** What a review saw, and how likely each affected case was to reach and be recognised by it. */
export interface ThinnedSample {
  /** Affected cases the review recognised (y). */
  readonly found: number;
  /** Cases reviewed (n), drawn at random from `population`. */
  readonly sample: number;
  /** The population the review sampled (F: the flagged cases, or all cases without a screen). */
  readonly population: number;
  /** Cases that could be affected (C ≥ F: every case when the screen can miss, else F). */
  readonly scope: number;
  /** s_f: chance that an affected case is flagged (1 without a screen). */
  readonly screening: number;
  /** s_r: chance that a reviewer recognises a drawn affected case. */
  readonly review: number;
}

/**
 * P(Y ≤ y | K): the chance of recognising at most y affected cases when K of the `scope` cases are
 * affected. Each affected case is flagged with probability s_f (so J ~ Binomial(K, s_f) of them are among
 * the F flagged, conditioned on what F allows: F − (C − K) ≤ J ≤ F), the review draws n of the F at random (X ~ Hypergeometric(F, J, n))
 * and recognises each affected case it draws with probability s_r (Y | X ~ Binomial(X, s_r)).
 */
export function recognisedAtMost(y: number, affected: number, s: ThinnedSample): number {
  if (s.screening === 1)
    return thinnedHypergeometricTail(y, s.population, affected, s.sample, s.review, "lower");
  return mixOverFlagged(affected, s, (j) =>
    thinnedHypergeometricTail(y, s.population, j, s.sample, s.review, "lower"),
  );
}

/** P(Y ≥ y | K), as {@link recognisedAtMost}. */
export function recognisedAtLeast(y: number, affected: number, s: ThinnedSample): number {
  if (y <= 0) return 1;
  if (s.screening === 1) {
    return thinnedHypergeometricTail(y - 1, s.population, affected, s.sample, s.review, "upper");
  }
  return mixOverFlagged(affected, s, (j) =>
    thinnedHypergeometricTail(y - 1, s.population, j, s.sample, s.review, "upper"),
  );
}

/** E[g(J)] for J ~ Binomial(K, s_f) conditioned on J ≤ F, walking out from the mode until terms vanish. */
function mixOverFlagged(affected: number, s: ThinnedSample, g: (flaggedAffected: number) => number): number {
  // The flagged cases hold at most every affected case and at least those left over once every unaffected
  // case in scope is flagged.
  const bottom = Math.max(0, s.population - (s.scope - affected));
  const top = Math.min(affected, s.population);
  const p = s.screening;
  const weight = (j: number) => Math.exp(logBinomialPmf(j, affected, p, 1 - p));
  const mode = Math.min(top, Math.max(bottom, Math.floor((affected + 1) * p)));
  let mass = 0;
  let sum = 0;
  for (let j = mode; j <= top; j++) {
    const w = weight(j);
    mass += w;
    sum += w * g(j);
    if (j > mode && w <= Number.EPSILON * 1e-3 * mass) break;
  }
  for (let j = mode - 1; j >= bottom; j--) {
    const w = weight(j);
    mass += w;
    sum += w * g(j);
    if (w <= Number.EPSILON * 1e-3 * mass) break;
  }
  return Math.min(1, sum / mass);
}

/**
 * Exact bounds on the number K of affected cases when each affected case reaches and is recognised by the
 * review only with a known per-case probability (screening s_f, review s_r): Y, the count recognised, is a
 * hypergeometric draw thinned by s_r (and mixed over the flagged share when s_f < 1); the bounds invert
 * its tails exactly, as {@link hypergeometricCount} does for s_f = s_r = 1:
 * - upper = the largest K with P(Y ≤ y | K) > α;
 * - lower = the smallest K with P(Y ≥ y | K) > α, or null when no K in range makes y that likely (more
 *   were recognised than the stated sensitivities make plausible even if every case was affected).
 * K lies in [y, scope], less the cases the review cleared when s_r = 1 (they are then certain).
 * Coverage is at least 1 − α for every K, because each tail test is exact (shown by exact enumeration in
 * the tests).
 *
 * Reference: the test inversion of J. P. Buonaccorsi (1987), The American Statistician 41(3), 215–218,
 * applied to the thinned distribution (Johnson, Kemp & Kotz 2005, §6.9).
 *
 * @param s - what the review saw and the sensitivities
 * @param alpha - probability in each bounded tail
 * @returns integer bounds { lower, upper }; lower null when no K is compatible with y
 * @example
 * thinnedHypergeometricCount({ found: 1, sample: 109, population: 609, scope: 609, screening: 1, review: 0.5 }, 0.05).upper; // 50
 */
export function thinnedHypergeometricCount(
  s: ThinnedSample,
  alpha: number,
): { lower: number | null; upper: number } {
  const { found, sample, population } = s;
  const cap = s.scope - (s.review === 1 ? sample - found : 0);
  const rate = Math.max(1e-9, s.screening * s.review);
  const spread = 2 * Math.sqrt(found + 1) + 2;
  const guess = (count: number) => Math.round((population * count) / (sample * rate));
  const upper =
    firstTrue(found + 1, cap, (k) => !exceeds(recognisedAtMost(found, k, s), alpha), guess(found + spread)) -
    1;
  if (found === 0) return { lower: 0, upper };
  const lower = firstTrue(
    found,
    cap,
    (k) => exceeds(recognisedAtLeast(found, k, s), alpha),
    guess(Math.max(0, found - spread)),
  );
  return { lower: lower > cap ? null : lower, upper };
}
