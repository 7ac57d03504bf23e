import { Decimal } from "decimal.js";

/** Significant digits of the precise tail: ties at N near 2^53 need about 20, these keep 40 to spare. */
const DIGITS = 60;
const D = Decimal.clone({ precision: DIGITS + 10, rounding: Decimal.ROUND_HALF_EVEN });

// B_2j / (2j (2j − 1)) for j = 1…12: the Stirling series' coefficients (Abramowitz & Stegun 6.1.40).
const BERNOULLI: readonly [number, number][] = [
  [1, 6],
  [-1, 30],
  [1, 42],
  [-1, 30],
  [5, 66],
  [-691, 2730],
  [7, 6],
  [-3617, 510],
  [43867, 798],
  [-174611, 330],
  [854513, 138],
  [-236364091, 2730],
];
/**
 * The series' coefficients and ½ ln 2π at 70 digits, computed on the first m + 1 ≥ 1000 rather than when
 * the module loads: that took a few milliseconds of every `adequacy bound`, which rarely needs them.
 */
let stirling: { coefficients: readonly Decimal[]; halfLn2Pi: Decimal } | undefined;
function stirlingConstants(): { coefficients: readonly Decimal[]; halfLn2Pi: Decimal } {
  stirling ??= {
    coefficients: BERNOULLI.map(([num, den], i) => new D(num).div(new D(den).mul((2 * i + 2) * (2 * i + 1)))),
    halfLn2Pi: new D(2).mul(D.acos(-1)).ln().div(2),
  };
  return stirling;
}
/** From here twelve Stirling terms leave an error below 1e-66; below it m! is exact. */
const SHIFT_TO = 1000;

/** ln(m!) to about 70 significant digits: the Stirling series at m + 1 ≥ 1000, m! in BigInts below. */
function logFactorial(m: number): Decimal {
  const known = LOG_FACTORIALS.get(m);
  if (known !== undefined) return known;
  let result: Decimal;
  if (m + 1 < SHIFT_TO) {
    let product = 1n;
    for (let i = 2n; i <= BigInt(m); i++) product *= i;
    result = new D(product.toString()).ln();
  } else {
    const { coefficients, halfLn2Pi } = stirlingConstants();
    const z = new D(m + 1);
    let series = z.minus(0.5).mul(z.ln()).minus(z).plus(halfLn2Pi);
    const inverse = new D(1).div(z);
    const inverseSquare = inverse.mul(inverse);
    let power = inverse;
    for (const c of coefficients) {
      series = series.plus(c.mul(power));
      power = power.mul(inverseSquare);
    }
    result = series;
  }
  // A bisection asks for the same N, n and neighbouring K again and again.
  if (LOG_FACTORIALS.size > 4096) LOG_FACTORIALS.clear();
  LOG_FACTORIALS.set(m, result);
  return result;
}

const LOG_FACTORIALS = new Map<number, Decimal>();

function logChoose(a: number, b: number): Decimal {
  return logFactorial(a)
    .minus(logFactorial(b))
    .minus(logFactorial(a - b));
}

/**
 * P(X ≤ x) for X ~ Hypergeometric(N, K, n) to about 60 significant digits, for deciding a near-tie that
 * double precision cannot (at N near 2^53, neighbouring K move a tail by about 1e-15 relative).
 *
 * Method: the point probability from ln C(K, x) + ln C(N − K, n − x) − ln C(N, n), each log-factorial from
 * the Stirling series at 70 digits (Abramowitz & Stegun 6.1.40), then the tail on the side of x away from
 * the mean summed term by term with the exact ratio of neighbouring terms, as in
 * {@link hypergeometricTail}. Hand-written on decimal.js: no maintained library evaluates hypergeometric
 * tails in arbitrary precision. The cost grows with the tail's width (about 7 standard deviations of X
 * are summed), so callers use it only for near-ties.
 *
 * Reference: M. Abramowitz & I. A. Stegun (1964), Handbook of Mathematical Functions, 6.1.40.
 *
 * @param x - marked items in the sample (integer)
 * @param population - N
 * @param successes - K
 * @param draws - n
 * @returns P(X ≤ x) as a Decimal
 * @example
 * hypergeometricLowerTailPrecise(1, 609, 24, 109).toNumber(); // 0.05154…
 */
export function hypergeometricLowerTailPrecise(
  x: number,
  population: number,
  successes: number,
  draws: number,
): Decimal {
  const failures = population - successes;
  const lowest = Math.max(0, draws - failures);
  const highest = Math.min(draws, successes);
  if (x < lowest) return new D(0);
  if (x >= highest) return new D(1);
  const logPmf = (j: number) =>
    logChoose(successes, j)
      .plus(logChoose(failures, draws - j))
      .minus(logChoose(population, draws));
  // Sum the side of x away from the mean: the lower tail itself when x lies below the mean, else its
  // complement (the terms above x). The terms, relative to the first, are kept as BigInt fixed-point
  // numbers with 240 fractional bits (about 72 digits): each step multiplies by the exact integer factors
  // of the ratio of neighbouring terms and truncates once, so 10^4 steps lose less than 1e-68; BigInt
  // steps are far cheaper than decimal ones.
  const below = x * population <= draws * successes;
  let j = below ? x : x + 1;
  const first = logPmf(j).exp();
  let term = ONE;
  let sum = 0n;
  for (;;) {
    sum += term;
    if (below ? j === lowest : j === highest) break;
    if (below) {
      term =
        (term * BigInt(j) * BigInt(failures - draws + j)) /
        (BigInt(draws - j + 1) * BigInt(successes - j + 1));
      j--;
    } else {
      term =
        (term * BigInt(successes - j) * BigInt(draws - j)) /
        (BigInt(j + 1) * BigInt(failures - draws + j + 1));
      j++;
    }
    if (term <= sum >> NEGLIGIBLE_BITS) break;
  }
  const tail = first.mul(sum.toString()).div(ONE.toString());
  return below ? tail : new D(1).minus(tail);
}

const FRACTION_BITS = 240n;
const ONE = 1n << FRACTION_BITS;
/** A term below 2^-180 (about 1e-54) of the sum so far no longer changes the 60 digits kept. */
const NEGLIGIBLE_BITS = 180n;

/** The Decimal type of the precise tails, for exact comparisons against a risk. */
export { D as PreciseDecimal };
