/**
 * The deviance term `bd0(x, m) = x ln(x/m) + m − x`, computed without cancellation when x ≈ m.
 *
 * Method: the series of Loader (2000) in `v = (x − m)/(x + m)` when |x − m| < 0.1 (x + m), which keeps the
 * full relative precision that the naive formula loses when x and m are close and large (N near 10^9).
 * Hand-written for the same reason as {@link stirlingError}.
 *
 * Reference: C. Loader (2000), "Fast and Accurate Computation of Binomial Probabilities".
 *
 * @param x - a non-negative real number
 * @param m - a positive real number
 * @returns bd0(x, m) ≥ 0
 */
export function binomialDeviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let sum = (x - m) * v;
    if (Math.abs(sum) < Number.MIN_VALUE) return sum;
    let term = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      term *= v;
      const next = sum + term / (2 * j + 1);
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  return x * Math.log(x / m) + m - x;
}
