/**
 * Whole counts from rates and volumes, rounded in exact arithmetic.
 *
 * A count such as ⌈n × rate⌉ or the cases pro-rated into a window is a rational number. Floating point
 * can put it a hair to either side of a whole number (400 × 0.035 is 14.000000000000002; a sum of daily
 * volumes can fall just short of 156), and a tolerance wide enough to absorb that noise also swallows
 * real differences at large counts. So every count is rounded here, from an exact fraction of BigInts.
 */

import { at } from "./at.js";

/** A non-negative rational number, exactly: numerator / denominator, denominator > 0. */
export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/**
 * The exact value of the decimal a non-negative finite number prints as (its shortest round-trip form,
 * which is what a user typed): 0.035 is 35/1000, not the binary double just above it.
 */
export function decimalFraction(x: number): Fraction {
  const match = DECIMAL.exec(String(x));
  if (!match) throw new RangeError(`not a non-negative finite number: ${x}`);
  const fraction = match[2] ?? "";
  const exponent = Number(match[3] ?? 0) - fraction.length;
  const digits = BigInt(`${match[1]}${fraction}`);
  return exponent >= 0
    ? { numerator: digits * 10n ** BigInt(exponent), denominator: 1n }
    : { numerator: digits, denominator: 10n ** BigInt(-exponent) };
}

/** A whole number (a count) as a fraction. */
export function wholeFraction(count: number | bigint): Fraction {
  return { numerator: BigInt(count), denominator: 1n };
}

/** a × b, exactly, in lowest terms. */
export function multiply(a: Fraction, b: Fraction): Fraction {
  return lowest({ numerator: a.numerator * b.numerator, denominator: a.denominator * b.denominator });
}

/** a + b, exactly, in lowest terms. */
export function add(a: Fraction, b: Fraction): Fraction {
  return lowest({
    numerator: a.numerator * b.denominator + b.numerator * a.denominator,
    denominator: a.denominator * b.denominator,
  });
}

/** a − b, exactly, in lowest terms (the caller keeps it non-negative). */
export function subtract(a: Fraction, b: Fraction): Fraction {
  return lowest({
    numerator: a.numerator * b.denominator - b.numerator * a.denominator,
    denominator: a.denominator * b.denominator,
  });
}

/** ⌊f⌋ as a number (exact up to 2^53 − 1). */
export function floorOf(f: Fraction): number {
  return Number(f.numerator / f.denominator);
}

/** ⌈f⌉ as a number (exact up to 2^53 − 1). */
export function ceilOf(f: Fraction): number {
  const whole = f.numerator / f.denominator;
  return Number(whole * f.denominator === f.numerator ? whole : whole + 1n);
}

/** f rounded to the nearest whole number, halves up (as `Math.round`). */
export function roundOf(f: Fraction): number {
  return floorOf({ numerator: 2n * f.numerator + f.denominator, denominator: 2n * f.denominator });
}

/** The nearest double to f, for display and for further floating-point work. */
export function toNumber(f: Fraction): number {
  const whole = f.numerator / f.denominator;
  const rest = f.numerator - whole * f.denominator;
  // The remainder scaled to 2^60 keeps the fraction's first 60 bits, beyond a double's 53.
  return Number(whole) + Number((rest << 60n) / f.denominator) / 2 ** 60;
}

/**
 * ⌈count × rate⌉ with the rate taken as the decimal it prints as: 400 × 0.035 is exactly 14.
 *
 * @example
 * ceilTimes(400, 0.035); // 14
 */
export function ceilTimes(count: number, rate: number): number {
  return ceilOf(multiply(wholeFraction(count), decimalFraction(rate)));
}

/**
 * The largest n with ⌈n × rate⌉ ≤ k, i.e. ⌊k / rate⌋ (rate > 0, taken as the decimal it prints as).
 *
 * @example
 * floorOver(14, 0.035); // 400
 */
export function floorOver(k: number, rate: number): number {
  const r = decimalFraction(rate);
  return floorOf({ numerator: BigInt(k) * r.denominator, denominator: r.numerator });
}

/** n / d for whole n ≥ 0 and d > 0, exactly, in lowest terms. */
export function ratio(numerator: number | bigint, denominator: number | bigint): Fraction {
  return lowest({ numerator: BigInt(numerator), denominator: BigInt(denominator) });
}

/** a ÷ b, exactly (b > 0). */
export function divide(a: Fraction, b: Fraction): Fraction {
  return lowest({ numerator: a.numerator * b.denominator, denominator: a.denominator * b.numerator });
}

/** −1, 0 or 1 as a is below, equal to or above b, decided exactly. */
export function compare(a: Fraction, b: Fraction): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The sum of fractions, exactly, in lowest terms. */
export function sum(parts: readonly Fraction[]): Fraction {
  return parts.reduce(add, { numerator: 0n, denominator: 1n });
}

/**
 * Whole parts that sum to `total` from exact shares that sum to about it: each share rounded down, and the
 * cases left over given one each to the shares with the largest remainders, the earlier first on a tie
 * (Hamilton's largest-remainder method, decided exactly). So strata rounded one by one can never add up to
 * more cases than the whole (2,443 + 2,449 + … = 12,623 of 12,622).
 *
 * @example
 * largestRemainder([ratio(7, 2), ratio(7, 2), ratio(3, 1)], 10); // [4, 3, 3]
 */
export function largestRemainder(shares: readonly Fraction[], total: number): number[] {
  const parts = shares.map(floorOf);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = shares
    .map((share, i) => ({ i, rest: subtract(share, wholeFraction(at(parts, i))) }))
    .sort((a, b) => compare(b.rest, a.rest) || a.i - b.i);
  for (let j = 0; left > 0; j = (j + 1) % order.length, left--) {
    const { i } = at(order, j);
    parts[i] = at(parts, i) + 1;
  }
  for (let j = order.length - 1; left < 0; j = (j - 1 + order.length) % order.length) {
    const { i } = at(order, j);
    if (at(parts, i) > 0) {
      parts[i] = at(parts, i) - 1;
      left++;
    }
  }
  return parts;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** f in lowest terms, so that sums over many periods keep small denominators. */
function lowest(f: Fraction): Fraction {
  const g = gcd(f.numerator, f.denominator);
  return g <= 1n ? f : { numerator: f.numerator / g, denominator: f.denominator / g };
}
