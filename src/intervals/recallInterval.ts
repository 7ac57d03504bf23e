import { requireConfidence, requireCount, requireOneOf } from "../validation/checks.js";
import { hypergeometricCount } from "./hypergeometricCount.js";
import type { Bounds, Interval, Sided } from "./types.js";
import { SIDED, tailProbability } from "./types.js";

/** One side of a screen: its cases, how many of them were reviewed at random, and how many were found affected. */
export interface ScreenStratum {
  /** Cases on this side of the screen. */
  readonly population: number;
  /** Cases reviewed, drawn at random without replacement (0 to population; population is a census). */
  readonly sample: number;
  /** Reviewed cases found affected. */
  readonly found: number;
}

export interface RecallIntervalOptions {
  /** The cases the screen flagged. */
  readonly flagged: ScreenStratum;
  /** The cases the screen passed (the discard pile). */
  readonly unflagged: ScreenStratum;
  /** Default 0.95. */
  readonly confidence?: number;
  /** Default `two`; `upper` bounds the missed cases from above, so it gives a lower bound on recall. */
  readonly sided?: Sided;
}

/** Exact bounds on the affected cases of one side of the screen, at the per-side confidence. */
export interface StratumAffected extends ScreenStratum, Interval<number | null> {
  /** population × found / sample; null when nothing was reviewed. */
  readonly estimate: number | null;
  /** Integer. */
  readonly lower: number;
  /** Integer. */
  readonly upper: number;
}

export interface RecallInterval extends Interval<number | null> {
  readonly method: "sidak-hypergeometric";
  readonly confidence: number;
  readonly sided: Sided;
  /** The confidence of each side's own exact interval: confidence^(1/m), m the sides not reviewed in full. */
  readonly sideConfidence: number;
  readonly flagged: StratumAffected;
  readonly unflagged: StratumAffected;
  /** K̂f / (K̂f + K̂u) from the two estimates; null when neither side found an affected case (0/0). */
  readonly estimate: number | null;
  readonly lower: number;
  /** For `sided: "upper"`, the largest recall the data allow with certainty (1 when no unflagged case was found affected). */
  readonly upper: number;
}

function stratum(field: string, value: ScreenStratum): ScreenStratum {
  const population = requireCount(`${field}.population`, value.population, 0);
  const sample = requireCount(
    `${field}.sample`,
    value.sample,
    0,
    population,
    `${field}.population (${population})`,
  );
  const found = requireCount(`${field}.found`, value.found, 0, sample, `${field}.sample (${sample})`);
  return { population, sample, found };
}

/**
 * Exact hypergeometric bounds (Buonaccorsi 1987) on the affected cases of one side of a screen, with
 * `alpha` in each tail: a census is known exactly, and a side with no review is bounded only by its size.
 *
 * @example
 * affectedBounds({ population: 10_000, sample: 0, found: 0 }, 0.05).upper; // 10000
 */
export function affectedBounds(s: ScreenStratum, alpha: number): Bounds {
  if (s.sample === s.population) return { lower: s.found, upper: s.found };
  if (s.sample === 0) return { lower: 0, upper: s.population };
  return hypergeometricCount(s.found, s.sample, s.population, alpha);
}

function ratio(caught: number, missed: number): number {
  return missed === 0 ? 1 : caught / (caught + missed);
}

/**
 * A confidence interval for a screen's recall (sensitivity): the share of all affected cases that the
 * screen flagged, R = Kf / (Kf + Ku), from a random review of the flagged cases (found kf of nf, of Nf)
 * and an independent random review of the unflagged cases (elusion sample: ku of nu, of Nu).
 *
 * Method: each side gets its exact hypergeometric interval (Buonaccorsi 1987) at confidence c^(1/m),
 * where m (1 or 2) counts the sides not reviewed in full (a census is known exactly). Because the two
 * samples are drawn independently, both intervals hold together with probability at least c (Šidák
 * 1967), and R rises with Kf and falls with Ku, so
 *   lower = Kf,lower / (Kf,lower + Ku,upper),  upper = Kf,upper / (Kf,upper + Ku,lower)
 * covers R with probability at least c for every (Kf, Ku) — shown by exact enumeration in the tests. It is
 * conservative (the joint region is a rectangle), which is the price of the guarantee; Webber's (2013)
 * beta-binomial interval is narrower but reaches the nominal coverage only on average.
 * Recall is 1 whenever Ku = 0, whatever Kf.
 *
 * Reference: W. Webber (2013), "Approximate recall confidence intervals", ACM TOIS 31(1), art. 2 (the
 * problem and the approximate methods); Z. Šidák (1967), JASA 62, 626–633; J. P. Buonaccorsi (1987).
 *
 * @param options - the two sides of the screen, confidence (default 0.95) and sidedness (default two)
 * @throws {InputError} when a count is out of order or the confidence is outside (0, 1)
 * @example
 * recallInterval({
 *   flagged: { population: 20, sample: 20, found: 20 },
 *   unflagged: { population: 80, sample: 70, found: 0 },
 *   confidence: 0.95,
 *   sided: "upper",
 * }).lower; // 20/21: at most 1 affected case among the 10 unflagged cases not reviewed
 */
export function recallInterval(options: RecallIntervalOptions): RecallInterval {
  const flagged = stratum("flagged", options.flagged);
  const unflagged = stratum("unflagged", options.unflagged);
  const confidence = requireConfidence("confidence", options.confidence ?? 0.95);
  const sided = requireOneOf("sided", options.sided ?? "two", SIDED);
  const uncertainSides = [flagged, unflagged].filter((s) => s.sample < s.population).length;
  const sideConfidence = uncertainSides === 2 ? Math.sqrt(confidence) : confidence;
  const alpha = tailProbability(sideConfidence, sided);
  const f = affectedBounds(flagged, alpha);
  const u = affectedBounds(unflagged, alpha);
  const estimateOf = (s: ScreenStratum) => (s.sample === 0 ? null : (s.population * s.found) / s.sample);
  const flaggedEstimate = estimateOf(flagged);
  const unflaggedEstimate = estimateOf(unflagged);
  const estimate =
    flaggedEstimate === null || unflaggedEstimate === null || flaggedEstimate + unflaggedEstimate === 0
      ? null
      : ratio(flaggedEstimate, unflaggedEstimate);
  // On each side, the unbounded end is reported as what the data make certain (as for a one-sided count).
  const flaggedMost = flagged.population - (flagged.sample - flagged.found);
  const oneSided = sided === "upper";
  const flaggedBounds = oneSided ? { lower: f.lower, upper: flaggedMost } : f;
  const unflaggedBounds = oneSided ? { lower: unflagged.found, upper: u.upper } : u;
  return {
    method: "sidak-hypergeometric",
    confidence,
    sided,
    sideConfidence,
    flagged: { ...flagged, estimate: flaggedEstimate, ...flaggedBounds },
    unflagged: { ...unflagged, estimate: unflaggedEstimate, ...unflaggedBounds },
    estimate,
    lower: ratio(f.lower, u.upper),
    upper: ratio(flaggedBounds.upper, unflaggedBounds.lower),
  };
}
