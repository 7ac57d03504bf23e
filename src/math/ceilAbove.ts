/**
 * ⌈x − 1e-9⌉: a count of cases from an estimate that binary rounding may have put just above a whole
 * number (3.0000000001 counts as 3). Never −0, which Math.ceil gives for x in (−1, 1e-9] and which
 * would print as "-0".
 *
 * @example
 * ceilAbove(3.0000000001); // 3
 * Object.is(ceilAbove(0), 0); // true (Math.ceil(0 - 1e-9) is -0)
 */
export function ceilAbove(x: number): number {
  return Math.ceil(x - 1e-9) + 0;
}
