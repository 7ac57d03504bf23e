/**
 * Whole counts from rates and volumes, rounded in exact arithmetic.
 *
 * A count such as ⌈n × rate⌉ or the cases pro-rated into a window is a rational number. Floating point
 * can put it a hair to either side of a whole number (400 × 0.035 is 14.000000000000002; a sum of daily
 * volumes can fall just short of 156), and a tolerance wide enough to absorb that noise also swallows
 * real differences at large counts. So every count is rounded here, from an exact fraction of BigInts.
 */

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

/** a × b, exactly. */
export function multiply(a: Fraction, b: Fraction): Fraction {
  return { numerator: a.numerator * b.numerator, denominator: a.denominator * b.denominator };
}

/** a + b, exactly. */
export function add(a: Fraction, b: Fraction): Fraction {
  return {
    numerator: a.numerator * b.denominator + b.numerator * a.denominator,
    denominator: a.denominator * b.denominator,
  };
}

/** a − b, exactly (the caller keeps it non-negative). */
export function subtract(a: Fraction, b: Fraction): Fraction {
  return {
    numerator: a.numerator * b.denominator - b.numerator * a.denominator,
    denominator: a.denominator * b.denominator,
  };
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
