import { Decimal } from "decimal.js";
import type { Fraction } from "../math/wholeCount.js";
import { lowerTailBySupport } from "./noncentralDomain.js";

const D = Decimal.clone({ precision: 70, rounding: Decimal.ROUND_HALF_EVEN });

/** Fixed-point numbers with 240 fractional bits (about 72 digits), as in the precise hypergeometric tail. */
const FRACTION_BITS = 240n;
const ONE = 1n << FRACTION_BITS;

/**
 * Work (draws × counts for Wallenius', terms for Fisher's) up to which the precise tails are computed:
 * at about a microsecond per step, a few seconds at most, spent only on a near-tie.
 */
export const PRECISE_NONCENTRAL_LIMIT = 2_000_000;

function toDecimal(fixed: bigint): Decimal {
  return new D(fixed.toString()).div(ONE.toString());
}

/**
 * P(X ≤ k) of Wallenius' noncentral hypergeometric distribution to about 60 significant digits, for
 * deciding a near-tie that double precision cannot; null when draws × (counts followed) exceeds
 * {@link PRECISE_NONCENTRAL_LIMIT}.
 *
 * Method: Fog's (2008) urn recursion in exact integer arithmetic on 240-bit fixed-point numbers: after each
 * draw, the probability of each count of marked items so far, a draw picking a marked item with
 * probability a·(marked left) / (a·(marked left) + b·(unmarked left)) for odds a/b, each product truncated
 * once (at most 2 × draws × counts units of 2⁻²⁴⁰ lost: an absolute error below 10⁻⁶⁶ within the
 * step limit, so 45 significant digits for any tail above 10⁻²¹). It follows P(X ≤ k) or, when fewer counts are
 * needed, P(X ≥ k + 1) as the unmarked items' P(Y ≤ n − k − 1) with odds b/a. Hand-written: no library
 * evaluates Wallenius' distribution in arbitrary precision.
 *
 * Reference: A. Fog (2008), "Calculation methods for Wallenius' noncentral hypergeometric distribution",
 * Communications in Statistics — Simulation and Computation 37(2), 258–273.
 *
 * @param k - marked items drawn, at most
 * @param population - N
 * @param marked - m₁
 * @param draws - n
 * @param odds - ω as an exact fraction (the weight of a marked item relative to an unmarked one)
 * @returns P(X ≤ k) as a Decimal, or null when too costly
 * @example
 * walleniusLowerTailPrecise(1, 609, 45, 109, { numerator: 1n, denominator: 2n })?.toNumber(); // 0.05426…
 */
export function walleniusLowerTailPrecise(
  k: number,
  population: number,
  marked: number,
  draws: number,
  odds: Fraction,
): Decimal | null {
  const decided = lowerTailBySupport(k, population, marked, draws);
  if (decided !== undefined) return new D(decided);
  const unmarked = population - marked;
  const belowCounts = k + 1;
  const aboveCounts = draws - k;
  if (draws * Math.min(belowCounts, aboveCounts) > PRECISE_NONCENTRAL_LIMIT) return null;
  if (belowCounts <= aboveCounts) {
    return toDecimal(urnAtMost(k, marked, unmarked, draws, odds.numerator, odds.denominator));
  }
  const above = urnAtMost(draws - k - 1, unmarked, marked, draws, odds.denominator, odds.numerator);
  return new D(1).minus(toDecimal(above));
}

/** The urn recursion on fixed-point BigInts, odds a/b for the marked items. */
function urnAtMost(k: number, marked: number, unmarked: number, draws: number, a: bigint, b: bigint): bigint {
  const p: bigint[] = new Array<bigint>(k + 1).fill(0n);
  p[0] = ONE;
  const top = Math.min(k, marked);
  for (let j = 0; j < draws; j++) {
    const bottom = Math.max(0, j - unmarked);
    for (let x = Math.min(j, top); x >= bottom; x--) {
      const mass = p[x] as bigint;
      if (mass === 0n) continue;
      const weight = a * BigInt(marked - x);
      const other = b * BigInt(unmarked - (j - x));
      const total = weight + other;
      if (x < k) p[x + 1] = (p[x + 1] as bigint) + (mass * weight) / total;
      p[x] = (mass * other) / total;
    }
  }
  return p.reduce((sum, value) => sum + value, 0n);
}

/**
 * P(X ≤ k) of Fisher's noncentral hypergeometric distribution to about 60 significant digits, for
 * deciding a near-tie; null when more than {@link PRECISE_NONCENTRAL_LIMIT} terms would be summed.
 *
 * Method: the terms C(m₁, i) C(m₂, n − i) ωⁱ relative to the mode's, by the exact ratio of neighbours
 * (m₁ − i)(n − i)·a / ((i + 1)(m₂ − n + i + 1)·b) for odds a/b, in 70-digit decimals (whose exponent
 * range keeps tails far below 10⁻³⁰⁸), summed outwards from the mode: towards k until k is passed, then
 * until a term is below 10⁻⁶⁰ of its side's sum. Hand-written: no library evaluates Fisher's
 * distribution in arbitrary precision.
 *
 * Reference: A. Fog (2008b), "Sampling methods for Wallenius' and Fisher's noncentral hypergeometric
 * distributions", Communications in Statistics — Simulation and Computation 37(2), 241–257.
 *
 * @param k - marked items drawn, at most
 * @param population - N
 * @param marked - m₁
 * @param draws - n
 * @param odds - ω as an exact fraction
 * @returns P(X ≤ k) as a Decimal, or null when too costly
 * @example
 * fisherLowerTailPrecise(1, 609, 43, 109, { numerator: 1n, denominator: 2n })?.toNumber(); // 0.05439…
 */
export function fisherLowerTailPrecise(
  k: number,
  population: number,
  marked: number,
  draws: number,
  odds: Fraction,
): Decimal | null {
  const decided = lowerTailBySupport(k, population, marked, draws);
  if (decided !== undefined) return new D(decided);
  const unmarked = population - marked;
  const lowest = Math.max(0, draws - unmarked);
  const highest = Math.min(draws, marked);
  const a = odds.numerator;
  const b = odds.denominator;
  // Ratio of term i + 1 to term i as a fraction of integers.
  const upNumerator = (i: number) => BigInt(marked - i) * BigInt(draws - i) * a;
  const upDenominator = (i: number) => BigInt(i + 1) * BigInt(unmarked - draws + i + 1) * b;
  // The mode: the first i whose ratio to the next term is at most 1 (the ratios fall with i).
  let lo = lowest;
  let hi = highest;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (upNumerator(mid) > upDenominator(mid)) lo = mid + 1;
    else hi = mid;
  }
  const mode = lo;
  const negligible = new D(10).pow(-60);
  let below = new D(0);
  let above = new D(0);
  const add = (i: number, term: Decimal) => {
    if (i <= k) below = below.plus(term);
    else above = above.plus(term);
  };
  add(mode, new D(1));
  let steps = 0;
  let term = new D(1);
  for (let i = mode; i < highest; i++) {
    term = term.mul(upNumerator(i).toString()).div(upDenominator(i).toString());
    add(i + 1, term);
    if (i + 1 > k && term.lte(above.mul(negligible))) break;
    if (++steps > PRECISE_NONCENTRAL_LIMIT) return null;
  }
  term = new D(1);
  for (let i = mode; i > lowest; i--) {
    term = term.mul(upDenominator(i - 1).toString()).div(upNumerator(i - 1).toString());
    add(i - 1, term);
    if (i - 1 <= k && term.lte(below.mul(negligible))) break;
    if (++steps > PRECISE_NONCENTRAL_LIMIT) return null;
  }
  return below.div(below.plus(above));
}

/** The Decimal type of the precise noncentral tails. */
export { D as NoncentralDecimal };
