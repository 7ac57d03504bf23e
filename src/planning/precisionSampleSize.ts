import { normalQuantile } from "../distributions/normalQuantile.js";
import { hypergeometricCount } from "../intervals/hypergeometricCount.js";
import type { Bounds } from "../intervals/types.js";
import type { MethodId } from "../methods/methodRegistry.js";
import { MAX_COUNT, requireConfidence, requireCount, requireOpenUnit } from "../validation/checks.js";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";

/** The search steps through sample sizes one by one; beyond this many it refuses rather than runs for minutes. */
export const PRECISION_SCAN_LIMIT = 20_000;

export interface PrecisionSampleSizeOptions {
  /** N, the number of cases the sample is drawn from. */
  readonly population: number;
  /** Desired width of the two-sided interval for the rate (upper − lower), in (0, 1), e.g. 0.06. */
  readonly precision: number;
  /** Anticipated rate of affected cases, in (0, 1); 0.5 gives the largest sample. */
  readonly anticipated: number;
  /** Two-sided confidence, default 0.95. */
  readonly confidence?: number;
}

export interface PrecisionSampleSize extends Bounds {
  readonly method: MethodId;
  readonly confidence: number;
  readonly sided: "two-sided";
  readonly population: number;
  readonly precision: number;
  readonly anticipated: number;
  /** The interval width in cases the search aims at: round(N × precision). */
  readonly targetWidth: number;
  /** The sample size the search returns. */
  readonly sampleSize: number;
  /** The anticipated number found in that sample: n × anticipated, rounded half up. */
  readonly anticipatedFound: number;
  /** The exact hypergeometric bounds on the affected count at that result (Buonaccorsi 1987). */
  readonly lower: number;
  readonly upper: number;
  /** upper − lower, in cases. */
  readonly width: number;
}

/** The width in cases of the two-sided exact interval when n × anticipated (rounded half up) are found in n. */
function widthAt(n: number, population: number, anticipated: number, tail: number) {
  const found = Math.floor(n * anticipated + 0.5);
  const { lower, upper } = hypergeometricCount(found, n, population, tail);
  return { found, lower, upper, width: upper - lower };
}

/**
 * Attribute sample size by precision, as RAT-STATS' "Attribute Sample Size Determination" computes it
 * (RAT-STATS Companion Manual, Rev. 5/2010, pp. 4-22 to 4-30).
 *
 * For a sample of n with x = n × anticipated found (rounded half up), the interval for the affected count
 * is the exact two-sided hypergeometric interval k1..k2 at (1 − confidence)/2 in each tail (Buonaccorsi
 * 1987): k2 the largest K with P(X ≤ x | K) > α/2, k1 the smallest K with P(X ≥ x | K) > α/2. The manual
 * says the program "searches for the value of n" with k2 − k1 = N × precision (target = round(N × precision)).
 * Rule: step n up from 1 until the width first falls below the target, and return the size before it,
 * i.e. the last n of the first run of sizes whose width is at least the target. This reproduces 7 of the
 * manual's 8 published cells; at 50% anticipated and 90% confidence it gives 727 where the manual prints
 * 725 (both have width 600); see docs/methods.md.
 *
 * @throws {InputError} for values out of range, or when the search passes {@link PRECISION_SCAN_LIMIT} cases
 * @example
 * precisionSampleSize({ population: 10000, precision: 0.06, anticipated: 0.2 }).sampleSize; // 666
 */
export function precisionSampleSize(options: PrecisionSampleSizeOptions): PrecisionSampleSize {
  const population = requireCount("population", options.population, 2, MAX_COUNT);
  const precision = requireOpenUnit("precision", options.precision);
  const anticipated = requireOpenUnit("anticipated", options.anticipated);
  const confidence = requireConfidence("confidence", options.confidence ?? 0.95);
  const tail = (1 - confidence) / 2;
  const targetWidth = Math.max(1, Math.round(population * precision));
  // A scan, not a bisection: the width is not monotone in n, and the rule is defined by the first n whose
  // width falls below the target.
  // Refuse up front when the normal-approximation size z²p(1 − p)/(precision/2)², corrected for N, is already
  // beyond the limit (only decides whether to search; the result is the exact rule's).
  const z = normalQuantile(1 - tail);
  const rough = (z * z * anticipated * (1 - anticipated)) / (precision / 2) ** 2;
  if (rough / (1 + rough / population) > PRECISION_SCAN_LIMIT) {
    throw new InputError("precision", messages.precisionScanTooLong(PRECISION_SCAN_LIMIT));
  }
  let n = 1;
  while (n < population && widthAt(n, population, anticipated, tail).width >= targetWidth) {
    n += 1;
    if (n > PRECISION_SCAN_LIMIT)
      throw new InputError("precision", messages.precisionScanTooLong(PRECISION_SCAN_LIMIT));
  }
  const sampleSize = Math.max(1, n - 1);
  const at = widthAt(sampleSize, population, anticipated, tail);
  return {
    method: "precision-sample-size",
    confidence,
    sided: "two-sided",
    population,
    precision,
    anticipated,
    targetWidth,
    sampleSize,
    anticipatedFound: at.found,
    lower: at.lower,
    upper: at.upper,
    width: at.width,
  };
}
