import { InputError, InputTypeError } from "./InputError.js";
import { messages } from "./messages.js";

/** The largest count the library accepts: 2^53 − 1, the largest integer a double holds exactly. */
export const MAX_COUNT = Number.MAX_SAFE_INTEGER;

function requireNumber(field: string, value: unknown): number {
  if (value === undefined) throw new InputError(field, messages.required());
  if (typeof value !== "number") throw new InputTypeError(field, messages.wrongType("a number", value));
  if (Number.isNaN(value)) throw new InputError(field, messages.notANumber("NaN"));
  if (!Number.isFinite(value)) throw new InputError(field, messages.notFinite(String(value)));
  return value;
}

/** A whole number in [min, max]; `maxLabel` describes max when it depends on another field. */
export function requireCount(
  field: string,
  value: unknown,
  min: number,
  max = MAX_COUNT,
  maxLabel?: string,
): number {
  const x = requireNumber(field, value);
  if (!Number.isInteger(x) || x < min || x > max) {
    throw new InputError(field, messages.wholeInRange(min, maxLabel ?? max, x));
  }
  return x;
}

/** A probability strictly between 0 and 1 (confidence, tolerable rate). */
export function requireOpenUnit(field: string, value: unknown): number {
  const x = requireNumber(field, value);
  if (!(x > 0 && x < 1)) throw new InputError(field, messages.openUnit(x));
  return x;
}

/**
 * A confidence level: in [0.5, 1). Below 50% a one-sided bound falls below the estimate and is more likely
 * wrong than right; such a value is almost always a slip (0.95% for 95%, or the risk 0.05 for 0.95), so
 * it is refused with a suggestion rather than used.
 */
export function requireConfidence(field: string, value: unknown): number {
  const x = requireOpenUnit(field, value);
  if (x < 0.5) throw new InputError(field, messages.confidenceBelowHalf(x));
  return x;
}

/** A probability in (0, 1] (sensitivity, prevalence). */
export function requireHalfOpenUnit(field: string, value: unknown): number {
  const x = requireNumber(field, value);
  if (!(x > 0 && x <= 1)) throw new InputError(field, messages.halfOpenUnit(x));
  return x;
}

/** A rate in [0, 1]. */
export function requireClosedUnit(field: string, value: unknown): number {
  const x = requireNumber(field, value);
  if (!(x >= 0 && x <= 1)) throw new InputError(field, messages.closedUnit(x));
  return x;
}

/** A finite number greater than 0 (prior shape parameters). */
export function requirePositive(field: string, value: unknown): number {
  const x = requireNumber(field, value);
  if (!(x > 0)) throw new InputError(field, messages.positive(x));
  return x;
}

/**
 * A drift θ in (0, 1000]: the outside rate as a multiple of the window's. Beyond a thousandfold the drift
 * rows scale the outside volume past any count a bound can be computed for, and say nothing a reader can use.
 */
export function requireDrift(field: string, value: unknown): number {
  const x = requireNumber(field, value);
  if (!(x > 0 && x <= 1000)) throw new InputError(field, messages.driftRange(x));
  return x;
}

/** A selection-bias odds ratio ω in [0.001, 1000] (1 is random selection). */
export function requireBias(field: string, value: unknown): number {
  const x = requireNumber(field, value);
  if (!(x >= 0.001 && x <= 1000)) throw new InputError(field, messages.biasRange(x));
  return x;
}

/** One of a fixed list of names. */
export function requireOneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw new InputError(field, messages.oneOf(allowed, value));
  }
  return value as T;
}
