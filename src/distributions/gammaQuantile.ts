import gammaln from "@stdlib/math-base-special-gammaln";
import quantile from "@stdlib/stats-base-dists-gamma-quantile";
import { incompleteGamma } from "./incompleteGamma.js";
import { normalQuantile } from "./normalQuantile.js";
import { poissonLogPmf } from "./poissonLogPmf.js";

/** From this shape on, Newton starts from the Wilson–Hilferty approximation rather than stdlib's quantile. */
const WILSON_HILFERTY_FROM = 1e6;

/**
 * Quantile of the Gamma(shape, 1) distribution: the x with P(shape, x) = p.
 *
 * Method: `@stdlib/stats-base-dists-gamma-quantile` as the starting value (from shape 10⁶, the
 * Wilson–Hilferty approximation a(1 − 1/(9a) + z/(3√a))³, z the normal quantile, whose relative error there
 * is below 10⁻⁸), then Newton steps on the regularized incomplete gamma function ({@link incompleteGamma},
 * in whichever tail is the smaller, to avoid cancellation), because the library quantile alone is off by
 * up to 2e-4 relative for shapes of a thousand and more. The density in each step is Loader's saddle-point
 * form of the Poisson probability, f(x; a) = P(Poisson(x) = a − 1), accurate at any shape: the naive
 * exp((a − 1) ln x − x − ln Γ(a)) loses every digit by a = 10¹⁴ (ln Γ(a) ≈ 10¹⁶ carries an absolute error
 * of about 2), which sent the steps astray and gave Poisson lower bounds above upper bounds at k = 5·10¹⁴.
 * Checked against mpmath in `test/fixtures/python` (up to shape 10¹⁶ by quadrature of the density).
 *
 * @param p - probability in [0, 1]
 * @param shape - shape parameter (> 0)
 * @returns the quantile, or NaN outside the domain
 */
export function gammaQuantile(p: number, shape: number): number {
  if (!(p >= 0 && p <= 1) || !(shape > 0)) return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const upperTail = p > 0.5;
  const target = upperTail ? 1 - p : p;
  const logNorm = -gammaln(shape);
  let x =
    shape >= WILSON_HILFERTY_FROM
      ? shape * (1 - 1 / (9 * shape) + normalQuantile(p) / (3 * Math.sqrt(shape))) ** 3
      : quantile(p, shape, 1);
  for (let step = 0; step < 40 && x > 0 && Number.isFinite(x); step++) {
    const tail = incompleteGamma(shape, x, upperTail ? "upper" : "lower");
    const density = Math.exp(
      shape >= 1 ? poissonLogPmf(shape - 1, x) : logNorm + (shape - 1) * Math.log(x) - x,
    );
    if (!(density > 0)) break;
    // P(shape, x) rises with x; its upper tail Q falls.
    const delta = (upperTail ? tail - target : target - tail) / density;
    const next = x + delta;
    if (!(next > 0)) break;
    const converged = Math.abs(delta) <= 1e-15 * x;
    x = next;
    if (converged) break;
  }
  return x;
}
