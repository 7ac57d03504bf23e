/**
 * Relative width within which two probabilities count as tied. Risk levels such as 1 − 0.99 carry a
 * rounding error of about 1e-15 relative, and our tail probabilities about 1e-14, so an exact tie
 * (P = 1/100 against α = 0.01) can land on either side by chance; within this width it is decided as in
 * exact arithmetic. Neighbouring candidates differ by far more (at least 1e-9 relative even at N = 10^9).
 */
export const TIE_TOLERANCE = 1e-13;

/** p > α in exact arithmetic: strictly above, ties are not above. */
export function exceeds(p: number, alpha: number): boolean {
  return p > alpha * (1 + TIE_TOLERANCE);
}

/** p < α in exact arithmetic: strictly below, ties are not below. */
export function fallsBelow(p: number, alpha: number): boolean {
  return p < alpha * (1 - TIE_TOLERANCE);
}
