const S0 = 1 / 12;
const S1 = 1 / 360;
const S2 = 1 / 1260;
const S3 = 1 / 1680;
const S4 = 1 / 1188;

// δ(n) for n = 1..15, computed with mpmath at 40 digits (as in Loader's table, which R's stirlerr uses);
// test/distributions checks each against the reference fixture.
const SMALL = [
  0, 0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093, 0.016644691189821193,
  0.013876128823070748, 0.01189670994589177, 0.010411265261972096, 0.009255462182712733, 0.00833056343336287,
  0.007573675487951841, 0.00694284010720953, 0.006408994188004207, 0.0059513701127588475,
  0.005554733551962801,
];

/**
 * Stirling's error term, `δ(n) = ln n! − ln(√(2πn) (n/e)^n)`, for whole n ≥ 1 or any n > 15.
 *
 * Method: a table for n = 1..15 and Loader's asymptotic series above (for non-integer n ≤ 15 see
 * stirlingErrorReal). Hand-written because no maintained JavaScript package exposes δ(n), and the exact
 * log-space hypergeometric probabilities depend on it; the table keeps the special-function library off
 * the CLI's start-up path for exact count bounds.
 *
 * Reference: C. Loader (2000), "Fast and Accurate Computation of Binomial Probabilities".
 *
 * @param n - a whole number ≥ 1, or a real number > 15
 * @returns δ(n), or NaN for a non-integer n ≤ 15 or n < 1
 */
export function stirlingError(n: number): number {
  if (n <= 15) return Number.isInteger(n) && n >= 1 ? (SMALL[n] ?? Number.NaN) : Number.NaN;
  const nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}
