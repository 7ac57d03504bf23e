/** `two`: half of 1 − confidence in each tail. `upper`: all of it in the upper tail (a one-sided bound). */
export type Sided = "two" | "upper";
export const SIDED: readonly Sided[] = ["two", "upper"];

/** Bounds on a rate from one method, each computed with `alpha` in its tail. */
export interface RateBounds {
  readonly lower: number;
  readonly upper: number;
}

/** The probability left in each bounded tail. */
export function tailProbability(confidence: number, sided: Sided): number {
  return sided === "two" ? (1 - confidence) / 2 : 1 - confidence;
}
