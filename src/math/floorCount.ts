/**
 * ⌊x⌋ for a count such as rate × N, tolerant of binary rounding: 0.07 × 100 is 7.000000000000001 and
 * 0.29 × 100 is 28.999999999999996 in floating point; both are taken as the whole number they stand for.
 * Values within 1e-9 (relative) of an integer are taken as that integer (the counterpart of `ceilCount`).
 */
export function floorCount(x: number): number {
  const nearest = Math.round(x);
  if (Math.abs(x - nearest) <= 1e-9 * Math.max(1, Math.abs(x))) return nearest;
  return Math.floor(x);
}
