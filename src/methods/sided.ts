// Sidedness is part of every method's statement and of every sentence about it, so it lives in this leaf
// folder, which the format module can import without reaching into intervals/.

/** `two`: half of 1 − confidence in each tail. `upper`: all of it in the upper tail (a one-sided bound). */
export type Sided = "two" | "upper";
export const SIDED: readonly Sided[] = ["two", "upper"];
