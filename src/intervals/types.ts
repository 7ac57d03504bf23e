import { decimalFraction, type Fraction } from "../math/wholeCount.js";
import type { Sided } from "../methods/sided.js";

export { SIDED, type Sided } from "../methods/sided.js";

/**
 * Inclusive lower and upper bounds on a count or a rate. Every result's bounds take this shape (an
 * Interval when they come with an estimate), under the field names `lower` and `upper`.
 */
export interface Bounds {
  readonly lower: number;
  readonly upper: number;
}

/** An estimate with its bounds; the estimate may be null where there is none (a screen's side not reviewed). */
export interface Interval<Estimate extends number | null = number> extends Bounds {
  /** The point estimate; null where there is none (nothing on that side was reviewed). */
  readonly estimate: Estimate;
}

/** The probability left in each bounded tail. */
export function tailProbability(confidence: number, sided: Sided): number {
  return sided === "two" ? (1 - confidence) / 2 : 1 - confidence;
}

/**
 * {@link tailProbability} as an exact fraction, with the confidence read as the decimal it prints as: a
 * confidence of 0.95 two-sided leaves exactly 1/40 in each tail (1 − 0.95 is 0.050000000000000044 in
 * floating point).
 */
export function exactTailProbability(confidence: number, sided: Sided): Fraction {
  const c = decimalFraction(confidence);
  return {
    numerator: c.denominator - c.numerator,
    denominator: sided === "two" ? 2n * c.denominator : c.denominator,
  };
}
